"""Storage: resumes survive a reload exactly, and workspaces never see each other.

Runs on a private SQLite file by default, or on PostgreSQL when
RESUME_APP_DATABASE_URL points at one.
"""

from __future__ import annotations

import json
import secrets

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.storage import db, repository
from tests.corpus import TRUTH_FILES
from tests.test_json_resume import UNICODE_NAME


def _stored(workspace: str, path) -> Resume:
    return repository.create_resume(workspace, json_resume.loads(path.read_bytes()))


def test_migrations_bring_a_new_database_to_the_newest_schema():
    engine = db.engine()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    assert current == ScriptDirectory.from_config(db.alembic_config(str(engine.url))).get_current_head()
    tables = set(inspect(engine).get_table_names())
    expected = {"workspace", "resume", "section", "entry", "bullet", "skill", "job_posting", "tailored_version"}
    assert expected | {"embedding_cache"} <= tables


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda path: path.stem)
def test_truth_file_survives_storage(workspace, path):
    stored = _stored(workspace, path)
    reloaded = repository.get_resume(workspace, stored.id)
    assert json_resume.to_json_resume(reloaded) == json.loads(path.read_text(encoding="utf-8"))
    assert [bullet.id for bullet in reloaded.bullets()] == [bullet.id for bullet in stored.bullets()]


def test_an_edit_is_saved_in_one_transaction_and_reloads(workspace):
    stored = _stored(workspace, TRUTH_FILES[0])
    job = next(entry for entry in stored.entries() if len(entry.bullets) >= 3)
    third = job.bullets[2]

    def move_third_to_top(resume: Resume) -> None:
        editing.move_bullet(resume, third.id, -2)
        editing.set_bullet_text(resume, third.id, "Rewritten ✓")

    repository.update_resume(workspace, stored.id, move_third_to_top)
    reloaded_job = next(entry for entry in repository.get_resume(workspace, stored.id).entries() if entry.id == job.id)
    assert [bullet.id for bullet in reloaded_job.bullets[:3]] == [third.id, job.bullets[0].id, job.bullets[1].id]
    assert reloaded_job.bullets[0].text == "Rewritten ✓"


def test_a_failed_edit_changes_nothing(workspace):
    stored = _stored(workspace, TRUTH_FILES[0])
    before = json_resume.to_json_resume(repository.get_resume(workspace, stored.id))

    def half_done(resume: Resume) -> None:
        resume.sections.clear()
        raise InputError("stop")

    with pytest.raises(InputError):
        repository.update_resume(workspace, stored.id, half_done)
    assert json_resume.to_json_resume(repository.get_resume(workspace, stored.id)) == before


def test_unicode_survives_save_and_reload(workspace):
    resume = Resume()
    resume.contact.name = UNICODE_NAME
    entry = editing.add_entry(resume, "work")
    entry.organization = "株式会社テスト"
    editing.add_bullet(resume, entry.id, "Réduit les coûts de 30 % 🚀 — «naïve»")
    stored = repository.create_resume(workspace, resume)
    reloaded = repository.get_resume(workspace, stored.id)
    assert reloaded.contact.name == UNICODE_NAME
    assert reloaded.entries()[0].organization == "株式会社テスト"
    assert reloaded.bullets()[0].text == "Réduit les coûts de 30 % 🚀 — «naïve»"


def test_another_workspace_sees_nothing(workspace):
    stored = _stored(workspace, TRUTH_FILES[0])
    stranger = secrets.token_urlsafe(24)
    repository.ensure_workspace(stranger)
    assert repository.list_resumes(stranger) == []
    for attempt in (
        lambda: repository.get_resume(stranger, stored.id),
        lambda: repository.rename_resume(stranger, stored.id, "Mine now"),
        lambda: repository.duplicate_resume(stranger, stored.id),
        lambda: repository.delete_resume(stranger, stored.id),
        lambda: repository.update_resume(stranger, stored.id, lambda resume: resume.sections.clear()),
    ):
        with pytest.raises(repository.NotFound, match="not found"):
            attempt()
    assert json_resume.to_json_resume(repository.get_resume(workspace, stored.id)) == json.loads(
        TRUTH_FILES[0].read_text(encoding="utf-8")
    )


def test_library_lists_newest_first_with_bullet_counts(workspace):
    first = _stored(workspace, TRUTH_FILES[0])
    second = _stored(workspace, TRUTH_FILES[1])
    repository.rename_resume(workspace, first.id, "  Edited   last ")
    listing = repository.list_resumes(workspace)
    assert [item.id for item in listing] == [first.id, second.id]
    assert listing[0].title == "Edited last"
    assert listing[0].bullet_count == len(first.bullets())


def test_duplicate_is_independent_and_delete_removes_everything(workspace):
    original = _stored(workspace, TRUTH_FILES[0])
    copy = repository.duplicate_resume(workspace, original.id)
    assert copy.title == f"Copy of {original.title}"
    repository.update_resume(workspace, copy.id, lambda resume: resume.sections.clear())
    assert len(repository.get_resume(workspace, original.id).bullets()) == len(original.bullets())
    repository.delete_resume(workspace, original.id)
    assert [item.id for item in repository.list_resumes(workspace)] == [copy.id]
    with pytest.raises(repository.NotFound):
        repository.get_resume(workspace, original.id)


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_a_resume_needs_a_sensible_name(workspace, title):
    stored = _stored(workspace, TRUTH_FILES[0])
    with pytest.raises(InputError):
        repository.rename_resume(workspace, stored.id, title)


def test_workspace_tokens_must_look_random():
    with pytest.raises(InputError):
        repository.ensure_workspace("short")
    with pytest.raises(InputError):
        repository.ensure_workspace("../../etc/passwd-with-enough-length")


def test_concurrent_edits_of_one_resume_all_land(workspace):
    """Two tabs or two workers editing the same resume: no edit overwrites another."""
    from concurrent.futures import ThreadPoolExecutor

    stored = _stored(workspace, TRUTH_FILES[0])
    bullet_ids = [bullet.id for bullet in stored.bullets()][:12]

    def rewrite(bullet_id: str) -> None:
        repository.update_resume(
            workspace, stored.id, lambda resume: editing.set_bullet_text(resume, bullet_id, f"edited {bullet_id}")
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(rewrite, bullet_ids))
    texts = {bullet.id: bullet.text for bullet in repository.get_resume(workspace, stored.id).bullets()}
    assert all(texts[bullet_id] == f"edited {bullet_id}" for bullet_id in bullet_ids)
