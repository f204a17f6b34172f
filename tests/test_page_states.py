"""The page states, called as the pages call them: whatever goes wrong while saving, the
badge leaves "Saving..." and says what happened in one sentence."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import reflex as rx
from sqlalchemy.exc import IntegrityError

from resume_app.storage import repository
from resume_app.tailoring import service
from resume_app.ui.state.editor import EditorState
from resume_app.ui.state.saving import FAILED, SAVED
from resume_app.ui.state.tailor import BulletEditState, CompareState, TailorState, VersionsState


def _in_tree(state_class):
    """The page's state inside a whole state tree, as the server holds it."""
    root = rx.State(_reflex_internal_init=True)
    return root.get_substate(state_class.get_full_name().split(".")[1:])


@pytest.fixture
def state(workspace):
    page = _in_tree(TailorState)
    page.workspace_token = workspace
    page.version_id, page.resume_id, page.version_name = "v1", "r1", "Acme - Analyst"
    return page


def _run(coroutine):
    """Run an async event handler to the end. On a thread of its own: the browser tests, earlier
    in the same pytest process, leave Playwright's event loop running on the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _database_down(*_args, **_kwargs):
    # A database that answers but refuses the change (an outage waits and retries: test_save_retry).
    raise IntegrityError("UPDATE tailored_versions", {}, Exception("constraint failed"))


@pytest.mark.parametrize(
    ("name", "act"),
    [
        ("move", lambda page: page.move("b1", 1)),
        ("toggle", lambda page: page.toggle("b1")),
        ("place", lambda page: page.place("b1", 0)),
    ],
)
def test_a_change_that_cannot_be_saved_says_so(state, monkeypatch, name, act):
    monkeypatch.setattr(service, name, _database_down)
    act(state)
    assert state.save_status == FAILED
    assert state.save_message == "Your last change could not be saved; try again."


def test_an_edited_bullet_that_cannot_be_saved_says_so(state, monkeypatch):
    monkeypatch.setattr(service, "set_bullet_text", _database_down)
    monkeypatch.setattr(service, "shared_with", lambda *args: [])
    edit = state.get_substate([BulletEditState.get_name()])
    edit.editing_id, edit.editing_text = "b1", "Old text."
    _run(edit.save_edit("New text."))
    assert edit.editing_id == "", "the edit box closes"
    assert state.save_status == FAILED
    assert state.save_message == "Your last change could not be saved; try again."
    assert state.undo_label == "", "nothing to undo: nothing was saved"


def _versions(page: TailorState) -> VersionsState:
    return page.get_substate([VersionsState.get_name()])


def test_a_rename_that_cannot_be_saved_says_so_and_keeps_the_old_name(state, monkeypatch):
    monkeypatch.setattr(service, "rename", _database_down)
    _versions(state).rename("Acme - Senior Analyst")
    assert state.save_status == FAILED
    assert state.save_message == "Your last change could not be saved; try again."
    assert state.version_name == "Acme - Analyst"


def test_a_saved_change_clears_the_message(state, monkeypatch):
    state.save_status, state.save_message = FAILED, "Your last change could not be saved; try again."
    monkeypatch.setattr(service, "rename", lambda workspace, version, name: name)
    monkeypatch.setattr(service, "version_rows", lambda *args: [])
    _versions(state).rename("Acme - Senior Analyst")
    assert (state.save_status, state.save_message, state.version_name) == (SAVED, "", "Acme - Senior Analyst")


def test_the_match_panel_figures_follow_the_requirements_shown(state):
    from resume_app.tailoring.rows import RequirementRow

    assert (state.gauge, state.coverage_chart, state.uncovered_count) == ([], [], 0)
    state.requirement_rows = [
        RequirementRow("SQL", "Required", "Met", True, "Wrote SQL"),
        RequirementRow("Airflow", "Required", "Partial", False, "Scheduled jobs with cron"),
        RequirementRow("Kafka", "Nice to have", "Missing", False, ""),
    ]
    state.match_score, state.ranked = 72, True
    # Missing only: a Partial requirement has a bullet that comes close.
    assert state.uncovered_count == 1
    assert state.coverage_chart == [
        {"kind": "Required", "covered": 50, "count": 2},
        {"kind": "Nice to have", "covered": 0, "count": 1},
    ]
    assert state.gauge == [{"name": "Match", "value": 72, "fill": "#30a46c"}]
    # The chart in words, for those who cannot see it (its aria-label).
    assert state.coverage_text == "Requirements covered: Required 50% of 2; Nice to have 0% of 1"


def test_an_editor_change_that_cannot_be_saved_says_so(workspace, monkeypatch):
    editor = EditorState(_reflex_internal_init=True)
    editor.workspace_token, editor.resume_id = workspace, "r1"
    monkeypatch.setattr(repository, "update_resume", _database_down)
    list(editor.set_bullet_text("b1", "New text."))
    assert (editor.save_status, editor.save_message, editor.save_count) == (
        FAILED,
        "Your last change could not be saved; try again.",
        0,
    )


# The tailoring page's substates, on a master and versions stored for real.


@pytest.fixture
def stored_page(workspace):
    """The page on version "Acme" of a master with one job (b1, b2 chosen; b3 left out) and a
    second version "Globex"."""
    from resume_app.core.model import Bullet, Entry, Resume, Section, TailoredVersion

    bullets = [Bullet(text=f"Bullet {name}.", id=name) for name in ("b1", "b2", "b3")]
    work = Section(kind="work", entries=[Entry(title="Analyst", organization="Northwind", bullets=bullets)])
    master = repository.create_resume(workspace, Resume(title="Master", sections=[work]))
    ids = [bullet.id for bullet in master.bullets()]
    acme = repository.save_version(workspace, TailoredVersion(resume_id=master.id, name="Acme", bullet_ids=ids[:2]))
    globex = repository.save_version(workspace, TailoredVersion(resume_id=master.id, name="Globex", bullet_ids=ids))
    page = _in_tree(TailorState)
    page.workspace_token = workspace
    page.version_id, page.resume_id, page.version_name = acme.id, master.id, acme.name
    page._bullet_ids = list(ids[:2])
    return page, ids, acme.id, globex.id


def test_the_versions_list_marks_this_one_and_follows_its_name(stored_page):
    page, _ids, acme, globex = stored_page
    versions = _versions(page)
    versions.list_versions()
    assert sorted((row.name, row.current) for row in versions.version_rows) == [("Acme", True), ("Globex", False)]
    # A rename (or the suggestion, which names the version) shows in the list without a new read.
    versions.rename("  Acme   Senior ")
    assert page.version_name == "Acme Senior"
    assert {row.id: row.name for row in versions.version_rows} == {acme: "Acme Senior", globex: "Globex"}
    assert repository.get_version(page.workspace_id(), acme).name == "Acme Senior"


def test_deleting_another_version_asks_first_and_lists_the_rest(stored_page):
    page, _ids, acme, globex = stored_page
    versions = _versions(page)
    versions.list_versions()
    versions.ask_delete(globex)
    assert versions.delete_name == "Globex"
    versions.cancel_delete()
    assert versions.delete_id == "" and len(versions.version_rows) == 2, "cancel deletes nothing"
    versions.ask_delete(globex)
    assert versions.confirm_delete() is None, "this page stays"
    assert [row.id for row in versions.version_rows] == [acme]
    assert [v.id for v in repository.list_versions(page.workspace_id(), page.resume_id)] == [acme]
    assert (page.save_status, versions.delete_id) == (SAVED, "")


def test_deleting_this_version_goes_back_to_the_master(stored_page):
    page, _ids, acme, _globex = stored_page
    versions = _versions(page)
    versions.ask_delete(acme)
    redirect = versions.confirm_delete()
    assert redirect is not None and f"/resume/{page.resume_id}" in str(redirect)
    assert acme not in [v.id for v in repository.list_versions(page.workspace_id(), page.resume_id)]


def test_a_delete_that_cannot_be_saved_says_so_and_stays(stored_page, monkeypatch):
    page, _ids, acme, _globex = stored_page
    versions = _versions(page)
    versions.list_versions()
    monkeypatch.setattr(repository, "delete_version", _database_down)
    monkeypatch.setattr(repository, "list_versions", _database_down)
    versions.ask_delete(acme)
    assert versions.confirm_delete() is None, "this page stays"
    assert page.save_status == FAILED
    assert len(versions.version_rows) == 2


def _compare(page: TailorState) -> CompareState:
    return page.get_substate([CompareState.get_name()])


def _lines(compare: CompareState) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    return [
        ([(line.text, line.note) for line in job.master_lines], [(line.text, line.note) for line in job.version_lines])
        for job in compare.compare_jobs
    ]


def test_the_compare_view_opens_follows_changes_and_closes(stored_page):
    page, ids, _acme, _globex = stored_page
    compare = _compare(page)
    compare.toggle_compare()
    assert compare.compare_open
    assert _lines(compare) == [
        (
            [("Bullet b1.", ""), ("Bullet b2.", ""), ("Bullet b3.", "left out here")],
            [("Bullet b1.", ""), ("Bullet b2.", "")],
        )
    ]
    # A change of the choice made on the page (here a move) shows at once.
    page.move(ids[1], -1)
    assert _lines(compare)[0][1] == [("Bullet b2.", "#2 in the master"), ("Bullet b1.", "#1 in the master")]
    compare.toggle_compare()
    assert (compare.compare_open, compare.compare_jobs) == (False, [])
    # Closed, it is left alone: a change sends nothing for it.
    page.get_delta()
    page._clean()
    page.move(ids[1], -1)
    assert compare.compare_jobs == []
    assert CompareState.get_full_name() not in page._get_root_state().get_delta()


def test_undo_names_the_latest_step_and_nothing_once_all_are_undone(stored_page):
    page, ids, _acme, _globex = stored_page
    assert page.undo_label == ""
    page.move(ids[1], -1)
    assert page.undo_label == "move"
    page.toggle(ids[2])
    assert page.undo_label == "include/exclude"
    page.undo()
    assert page.undo_label == "move"
    page.undo()
    assert page.undo_label == ""
    assert page._bullet_ids == ids[:2], "both steps undone"


# Importing a file: the spinner (library) and the badge (editor) stop whatever goes wrong.


def _upload(name: str, data: bytes) -> list[rx.UploadFile]:
    import io
    from pathlib import Path

    return [rx.UploadFile(file=io.BytesIO(data), path=Path(name), size=len(data))]


async def _drain(events) -> list:
    return [event async for event in events]


_SMALL_RESUME = b'{"basics": {"name": "Ada Lovelace", "email": "ada@example.org"}}'
IMPORT_NOT_SAVED = "The file was read but could not be saved; try again."
EXPORT_FAILED = "This resume could not be exported; try again, or try another format."


def test_the_library_spinner_stops_when_an_imported_file_cannot_be_saved(workspace, monkeypatch):
    from resume_app.ui.state.library import LibraryState

    monkeypatch.setattr(repository, "create_resume", _database_down)
    page = _in_tree(LibraryState)
    page.workspace_token = workspace
    _run(_drain(page.import_file(_upload("ada.json", _SMALL_RESUME))))
    assert page.importing is False
    assert page.message == IMPORT_NOT_SAVED


def test_the_editor_badge_says_when_an_imported_file_cannot_be_saved(workspace, monkeypatch):
    monkeypatch.setattr(repository, "create_resume", _database_down)
    page = _in_tree(EditorState)
    page.workspace_token = workspace
    _run(_drain(page.import_file(_upload("ada.json", _SMALL_RESUME))))
    assert (page.save_status, page.save_message) == (FAILED, IMPORT_NOT_SAVED)


def test_a_failed_download_says_so(workspace, monkeypatch):
    from resume_app.core.model import Resume
    from resume_app.ui.state import editor

    stored = repository.create_resume(workspace, Resume(title="Ada"))

    def broken(*_args, **_kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(editor, "render", broken)
    page = _in_tree(EditorState)
    page.workspace_token, page.resume_id = workspace, stored.id
    assert _run(_drain(page.download("docx"))) == []
    assert (page.save_status, page.save_message) == (FAILED, EXPORT_FAILED)


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b'{"basics": {"name": "Ada \\ud800"}}', "basics.name has a broken character that cannot be saved."),
        (b'{"basics": {"name": "A"}, "x-deep": ' + b'{"x": ' * 990 + b"1" + b"}" * 990 + b"}", "nested"),
    ],
    ids=["lone surrogate", "990 deep"],
)
def test_the_library_spinner_stops_on_the_issues_json_files(workspace, content, sentence):
    from resume_app.ui.state.library import LibraryState

    page = _in_tree(LibraryState)
    page.workspace_token = workspace
    _run(_drain(page.import_file(_upload("odd.json", content))))
    assert page.importing is False
    assert sentence in page.message
