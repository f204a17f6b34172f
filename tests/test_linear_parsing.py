"""Files that cost a reader far more than their size (issue 13) are read in linear time:
the quadratic steps are fixed, not only cut off by the worker's budget (test_parse_sandbox)."""

from __future__ import annotations

import time

import pytest

from resume_app.core.errors import InputError
from resume_app.parsing import pdf_interpreter
from resume_app.parsing.docx_walker import _merge, _Seg
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line
from resume_app.parsing.sections import split_sections
from resume_app.parsing.skills import _transpose_grids
from tests import hostile


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _refused(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as error:
        import_resume(name, data)
    return str(error.value)


def test_skill_grids_are_found_in_one_pass_over_many_plain_lines():
    # 20,000 lines without tabs: 50 s before (each line rescanned the run after it).
    lines = [Line(text=f"word{i}") for i in range(20_000)]
    assert _seconds(lambda: _transpose_grids(lines)) < 1


def test_a_skill_grid_is_still_read_column_by_column():
    lines = [Line(text="Python\tSQL"), Line(text="Expert\tGood"), Line(text="Django\tPostgres")]
    assert [line.text for line in _transpose_grids(lines)] == ["Python", "Expert", "Django", "SQL", "Good", "Postgres"]


def test_a_long_header_is_searched_for_contact_details_once():
    # 20,000 lines before any heading: each line searched the whole header again before.
    lines = [Line(text=f"word{i}") for i in range(20_000)]
    assert _seconds(lambda: split_sections(lines)) < 3


def test_a_paragraph_of_many_runs_is_joined_once():
    # 200,000 runs of equal formatting in one paragraph: each added to a copy of the rest.
    segments = [_Seg("  ", False, False, 11.0)] + [_Seg(f"w{i} ", False, False, 11.0) for i in range(200_000)]
    merged = _merge(segments)
    assert len(merged) == 1 and merged[0].text.startswith("w0 w1 ") and merged[0].text.endswith("w199999")
    assert _seconds(lambda: _merge(segments)) < 1


def test_a_word_file_of_100000_one_word_paragraphs_is_read_in_seconds():
    data = hostile.docx_many_paragraphs(100_000)  # 8,000 of them took 6.9 s before
    assert _seconds(lambda: _refused("many.docx", data)) < 20


def test_a_pdf_form_that_draws_itself_is_drawn_a_bounded_number_of_times():
    data = hostile.pdf_self_drawing_form()  # a few KB; ran past 60 s before
    assert len(data) < 4096
    assert _seconds(lambda: _refused("loop.pdf", data)) < 5


def test_a_page_draws_at_most_its_budget_of_forms(monkeypatch):
    drawn = []
    real = pdf_interpreter.ContentInterpreter.run

    def counting(self, *args, **kwargs):
        drawn.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pdf_interpreter.ContentInterpreter, "run", counting)
    _refused("loop.pdf", hostile.pdf_self_drawing_form())
    assert len(drawn) <= pdf_interpreter.MAX_FORM_DRAWS + 1  # the page, and its forms
