"""A stored tailored version fitted to a page budget (tailoring.service): the page's "Fit to
1 page / 2 pages", the suggestion fitted to the version's budget, what it leaves out kept
with the version, put back and undone, and the page count the page shows."""

from __future__ import annotations

import copy

import pytest

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Resume, TailoredVersion
from resume_app.export.pdf import page_count
from resume_app.storage import repository
from resume_app.tailoring import service
from resume_app.tailoring.embedding import embedder as shared_embedder
from resume_app.tailoring.suggestion import UNNAMED_VERSION
from tests.corpus import CORPUS

JOBS = CORPUS / "jobs"
# Four pages as exported, with projects, awards and an entry paragraph to leave out.
LONG = "awesomecv_resume"
# Two pages as exported; its best bullets fit on one.
TWO_PAGES = "rendercv_sb2nov"


def corpus(stem: str) -> Resume:
    return json_resume.loads((CORPUS / "truth" / f"{stem}.json").read_bytes())


@pytest.fixture(scope="module", autouse=True)
def model():
    shared_embedder().load()


def stored_version(workspace: str, stem: str, posting: str | None) -> tuple[Resume, str]:
    master = repository.create_resume(workspace, copy.deepcopy(corpus(stem)))
    version = repository.save_version(workspace, TailoredVersion(resume_id=master.id, name=UNNAMED_VERSION))
    if posting:
        service.store_posting(workspace, version.id, (JOBS / posting).read_text(encoding="utf-8"))
    return master, version.id


def exported_pages(workspace: str, version_id: str) -> int:
    return service.export(workspace, version_id, "pdf").pages


def test_the_first_suggestion_is_fitted_to_the_masters_pages_at_most_two(workspace):
    master, version_id = stored_version(workspace, LONG, "indeed_150_devops_engineer.txt")
    assert service.master_pages(master) > 2
    result = service.rank_stored(workspace, version_id, True)
    saved = repository.get_version(workspace, version_id)
    assert saved.page_budget == 2
    assert exported_pages(workspace, version_id) <= 2
    assert result.fit_notes, "what fitting left out is said"
    counts = service.page_counts(workspace, version_id)
    assert (counts.version, counts.budget) == (exported_pages(workspace, version_id), 2)
    assert counts.master == service.master_pages(master)


@pytest.mark.parametrize("pages", [1, 2])
def test_fit_to_n_pages_exports_n_pages_and_keeps_the_budget(workspace, pages):
    _, version_id = stored_version(workspace, TWO_PAGES, "indeed_414_data_engineer.txt")
    service.rank_stored(workspace, version_id, True)
    change = service.fit_version(workspace, version_id, pages)
    assert exported_pages(workspace, version_id) <= pages
    assert page_count(service.export(workspace, version_id, "pdf").data) <= pages
    saved = repository.get_version(workspace, version_id)
    assert saved.page_budget == pages and saved.bullet_ids == change.bullet_ids
    assert change.bullet_ids, "every job keeps its best bullet"


def test_fitting_a_long_version_to_one_page_leaves_out_entries_and_says_which(workspace):
    master, version_id = stored_version(workspace, LONG, "indeed_150_devops_engineer.txt")
    change = service.fit_version(workspace, version_id, 1)
    saved = repository.get_version(workspace, version_id)
    assert exported_pages(workspace, version_id) == 1
    assert saved.left_out_entry_ids, "optional entries go before the jobs' last bullets"
    names = {entry.id: entry.title or entry.organization for entry in master.entries()}
    noted = " ".join(change.notes)
    assert all(names[entry_id] in noted for entry_id in saved.left_out_entry_ids if names[entry_id])
    assert service.page_counts(workspace, version_id).left_out == len(saved.left_out_entry_ids) + len(
        saved.left_out_summary_ids
    )

    # Undo gives back the earlier choice and shows every entry again.
    service.restore(workspace, version_id, change.previous, change.previous_left_out)
    restored = repository.get_version(workspace, version_id)
    assert restored.left_out_entry_ids == change.previous_left_out.entry_ids == []
    assert restored.bullet_ids == change.previous


def test_put_back_shows_the_left_out_entries_again(workspace):
    _, version_id = stored_version(workspace, LONG, "indeed_150_devops_engineer.txt")
    service.fit_version(workspace, version_id, 1)
    left_out = service.put_back(workspace, version_id)
    assert left_out.entry_ids
    saved = repository.get_version(workspace, version_id)
    assert saved.left_out_entry_ids == saved.left_out_summary_ids == []
    assert exported_pages(workspace, version_id) > 1


def test_choosing_a_bullet_of_a_left_out_entry_brings_the_entry_back(workspace):
    master, version_id = stored_version(workspace, LONG, None)
    entry = next(entry for entry in master.entries() if len(entry.bullets) > 1)
    version = repository.get_version(workspace, version_id)
    version.left_out_entry_ids, version.bullet_ids = [entry.id], []
    repository.save_version(workspace, version)
    service.toggle(workspace, version_id, entry.bullets[0].id)
    assert repository.get_version(workspace, version_id).left_out_entry_ids == []


def test_a_version_without_a_posting_is_fitted_from_its_own_choice(workspace):
    master, version_id = stored_version(workspace, TWO_PAGES, None)
    everything = [bullet.id for bullet in master.bullets()]
    service.restore(workspace, version_id, everything)
    change = service.fit_version(workspace, version_id, 1)
    assert exported_pages(workspace, version_id) == 1
    assert set(change.bullet_ids) < set(everything)


def test_a_budget_under_one_page_is_refused_with_a_sentence(workspace):
    _, version_id = stored_version(workspace, TWO_PAGES, None)
    with pytest.raises(InputError, match="at least one page"):
        service.fit_version(workspace, version_id, 0)


def test_a_duplicate_keeps_the_budget_and_what_was_left_out(workspace):
    _, version_id = stored_version(workspace, LONG, "indeed_150_devops_engineer.txt")
    service.fit_version(workspace, version_id, 1)
    original = repository.get_version(workspace, version_id)
    copy_ = repository.get_version(workspace, service.duplicate(workspace, version_id))
    assert (copy_.page_budget, copy_.left_out_entry_ids, copy_.bullet_ids) == (
        1,
        original.left_out_entry_ids,
        original.bullet_ids,
    )
