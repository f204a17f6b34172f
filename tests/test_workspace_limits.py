"""Per-workspace limits for a shared server: resumes in a library, versions of a resume,
a posting's length, uploads in a time window. Each is applied below the page (every path
that adds: new, import, duplicate, restore), counted in the database, and refused in one
sentence with nothing half-made."""

from __future__ import annotations

import io
import secrets
import threading
import zipfile
from datetime import timedelta

import pytest
import reflex as rx
from sqlalchemy import select, update

from resume_app.core import json_resume
from resume_app.core.model import JobPosting, Resume, TailoredVersion
from resume_app.storage import backup, limits, repository
from resume_app.storage.db import session_scope
from resume_app.storage.limits import LimitReached
from resume_app.storage.tables import UploadRow
from resume_app.tailoring import service
from tests.corpus import ROOT, TRUTH_FILES
from tests.sentences import one_sentence
from tests.test_recovery_state import _collect, _page


def _titles(workspace: str) -> list[str]:
    return sorted(listing.title for listing in repository.list_resumes(workspace))


def _fill(workspace: str, count: int) -> list[Resume]:
    return [repository.create_resume(workspace, Resume(title=f"Resume {index}")) for index in range(count)]


def _mine(workspace: str):
    # Tests may share one PostgreSQL database: only this workspace's uploads.
    return UploadRow.workspace_id == repository.workspace_hash(workspace)


class _Upload:
    def __init__(self, data: bytes, name: str):
        self.data, self.name, self.filename, self.size = data, name, name, len(data)

    async def read(self, size: int = -1) -> bytes:
        return self.data if size < 0 else self.data[:size]


def _json_resume_upload() -> _Upload:
    return _Upload(TRUTH_FILES[0].read_bytes(), "resume.json")


# Resumes in a library


def test_a_full_library_refuses_a_new_resume_in_one_sentence(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "3")
    first, *_ = _fill(workspace, 3)
    before = _titles(workspace)
    with pytest.raises(LimitReached) as refused:
        repository.create_resume(workspace, Resume(title="One too many"))
    assert one_sentence(str(refused.value)) and "holds 3 resumes" in str(refused.value)
    with pytest.raises(LimitReached):
        repository.duplicate_resume(workspace, first.id)
    assert _titles(workspace) == before
    # Deleting one makes room again.
    repository.delete_resume(workspace, first.id)
    repository.create_resume(workspace, Resume(title="Now it fits"))


def test_the_limit_is_per_workspace(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "2")
    _fill(workspace, 2)
    other = secrets.token_urlsafe(24)
    repository.ensure_workspace(other)
    _fill(other, 2)
    assert len(_titles(other)) == 2


def test_the_library_page_says_so_when_new_or_import_finds_it_full(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "1")
    _fill(workspace, 1)
    page = _page(workspace)
    assert page.new_resume() is None
    assert one_sentence(page.message) and "holds 1 resume," in page.message
    page.message = ""
    events = _collect(page.import_file([_json_resume_upload()]))
    assert "holds 1 resume," in page.message and not page.importing
    assert not any("redirect" in str(event) for event in events)
    assert _titles(workspace) == ["Resume 0"]
    # Refused for a full library, the import was not counted as an upload either.
    with session_scope() as session:
        assert session.scalars(select(UploadRow).where(_mine(workspace))).all() == []


