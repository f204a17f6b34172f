"""The page states, called as the pages call them: whatever goes wrong while saving, the
badge leaves "Saving..." and says what happened in one sentence."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import reflex as rx
from sqlalchemy.exc import OperationalError

from resume_app.storage import repository
from resume_app.tailoring import service
from resume_app.ui.state.editor import EditorState
from resume_app.ui.state.saving import FAILED, SAVED
from resume_app.ui.state.tailor import BulletEditState, TailorState


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
    raise OperationalError("UPDATE tailored_versions", {}, Exception("database is locked"))


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


def test_a_rename_that_cannot_be_saved_says_so_and_keeps_the_old_name(state, monkeypatch):
    monkeypatch.setattr(service, "rename", _database_down)
    state.rename("Acme - Senior Analyst")
    assert state.save_status == FAILED
    assert state.save_message == "Your last change could not be saved; try again."
    assert state.version_name == "Acme - Analyst"


def test_a_saved_change_clears_the_message(state, monkeypatch):
    state.save_status, state.save_message = FAILED, "Your last change could not be saved; try again."
    monkeypatch.setattr(service, "rename", lambda workspace, version, name: name)
    monkeypatch.setattr(service, "version_rows", lambda *args: [])
    state.rename("Acme - Senior Analyst")
    assert (state.save_status, state.save_message, state.version_name) == (SAVED, "", "Acme - Senior Analyst")


def test_the_match_panel_figures_follow_the_requirements_shown(state):
    from resume_app.tailoring.rows import RequirementRow

    assert (state.gauge, state.coverage_chart, state.uncovered_count) == ([], [], 0)
    state.requirement_rows = [
        RequirementRow("SQL", "Required", True, ["Wrote SQL"]),
        RequirementRow("Airflow", "Required", False, []),
        RequirementRow("Kafka", "Nice to have", False, []),
    ]
    state.match_score, state.ranked = 72, True
    assert state.uncovered_count == 2
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
