"""JSON Resume in and out: every corpus truth file survives, bad files are refused clearly."""

from __future__ import annotations

import json

import pytest

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from tests.corpus import TRUTH_FILES

UNICODE_NAME = "Zoë Ångström-Núñez 山田太郎 😀 مريم"


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda path: path.stem)
def test_truth_file_round_trips_unchanged(path):
    original = json.loads(path.read_text(encoding="utf-8"))
    assert json_resume.to_json_resume(json_resume.loads(path.read_bytes())) == original


def test_every_truth_file_was_found():
    assert len(TRUTH_FILES) >= 19


def test_hidden_items_are_left_out_unless_asked_for():
    resume = json_resume.loads(TRUTH_FILES[0].read_bytes())
    work = resume.section("work")
    work.entries[0].bullets[0].hidden = True
    hidden_text = work.entries[0].bullets[0].text
    visible = json_resume.to_json_resume(resume)
    assert hidden_text not in visible["work"][0]["highlights"]
    assert hidden_text in json_resume.to_json_resume(resume, include_hidden=True)["work"][0]["highlights"]
    work.hidden = True
    assert "work" not in json_resume.to_json_resume(resume)


def test_unicode_survives_a_round_trip():
    document = {
        "basics": {"name": UNICODE_NAME, "summary": "Ingénieure — «naïve» café ✓"},
        "work": [{"name": "株式会社テスト", "position": "מהנדסת", "highlights": ["Réduit les coûts de 30 % 🚀"]}],
    }
    assert json_resume.to_json_resume(json_resume.loads(json.dumps(document, ensure_ascii=False))) == document


def test_older_spellings_are_read_as_the_current_schema():
    resume = json_resume.loads(json.dumps({"basics": {"name": "A"}, "work": [{"company": "Acme", "website": "a.io"}]}))
    assert json_resume.to_json_resume(resume)["work"] == [{"name": "Acme", "url": "a.io"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "This file is empty."),
        (b"{not json", "This is not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00garbage", "This file is not UTF-8 text"),
        (b"[1, 2]", "The JSON Resume document should be an object, not a list."),
        (b'{"basics": {"name": 42}}', "basics.name should be text, not a number."),
        (b'{"basics": {"name": "A"}, "work": {"name": "X"}}', "work should be a list, not an object."),
        (b'{"basics": {"name": "A"}, "work": [{"highlights": "one"}]}', "work[0].highlights should be a list of text"),
        (
            b'{"basics": {"name": "A"}, "work": [{"startDate": "last year"}]}',
            'work[0].startDate "last year" is not a date',
        ),
        (b'{"basics": {"name": "A"}, "work": [{"startDate": "2022", "endDate": "2020"}]}', "work[0] ends (2020)"),
        (b'{"basics": {"name": "   "}}', "The resume has no name"),
        (b'{"work": []}', "The resume has no name"),
        (b"[" * 100000, "This JSON is nested too deeply"),
        (b'{"basics": {"name": "A"}, "x-deep": ' + b"[" * 60 + b"]" * 60 + b"}", "x-deep is nested more than 50"),
        (b'{"basics": {"name": "A", "name": "B"}}', 'basics has the field "name" twice.'),
        (b'{"basics": {"name": "A"}, "work": [{"x-a": 1, "x-a": 2}]}', 'work[0] has the field "x-a" twice.'),
        (b'{"basics": {"name": "A"}, "basics": {"name": "B"}}', 'The document has the field "basics" twice.'),
        (b'{"basics": {"name": "A"}, "work": [{"x-score": NaN}]}', "work[0].x-score is NaN, which JSON does not"),
        (b'{"basics": {"name": "A"}, "meta": {"rank": -Infinity}}', "meta.rank is -Infinity, which JSON does not"),
        (b'{"basics": {"name": "A"}, "x-big": 1e999}', "x-big holds a number too large to keep."),
        (b'{"basics": {"name": "A"}, "x-big": ' + b"9" * 5000 + b"}", "x-big holds a number too large to keep."),
        (b'{"basics": {"name": "A"}, "x-big": 123456789012345678901}', "x-big holds a number too large"),
        (b'{"basics": {"name": "A\\ud800"}}', "basics.name has a broken character"),
        (b'{"basics": {"name": "A", "x-\\udfff": 1}}', "basics has a field name with a broken character."),
        (b'{"basics": {"name": "A"}, "work": [{"highlights": ["ok", 7]}]}', "work[0].highlights[1] should be text"),
        (b'{"basics": {"name": "A"}, "skills": [{"name": "Go", "x-years": "\\ud83d"}]}', "skills[0].x-years has"),
    ],
)
def test_bad_json_resume_gives_one_clear_sentence(data, message):
    with pytest.raises(InputError) as error:
        json_resume.loads(data)
    text = str(error.value)
    assert text.startswith(message)
    assert "\n" not in text and text.endswith(".")


def test_oversized_file_is_refused_before_parsing():
    data = b'{"basics": {"name": "A", "summary": "' + b"x" * json_resume.MAX_JSON_BYTES + b'"}}'
    with pytest.raises(InputError, match="larger than 2 MB"):
        json_resume.loads(data)
