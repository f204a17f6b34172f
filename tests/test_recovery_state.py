"""The library page's recovery panel, called as the page calls it: a wrong key is one
sentence and creates nothing, a right key switches the browser to its library, and a
backup made on the page restores into another workspace."""

from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor

import reflex as rx

from resume_app.core import json_resume
from resume_app.storage import backup, repository
from resume_app.ui.state.library import WRONG_KEY, LibraryState
from tests.corpus import TRUTH_FILES
from tests.sentences import one_sentence


def _page(workspace: str) -> LibraryState:
    root = rx.State(_reflex_internal_init=True)
    page = root.get_substate(LibraryState.get_full_name().split(".")[1:])
    page.workspace_token = workspace
    return page


def _collect(generator) -> list:
    """Run an async generator handler to the end (on a thread of its own, as test_page_states)."""

    async def drain():
        return [item async for item in generator]

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, drain()).result()


class _Upload:
    def __init__(self, data: bytes):
        self.data, self.name, self.filename, self.size = data, "backup.zip", "backup.zip", len(data)

    async def read(self, size: int = -1) -> bytes:
        return self.data if size < 0 else self.data[:size]


def test_a_wrong_key_says_so_and_creates_no_library(workspace):
    page = _page(workspace)
    wrong = secrets.token_urlsafe(24)
    page.set_key_typed(wrong)
    page.open_with_key()
    assert page.recovery_error == WRONG_KEY and one_sentence(WRONG_KEY)
    assert page.workspace_token == workspace
    assert not repository.workspace_exists(wrong)
    page.set_key_typed("not a key at all")
    page.open_with_key()
    assert page.recovery_error == WRONG_KEY


def test_the_right_key_opens_its_library_on_this_browser(workspace):
    stored = repository.create_resume(workspace, json_resume.loads(TRUTH_FILES[0].read_bytes()))
    fresh = secrets.token_urlsafe(24)
    page = _page(fresh)
    page.load()
    assert page.resumes == []
    page.set_key_typed(f"  {workspace}\n")
    page.open_with_key()
    assert page.recovery_error == ""
    assert page.workspace_token == workspace
    assert [card.id for card in page.resumes] == [stored.id]


def test_a_backup_from_the_page_restores_into_another_workspace(workspace):
    stored = repository.create_resume(workspace, json_resume.loads(TRUTH_FILES[0].read_bytes()))
    events = _collect(_page(workspace).backup_library())
    download = events[-1]
    assert "download" in str(download).lower()
    data = backup.backup(workspace)
    other = _page(secrets.token_urlsafe(24))
    _collect(other.restore_backup([_Upload(data)]))
    assert other.recovery_error == ""
    assert other.recovery_note == "Restored 1 resume, 0 tailored versions and 0 job postings."
    assert [card.title for card in other.resumes] == [stored.title]


def test_a_bad_backup_is_one_sentence_and_adds_nothing(workspace):
    page = _page(workspace)
    _collect(page.restore_backup([_Upload(b"not a zip")]))
    assert one_sentence(page.recovery_error) and "not a zip archive" in page.recovery_error
    assert repository.list_resumes(workspace) == []
    assert not page.restoring


def test_copy_and_download_give_this_browsers_key(workspace):
    page = _page(workspace)
    page.copy_key()
    assert page.recovery_note.startswith("The recovery key is copied")
    assert "recovery-key" in str(page.download_key())
    assert page.recovery_note.startswith("The recovery key is downloaded")
