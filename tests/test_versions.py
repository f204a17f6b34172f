"""Tailored versions: one per posting, bullets by id, kept apart per workspace."""

from __future__ import annotations

import secrets

import pytest

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import JobPosting, TailoredVersion, apply_version
from resume_app.storage import repository
from tests.corpus import CORPUS

TRUTH = CORPUS / "truth" / "rendercv_classic.json"


@pytest.fixture
def master(workspace):
    return repository.create_resume(workspace, json_resume.loads(TRUTH.read_bytes()))


def test_apply_version_shows_the_chosen_bullets_in_its_order(master):
    job = master.section("work").entries[0]
    first, second, third = (bullet.id for bullet in job.bullets[:3])
    tailored = apply_version(master, [third, first, "deleted-bullet-id"])
    shown = [bullet.id for bullet in tailored.section("work").entries[0].bullets if not bullet.hidden]
    assert shown == [third, first]
    assert all(bullet.hidden for entry in tailored.entries()[1:] for bullet in entry.bullets)
    assert not any(bullet.hidden for bullet in master.bullets()), "the master is left as it is"
    assert second in [bullet.id for bullet in tailored.bullets()]


def test_versions_are_stored_listed_duplicated_and_deleted(workspace, master):
    posting = repository.save_posting(workspace, JobPosting(text="DevOps Engineer ...", title="DevOps", company="Acme"))
    ids = [bullet.id for bullet in master.bullets()[:4]]
    version = repository.save_version(
        workspace, TailoredVersion(resume_id=master.id, name="Acme - DevOps", job_posting_id=posting.id, bullet_ids=ids)
    )
    assert repository.get_version(workspace, version.id).bullet_ids == ids
    assert repository.get_posting(workspace, posting.id).company == "Acme"
    version.bullet_ids = list(reversed(ids))
    repository.save_version(workspace, version)
    copy = repository.duplicate_version(workspace, version.id)
    assert copy.name == "Copy of Acme - DevOps" and copy.bullet_ids == list(reversed(ids))
    assert {item.id for item in repository.list_versions(workspace, master.id)} == {version.id, copy.id}
    repository.delete_version(workspace, version.id)
    assert [item.id for item in repository.list_versions(workspace, master.id)] == [copy.id]


def test_editing_a_master_bullet_shows_in_every_version(workspace, master):
    bullet = master.bullets()[0]
    version = repository.save_version(
        workspace, TailoredVersion(resume_id=master.id, name="One", bullet_ids=[bullet.id])
    )
    repository.update_resume(workspace, master.id, lambda resume: editing.set_bullet_text(resume, bullet.id, "Changed"))
    stored = repository.get_resume(workspace, master.id)
    tailored = apply_version(stored, repository.get_version(workspace, version.id).bullet_ids)
    assert [b.text for b in tailored.bullets() if not b.hidden] == ["Changed"]


def test_other_workspaces_see_no_versions_or_postings(workspace, master):
    posting = repository.save_posting(workspace, JobPosting(text="Posting"))
    version = repository.save_version(workspace, TailoredVersion(resume_id=master.id, name="Mine"))
    stranger = secrets.token_urlsafe(24)
    repository.ensure_workspace(stranger)
    for attempt in (
        lambda: repository.get_version(stranger, version.id),
        lambda: repository.get_posting(stranger, posting.id),
        lambda: repository.list_versions(stranger, master.id),
        lambda: repository.delete_version(stranger, version.id),
        lambda: repository.save_version(stranger, TailoredVersion(resume_id=master.id, name="Theirs")),
        lambda: repository.save_version(stranger, TailoredVersion(id=version.id, resume_id="x", name="Hijack")),
    ):
        with pytest.raises(repository.NotFound):
            attempt()
    assert repository.get_version(workspace, version.id).name == "Mine"


def test_a_version_needs_a_name(workspace, master):
    with pytest.raises(InputError, match="tailored version needs a name"):
        repository.save_version(workspace, TailoredVersion(resume_id=master.id, name="  "))
