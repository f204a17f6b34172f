"""A database that cannot be reached loses no edit: the editor and the tailoring page say
"Not saved" with the reason, keep every edit made meanwhile in order, and write them when
the database answers again. A page whose state was lost (Redis restarted) asks the browser
for its workspace key instead of opening a new, empty library."""

from __future__ import annotations

import asyncio
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
import reflex as rx
from sqlalchemy.exc import IntegrityError, OperationalError

from resume_app.core.model import Bullet, Entry, Resume, Section, TailoredVersion
from resume_app.storage import repository
from resume_app.tailoring import service
from resume_app.ui.state.editor import EditorState
from resume_app.ui.state.saving import (
    ACTION_OUTAGE,
    FAILED,
    NOT_SAVED,
    OUTAGE,
    PAGE_OUTAGE,
    RETRY_LIMIT,
    SAVED,
)
from resume_app.ui.state.tailor import TailorState, VersionsState
from tests.sentences import one_sentence


def _in_tree(state_class):
    root = rx.State(_reflex_internal_init=True)
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _at(page, path: str, **params: str) -> None:
    """The page's URL, as a websocket event from the browser gives it."""
    root = page._get_root_state()
    root.router_data = root._update_router_vars({"pathname": path, "asPath": path, "query": params}, {})


def _asks_for_key(page, then: str) -> bool:
    """The page made a key request (the browser answers it) and knows how to go on."""
    return page.key_request != "" and page._key_then.endswith(f"_state.{then}")


def _run(coroutine):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class Outage:
    """Makes `module.name` raise what a stopped database raises, `times` times, then work."""

    def __init__(self, monkeypatch, module, name: str, times: int = 10**6):
        self.real, self.left, self.calls = getattr(module, name), times, 0
        monkeypatch.setattr(module, name, self)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))
        return self.real(*args, **kwargs)

    def end(self) -> None:
        self.left = 0


@pytest.fixture
def editor(workspace):
    bullets = [Bullet("Planned routes", id="b1"), Bullet("Drove trucks", id="b2")]
    resume = Resume(title="Sam", sections=[Section(kind="work", entries=[Entry(title="Planner", bullets=bullets)])])
    stored = repository.create_resume(workspace, resume)
    page = _in_tree(EditorState)
    page.workspace_token = workspace
    _at(page, f"/resume/{stored.id}", resume_id=stored.id)
    page.resume_id = stored.id
    page._show(repository.get_resume(workspace, stored.id))
    page.loaded = True
    return page


def _texts(workspace: str, resume_id: str) -> list[str]:
    resume = repository.get_resume(workspace, resume_id)
    return [bullet.text for bullet in resume.sections[0].entries[0].bullets]


def test_edits_during_an_outage_wait_in_order_and_are_written_when_it_ends(editor, monkeypatch):
    outage = Outage(monkeypatch, repository, "update_resume")
    list(editor.set_bullet_text("b1", "Planned 40 routes a day"))
    assert (editor.save_status, editor.save_message) == (FAILED, OUTAGE)
    assert one_sentence(OUTAGE)
    list(editor.set_bullet_text("b2", "Drove 3 trucks"))
    list(editor.move_bullet("b2", -1))
    list(editor.set_bullet_text("b1", "Planned 45 routes a day"))
    assert (editor.pending_count, editor.save_count, editor.retrying) == (4, 0, True)
    # What waits is plain data: it survives the state being pickled into Redis.
    assert pickle.loads(pickle.dumps(editor._pending)) == editor._pending

    _run(editor.retry_saves())
    assert editor.pending_count == 4 and editor.retry_attempts == 1
    outage.end()
    _run(editor.retry_saves())
    assert (editor.save_status, editor.save_message, editor.pending_count) == (SAVED, "", 0)
    assert editor.save_count == 4
    assert _texts(editor.workspace_token, editor.resume_id) == ["Drove 3 trucks", "Planned 45 routes a day"]
    assert [bullet.text for bullet in editor.sections[0].entry_views[0].bullets] == [
        "Drove 3 trucks",
        "Planned 45 routes a day",
    ]


