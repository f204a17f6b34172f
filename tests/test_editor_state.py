"""The editor page's state, called as the page calls it: entries open and close by id, "Next
unsure field" walks the amber fields top to bottom, and leaving a field unchanged saves nothing."""

from __future__ import annotations

import pytest

from resume_app.core.model import Bullet, Contact, Entry, Resume, confidence_key
from resume_app.storage import repository
from resume_app.ui.state.editor import EditorState


@pytest.fixture
def editor(workspace):
    resume = Resume(title="Sam", contact=Contact(name="Sam", email="sam@example.com"))
    first = Entry(title="Planner", organization="Blue Harbor", start_date="2019", bullets=[Bullet("Planned routes")])
    second = Entry(title="Driver", organization="Northwind", bullets=[Bullet("Drove"), Bullet("Loaded trucks")])
    resume.ensure_section("work").entries += [first, second]
    resume.confidence.update(
        {
            confidence_key(second.bullets[1].id, "text"): 0.5,
            confidence_key(first.id, "position"): 0.5,
            confidence_key("contact", "email"): 0.5,
        }
    )
    stored = repository.create_resume(workspace, resume)
    page = EditorState(_reflex_internal_init=True)
    page.workspace_token, page.resume_id = workspace, stored.id
    page._show(repository.get_resume(workspace, stored.id))
    return page, first, second


def _focused(editor: EditorState, asked_before: int) -> str:
    """The element id the page is asked to put the cursor in (a new request since `asked_before`)."""
    assert editor.focus_seq > asked_before
    return editor.unsure_current


def test_entries_open_and_close_by_id(editor):
    editor, first, second = editor
    assert editor.open_entries == []
    editor.toggle_entry(second.id)
    editor.toggle_entry(first.id)
    assert editor.open_entries == [second.id, first.id]
    editor.toggle_entry(second.id)
    assert editor.open_entries == [first.id]
    editor.open_all_entries()
    assert sorted(editor.open_entries) == sorted([first.id, second.id])
    editor.close_all_entries()
    assert editor.open_entries == []


def test_the_collapsed_line_counts_the_amber_fields_of_its_entry(editor):
    editor, _, _ = editor
    views = editor.sections[0].entry_views
    assert [view.unsure_count for view in views] == [1, 1]
    assert [view.bullet_summary for view in views] == ["1 bullet", "2 bullets"]
    assert editor.unsure_count == 3


def test_next_unsure_goes_top_to_bottom_opening_entries_and_starts_again(editor):
    editor, first, second = editor
    targets = []
    for _ in range(4):
        asked = editor.focus_seq
        editor.next_unsure()
        targets.append(_focused(editor, asked))
    assert targets == [
        "field-contact-email",
        f"field-{first.id}-position",
        f"bullet-{second.bullets[1].id}",
        "field-contact-email",
    ]
    assert editor.open_entries == [first.id, second.id]


def test_leaving_a_field_unchanged_saves_nothing_and_keeps_it_amber(editor):
    editor, first, _ = editor
    assert list(editor.set_entry_field(first.id, "position", "Planner")) == []
    assert editor.save_count == 0
    assert editor.unsure_count == 3
    list(editor.set_entry_field(first.id, "position", "Route Planner"))
    assert (editor.save_count, editor.unsure_count) == (1, 2)


def test_looks_right_keeps_the_value_clears_the_flag_and_goes_on(editor):
    editor, first, second = editor
    editor.next_unsure()
    editor.next_unsure()
    assert editor.unsure_current == f"field-{first.id}-position"
    asked = editor.focus_seq
    list(editor.confirm_unsure())
    assert _focused(editor, asked) == f"bullet-{second.bullets[1].id}"
    assert editor.unsure_count == 2
    stored = repository.get_resume(editor.workspace_token, editor.resume_id)
    assert stored.sections[0].entries[0].title == "Planner"
    assert confidence_key(first.id, "position") not in stored.confidence