def test_many_adding_at_once_stop_at_the_limit(workspace, monkeypatch):
    """Several servers sharing one database count there: eight at once, room for three."""
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "3")
    refused: list[str] = []
    barrier = threading.Barrier(8)

    def add(index: int) -> None:
        barrier.wait()
        try:
            repository.create_resume(workspace, Resume(title=f"Racer {index}"))
        except LimitReached as error:
            refused.append(str(error))

    threads = [threading.Thread(target=add, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(_titles(workspace)) == 3
    assert len(refused) == 5


# Versions of a resume


def test_a_resume_with_its_most_versions_refuses_another_but_edits_go_on(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_VERSIONS_PER_RESUME", "2")
    resume = repository.create_resume(workspace, Resume(title="Master"))
    first = repository.save_version(workspace, TailoredVersion(resume_id=resume.id, name="A"))
    repository.save_version(workspace, TailoredVersion(resume_id=resume.id, name="B"))
    with pytest.raises(LimitReached) as refused:
        repository.save_version(workspace, TailoredVersion(resume_id=resume.id, name="C"))
    assert one_sentence(str(refused.value)) and "2 tailored versions" in str(refused.value)
    with pytest.raises(LimitReached):
        service.duplicate(workspace, first.id)
    assert service.rename(workspace, first.id, "A renamed") == "A renamed"
    assert sorted(version.name for version in repository.list_versions(workspace, resume.id)) == ["A renamed", "B"]
    # Another resume has its own count.
    other = repository.create_resume(workspace, Resume(title="Other"))
    repository.save_version(workspace, TailoredVersion(resume_id=other.id, name="A"))


def test_the_editor_says_so_when_tailoring_finds_the_versions_full(workspace, monkeypatch):
    from resume_app.ui.state.editor import EditorState

    monkeypatch.setenv("RESUME_APP_MAX_VERSIONS_PER_RESUME", "1")
    resume = repository.create_resume(workspace, Resume(title="Master"))
    repository.save_version(workspace, TailoredVersion(resume_id=resume.id, name="A"))
    root = rx.State(_reflex_internal_init=True)
    editor = root.get_substate(EditorState.get_full_name().split(".")[1:])
    editor.workspace_token, editor.resume_id = workspace, resume.id
    assert editor.new_version() is None
    assert editor.save_status == "error" and "1 tailored version," in editor.save_message
    assert len(repository.list_versions(workspace, resume.id)) == 1


# A posting's length


def test_a_posting_over_the_limit_is_refused_by_storage_itself(workspace, monkeypatch):
    with pytest.raises(LimitReached, match="longer than 100,000 characters"):
        repository.save_posting(workspace, JobPosting(text="x" * (limits.MAX_POSTING_CHARS + 1)))
    monkeypatch.setenv("RESUME_APP_MAX_POSTING_CHARS", "5000")
    resume = repository.create_resume(workspace, Resume(title="Master"))
    version = repository.save_version(workspace, TailoredVersion(resume_id=resume.id, name="A"))
    with pytest.raises(LimitReached, match="longer than 5,000 characters"):
        service.store_posting(workspace, version.id, "Accountant. " * 500)
    assert repository.get_version(workspace, version.id).job_posting_id is None


def test_a_posting_limit_is_never_raised_past_what_the_websocket_carries(monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_POSTING_CHARS", "5000000")
    assert limits.current().posting_chars == limits.MAX_POSTING_CHARS


# Uploads in a time window


def test_uploads_past_the_window_limit_are_refused_until_the_window_moves_on(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "3")
    monkeypatch.setenv("RESUME_APP_UPLOAD_WINDOW_MINUTES", "10")
    for _ in range(3):
        repository.charge_upload(workspace, "import")
    with pytest.raises(LimitReached) as refused:
        repository.charge_upload(workspace, "restore")
    message = str(refused.value)
    assert one_sentence(message)
    assert "uploaded 3 files in the last 10 minutes" in message
    assert "try again in 10 minutes" in message
    # Eleven minutes later the three have left the window (and their rows are gone).
    with session_scope() as session:
        session.execute(update(UploadRow).where(_mine(workspace)).values(at=UploadRow.at - timedelta(minutes=11)))
    repository.charge_upload(workspace, "import")
    with session_scope() as session:
        assert len(session.scalars(select(UploadRow).where(_mine(workspace))).all()) == 1


def test_an_import_on_the_page_past_the_upload_limit_says_when_to_try_again(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "1")
    page = _page(workspace)
    _collect(page.import_file([_json_resume_upload()]))
    assert len(_titles(workspace)) == 1
    _collect(page.import_file([_json_resume_upload()]))
    assert one_sentence(page.message) and "try again in" in page.message
    assert len(_titles(workspace)) == 1


def test_a_posting_file_counts_as_an_upload_too(workspace, monkeypatch):
    from resume_app.ui.state.tailor import TailorState

    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "1")
    repository.charge_upload(workspace, "import")
    root = rx.State(_reflex_internal_init=True)
    page = root.get_substate(TailorState.get_full_name().split(".")[1:])
    page.workspace_token = workspace
    events = _collect(page.upload_posting([_Upload(b"We need an accountant who knows Excel.", "job.txt")]))
    assert one_sentence(page.posting_error) and "try again in" in page.posting_error
    assert events == [] or all("set_posting_text" not in str(event) for event in events)


def test_every_workspace_has_its_own_upload_count(workspace, monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "1")
    repository.charge_upload(workspace, "import")
    other = secrets.token_urlsafe(24)
    repository.ensure_workspace(other)
    repository.charge_upload(other, "import")


# Restore from a backup


def _backup_of(count: int, postings: list[str] = ()) -> bytes:
    source = secrets.token_urlsafe(24)
    repository.ensure_workspace(source)
    for _ in range(count):
        repository.create_resume(source, json_resume.loads(TRUTH_FILES[0].read_bytes()))
    for text in postings:
        repository.save_posting(source, JobPosting(text=text))
    return backup.backup(source)


def test_a_restore_that_would_overfill_the_library_adds_nothing(workspace, monkeypatch):
    data = _backup_of(3)
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "4")
    _fill(workspace, 2)
    with pytest.raises(LimitReached) as refused:
        backup.restore(workspace, data)
    assert str(refused.value) == limits.no_room_for_backup(3, 2, 4)
    assert one_sentence(str(refused.value))
    assert _titles(workspace) == ["Resume 0", "Resume 1"]


def test_a_restore_counts_as_an_upload(workspace, monkeypatch):
    data = _backup_of(1)
    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "1")
    backup.restore(workspace, data)
    with pytest.raises(LimitReached, match="try again in"):
        backup.restore(workspace, data)
    assert len(_titles(workspace)) == 1


def test_a_backup_with_a_posting_over_the_limit_adds_nothing(workspace, monkeypatch):
    data = _backup_of(1, postings=["Accountant. " * 1000])
    monkeypatch.setenv("RESUME_APP_MAX_POSTING_CHARS", "5000")
    with pytest.raises(LimitReached, match="posting in this backup is longer than 5,000"):
        backup.restore(workspace, data)
    assert _titles(workspace) == []


def test_a_backup_resume_with_too_many_versions_adds_nothing(workspace, monkeypatch):
    source = secrets.token_urlsafe(24)
    repository.ensure_workspace(source)
    resume = repository.create_resume(source, json_resume.loads(TRUTH_FILES[0].read_bytes()))
    for name in ("A", "B", "C"):
        repository.save_version(source, TailoredVersion(resume_id=resume.id, name=name))
    data = backup.backup(source)
    monkeypatch.setenv("RESUME_APP_MAX_VERSIONS_PER_RESUME", "2")
    with pytest.raises(LimitReached, match="more than 2 tailored versions"):
        backup.restore(workspace, data)
    assert _titles(workspace) == []
    # The archive itself was fine: a zip with the three versions.
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


# Settings


def test_a_bad_setting_keeps_the_default(monkeypatch):
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "lots")
    monkeypatch.setenv("RESUME_APP_MAX_UPLOADS", "0")
    current = limits.current()
    assert current.resumes == limits.DEFAULTS["RESUME_APP_MAX_RESUMES"]
    assert current.uploads == limits.DEFAULTS["RESUME_APP_MAX_UPLOADS"]


def test_the_readme_names_every_limit_setting_with_its_default():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for name, default in limits.DEFAULTS.items():
        assert f"`{name}` (default {default:,})" in readme or f"`{name}` (default {default})" in readme, name


def test_a_page_event_that_reaches_a_limit_leaves_nothing_half_made(workspace, monkeypatch):
    """Duplicating a resume on the library page when it is full: a sentence, no copy."""
    monkeypatch.setenv("RESUME_APP_MAX_RESUMES", "1")
    (only,) = _fill(workspace, 1)
    page = _page(workspace)
    page.duplicate(only.id)
    assert "holds 1 resume," in page.message
    assert [card.title for card in page.resumes] == ["Resume 0"]
    assert page.resumes[0].id == only.id