def test_an_edit_after_the_outage_writes_the_waiting_ones_first(editor, monkeypatch):
    outage = Outage(monkeypatch, repository, "update_resume", times=1)
    list(editor.set_bullet_text("b1", "First"))
    assert editor.pending_count == 1
    list(editor.set_bullet_text("b1", "Second"))
    assert outage.calls == 3
    assert (editor.save_status, editor.pending_count, editor.save_count) == (SAVED, 0, 2)
    assert _texts(editor.workspace_token, editor.resume_id)[0] == "Second"


def test_typing_back_the_stored_text_during_an_outage_is_saved_too(editor, monkeypatch):
    outage = Outage(monkeypatch, repository, "update_resume")
    list(editor.set_bullet_text("b1", "Changed"))
    list(editor.set_bullet_text("b1", "Planned routes"))
    # A page sends a field's text after a pause and again when it is left, maybe after
    # another field's: the same text of the same field waits once.
    list(editor.set_bullet_text("b2", "Drove trucks far"))
    list(editor.set_bullet_text("b1", "Planned routes"))
    list(editor.set_bullet_text("b2", "Drove trucks far"))
    assert editor.pending_count == 3
    outage.end()
    _run(editor.retry_saves())
    assert _texts(editor.workspace_token, editor.resume_id) == ["Planned routes", "Drove trucks far"]


def test_the_page_stops_retrying_by_itself_after_a_while_but_a_press_still_works(editor, monkeypatch):
    outage = Outage(monkeypatch, repository, "update_resume")
    list(editor.set_bullet_text("b1", "Changed"))
    for _ in range(RETRY_LIMIT):
        _run(editor.retry_saves())
    assert editor.retrying is False and editor.save_status == FAILED
    assert one_sentence(editor.save_message) and "Try again now" in editor.save_message
    outage.end()
    _run(editor.retry_saves())
    assert (editor.save_status, editor.pending_count) == (SAVED, 0)
    assert _texts(editor.workspace_token, editor.resume_id)[0] == "Changed"


def test_other_errors_keep_their_sentence_and_wait_for_nothing(editor, monkeypatch):
    def refused(*_args, **_kwargs):
        raise IntegrityError("UPDATE bullets", {}, Exception("constraint"))

    monkeypatch.setattr(repository, "update_resume", refused)
    list(editor.set_bullet_text("b1", "Changed"))
    assert (editor.save_status, editor.save_message, editor.pending_count) == (FAILED, NOT_SAVED, 0)
    list(editor.delete_bullet("no-such-bullet"))
    assert editor.pending_count == 0


def test_a_step_not_kept_for_later_says_it_was_not_done_and_never_overtakes_waiting_edits(editor, monkeypatch):
    version = repository.save_version(editor.workspace_token, TailoredVersion(resume_id=editor.resume_id, name="Acme"))
    deleting = Outage(monkeypatch, repository, "delete_version")
    editor.ask_delete_version(version.id, "Acme")
    editor.delete_version()
    assert (editor.save_status, editor.save_message, editor.pending_count) == (FAILED, ACTION_OUTAGE, 0)
    assert one_sentence(ACTION_OUTAGE)
    deleting.end()
    outage = Outage(monkeypatch, repository, "update_resume")
    list(editor.set_bullet_text("b1", "Changed"))
    editor.ask_delete_version(version.id, "Acme")
    editor.delete_version()
    assert deleting.calls == 1, "the delete waits behind the edit that waits"
    assert (editor.save_message, editor.pending_count) == (ACTION_OUTAGE, 1)
    outage.end()
    editor.ask_delete_version(version.id, "Acme")
    editor.delete_version()
    assert (editor.save_status, editor.pending_count, editor.version_links) == (SAVED, 0, [])
    assert _texts(editor.workspace_token, editor.resume_id)[0] == "Changed"


