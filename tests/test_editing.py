"""Edits by id: what the editor's buttons and fields do to a resume."""

from __future__ import annotations

import pytest

from resume_app.core import editing
from resume_app.core.dates import display_date, normalize_date
from resume_app.core.errors import InputError
from resume_app.core.model import Resume


def _resume_with_job(bullets=("first", "second", "third")) -> tuple[Resume, str]:
    resume = Resume()
    entry = editing.add_entry(resume, "work")
    for text in bullets:
        editing.add_bullet(resume, entry.id, text)
    return resume, entry.id


def _texts(resume: Resume) -> list[str]:
    return [bullet.text for bullet in resume.bullets()]


def test_moving_the_third_bullet_up_twice_puts_it_on_top_and_keeps_ids():
    resume, _ = _resume_with_job()
    ids = [bullet.id for bullet in resume.bullets()]
    editing.move_bullet(resume, ids[2], -1)
    editing.move_bullet(resume, ids[2], -1)
    assert _texts(resume) == ["third", "first", "second"]
    assert [bullet.id for bullet in resume.bullets()] == [ids[2], ids[0], ids[1]]


def test_moves_stop_at_the_ends():
    resume, _ = _resume_with_job()
    first = resume.bullets()[0].id
    assert editing.move_bullet(resume, first, -1) is False
    assert _texts(resume) == ["first", "second", "third"]


def test_entry_fields_map_to_their_json_resume_keys():
    resume, entry_id = _resume_with_job()
    editing.set_entry_field(resume, entry_id, "position", "Engineer")
    editing.set_entry_field(resume, entry_id, "startDate", "Mar 2021")
    editing.set_entry_field(resume, entry_id, "endDate", "present")
    entry = resume.entries()[0]
    assert (entry.title, entry.start_date, entry.end_date) == ("Engineer", "2021-03", "")
    education = editing.add_entry(resume, "education")
    editing.set_entry_field(resume, education.id, "courses", "Algorithms, Databases ,")
    editing.set_entry_field(resume, education.id, "area", "Computer Science")
    assert education.details == {"courses": ["Algorithms", "Databases"], "area": "Computer Science"}
    editing.set_entry_field(resume, education.id, "area", "")
    assert "area" not in education.details


def test_a_bad_date_is_refused_with_a_sentence():
    resume, entry_id = _resume_with_job()
    with pytest.raises(InputError, match="is not a date"):
        editing.set_entry_field(resume, entry_id, "startDate", "sometime")


def test_hiding_and_deleting_by_id():
    resume, entry_id = _resume_with_job()
    second = resume.bullets()[1]
    assert editing.toggle_hidden(resume, second.id) is True
    assert editing.toggle_hidden(resume, entry_id) is True
    assert resume.entries()[0].hidden
    editing.delete_bullet(resume, second.id)
    assert _texts(resume) == ["first", "third"]
    with pytest.raises(InputError, match="no longer exists"):
        editing.set_bullet_text(resume, second.id, "gone")


def test_with_new_ids_copies_content_with_fresh_ids():
    resume, _ = _resume_with_job()
    copy = editing.with_new_ids(resume)
    assert _texts(copy) == _texts(resume)
    assert not {bullet.id for bullet in copy.bullets()} & {bullet.id for bullet in resume.bullets()}
    assert copy.id != resume.id


def test_overlong_text_is_refused():
    resume, _ = _resume_with_job()
    with pytest.raises(InputError, match="at most"):
        editing.set_bullet_text(resume, resume.bullets()[0].id, "x" * (editing.MAX_TEXT_LENGTH + 1))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2021", "2021"),
        ("2021-03", "2021-03"),
        ("Mar 2021", "2021-03"),
        ("Sept. 2018", "2018-09"),
        ("03/2021", "2021-03"),
        ("Present", ""),
        ("", ""),
    ],
)
def test_dates_are_normalised(typed, stored):
    assert normalize_date(typed) == stored


def test_dates_display_as_people_read_them():
    assert (display_date("2021-03"), display_date("2021"), display_date("")) == ("Mar 2021", "2021", "Present")