def test_a_page_opened_while_the_database_is_down_says_so_and_opens_when_it_is_back(editor, monkeypatch):
    outage = Outage(monkeypatch, repository, "get_resume")
    editor.loaded = False
    editor.load()
    assert (editor.load_error, editor.loaded, editor.retrying) == (PAGE_OUTAGE, False, True)
    assert one_sentence(PAGE_OUTAGE)
    _run(editor.retry_saves())
    assert editor.load_error == PAGE_OUTAGE
    outage.end()
    _run(editor.retry_saves())
    assert (editor.load_error, editor.loaded, editor.not_found) == ("", True, False)
    assert [bullet.text for bullet in editor.sections[0].entry_views[0].bullets] == ["Planned routes", "Drove trucks"]


def test_a_state_lost_with_redis_asks_the_browser_for_its_key_and_saves_to_the_right_resume(editor):
    workspace, resume_id = editor.workspace_token, editor.resume_id
    # What Reflex rebuilds after Redis lost the state: defaults, no browser storage; the
    # event that arrived runs first, then the page's load.
    fresh = _in_tree(EditorState)
    _at(fresh, f"/resume/{resume_id}", resume_id=resume_id)
    list(fresh.set_bullet_text("b1", "Typed as Redis restarted"))
    assert fresh.save_status == FAILED and fresh.pending_count == 1
    fresh.load()
    assert _asks_for_key(fresh, "load_with_key"), "the page asks the browser for the key it has"
    assert fresh.workspace_token == "", "no new workspace is made up meanwhile"
    # The browser's answer goes on to the handler the page named, with the stored key.
    answer = fresh.receive_key({"key": workspace})
    assert answer.handler.fn.__name__ == "load_with_key" and workspace in str(answer.args)
    fresh.load_with_key(workspace)
    assert (fresh.save_status, fresh.pending_count, fresh.loaded, fresh.not_found) == (SAVED, 0, True, False)
    assert _texts(workspace, resume_id)[0] == "Typed as Redis restarted"
    assert [bullet.text for bullet in fresh.sections[0].entry_views[0].bullets][0] == "Typed as Redis restarted"


def test_a_browser_with_no_key_gets_a_new_workspace(editor):
    fresh = _in_tree(EditorState)
    _at(fresh, "/resume/none", resume_id="none")
    fresh.load_with_key("")
    assert len(fresh.workspace_token) >= 16 and fresh.not_found


# The tailoring page


@pytest.fixture
def tailor(workspace):
    bullets = [Bullet(text=f"Bullet {name}.", id=name) for name in ("b1", "b2", "b3")]
    work = Section(kind="work", entries=[Entry(title="Analyst", bullets=bullets)])
    master = repository.create_resume(workspace, Resume(title="Sam", sections=[work]))
    version = repository.save_version(
        workspace, TailoredVersion(resume_id=master.id, name="Acme", bullet_ids=["b1", "b2", "b3"])
    )
    page = _in_tree(TailorState)
    page.workspace_token = workspace
    _at(page, f"/tailor/{version.id}", version_id=version.id)
    _run(page.load())
    assert page.loaded and not page.not_found
    return page


def test_tailoring_changes_during_an_outage_are_written_in_order_when_it_ends(tailor, monkeypatch):
    workspace, version_id = tailor.workspace_token, tailor.version_id
    outage = Outage(monkeypatch, service, "change_choice")
    tailor.move("b3", -1)
    assert (tailor.save_status, tailor.save_message) == (FAILED, OUTAGE)
    tailor.move("b3", -1)
    tailor.toggle("b2")
    versions = tailor.get_substate([VersionsState.get_name()])
    renaming = Outage(monkeypatch, service, "rename")
    versions.rename("Acme, renamed in the outage")
    assert tailor.pending_count == 4
    outage.end()
    renaming.end()
    _run(tailor.retry_saves())
    assert (tailor.save_status, tailor.pending_count) == (SAVED, 0)
    stored = repository.get_version(workspace, version_id)
    assert stored.bullet_ids == ["b3", "b1"]
    assert stored.name == "Acme, renamed in the outage"
    assert tailor.version_name == "Acme, renamed in the outage"


def test_a_posting_pasted_during_an_outage_is_stored_when_it_ends(tailor, monkeypatch):
    outage = Outage(monkeypatch, service, "store_posting")

    async def paste():
        return [update async for update in tailor.set_posting_text("Accountant. Requires: IFRS, Excel.")]

    assert _run(paste()) == []
    assert (tailor.save_status, tailor.save_message, tailor.pending_count) == (FAILED, OUTAGE, 1)
    outage.end()
    events = _run(tailor.retry_saves())
    assert tailor.pending_count == 0 and tailor._posting_id
    assert "rank_posting" in str(events), "the page ranks against the stored posting"
    assert repository.get_posting(tailor.workspace_token, tailor._posting_id).text.startswith("Accountant.")


def test_a_tailoring_page_opened_while_the_database_is_down_opens_when_it_is_back(tailor, monkeypatch):
    outage = Outage(monkeypatch, service, "load")
    tailor.loaded = False
    _run(tailor.load())
    assert (tailor.load_error, tailor.loaded) == (PAGE_OUTAGE, False)
    outage.end()
    events = _run(tailor.retry_saves())
    assert (tailor.load_error, tailor.loaded) == ("", True)
    assert "count_pages" in str(events)
    assert [row.id for job in tailor.jobs for row in job.bullet_rows][:3] == ["b1", "b2", "b3"]


def test_a_tailoring_state_lost_with_redis_saves_the_next_move_to_the_right_version(tailor):
    workspace, version_id = tailor.workspace_token, tailor.version_id
    fresh = _in_tree(TailorState)
    _at(fresh, f"/tailor/{version_id}", version_id=version_id)
    fresh.move("b3", -1)
    assert fresh.pending_count == 1
    _run(fresh.load())
    assert _asks_for_key(fresh, "load_with_key")
    _run(fresh.load_with_key(workspace))
    assert (fresh.save_status, fresh.pending_count, fresh.loaded) == (SAVED, 0, True)
    assert repository.get_version(workspace, version_id).bullet_ids == ["b1", "b3", "b2"]
    assert fresh.version_name == "Acme"


def test_the_embedding_cache_is_a_miss_while_the_database_is_down(monkeypatch):
    """The model's warm-up and every ranking read the cache: an outage must not fail them
    (it once left a replica with "the matching model could not be loaded" until restarted)."""
    import numpy as np

    from resume_app.storage import vector_cache

    def down():
        raise OperationalError("SELECT embedding_cache", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(vector_cache, "session_scope", down)
    cache = vector_cache.DatabaseVectorCache()
    assert cache.get_many("model", ["a", "b"]) == {}
    cache.put_many("model", {"a": np.ones(3, dtype=np.float32)})


@pytest.mark.parametrize(
    "url",
    [
        # Nothing listens on port 1: what a stopped PostgreSQL gives.
        "postgresql+psycopg2://resume:resume@127.0.0.1:1/resume",
        # A file in a folder that does not exist: what a lost SQLite volume gives.
        "sqlite:////nonexistent-folder/resume_app.db",
    ],
)
def test_a_database_out_of_reach_is_an_outage_on_postgresql_and_sqlite_alike(url):
    from sqlalchemy import create_engine, text

    from resume_app.ui.state.saving import is_outage

    engine = create_engine(url)
    try:
        with pytest.raises(Exception) as raised, engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    assert is_outage(raised.value)
    assert not is_outage(IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert not is_outage(ValueError("a bug"))


def test_the_library_opened_while_the_database_is_down_says_so_in_a_sentence(workspace, monkeypatch):
    from resume_app.ui.state.library import LIBRARY_OUTAGE, LibraryState

    page = _in_tree(LibraryState)
    page.workspace_token = workspace
    Outage(monkeypatch, repository, "list_resumes")
    page.load()
    assert page.message == LIBRARY_OUTAGE and one_sentence(LIBRARY_OUTAGE)
    # A state without the browser's key asks for it before making anything.
    fresh = _in_tree(LibraryState)
    fresh.new_resume()
    assert _asks_for_key(fresh, "new_resume_with_key")
    assert fresh.workspace_token == ""
