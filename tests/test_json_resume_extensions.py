"""JSON Resume as other tools write it: fields the schema does not define (meta, $schema,
x-..., custom sections, extra keys inside basics, profiles, skills and entries) are
imported, kept through the database, written back on JSON export, and never printed
in the DOCX or PDF."""

from __future__ import annotations

import copy
import io
import json

import docx
import pypdf
import pytest

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Skill
from resume_app.export.docx import resume_to_docx
from resume_app.export.layout import ExportOptions, layout
from resume_app.export.pdf import resume_to_pdf
from resume_app.storage import repository

MARK = "Zanzibarxq"  # a word no export should print

DOCUMENT = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "meta": {"theme": "even", "version": "v1.0.0", "lastModified": "2024-01-02T03:04:05", "canonical": MARK},
    "x-tool": {"name": MARK, "nested": {"deeper": [1, 2.5, True, None, "", [], {}, {"a": [MARK]}]}},
    "basics": {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "headline": f"{MARK} headline",
        "x-pronouns": "she/her",
        "x-empty": "",
        "location": {"city": "London", "countryCode": "GB", "x-timezone": f"{MARK}/London"},
        "profiles": [
            {"network": "GitHub", "username": "ada", "x-followers": 1815},
            {"network": "Mastodon", "url": "https://mastodon.social/@ada"},
            {"network": "LinkedIn", "username": "ada-l", "x-verified": False, "note": {"by": MARK}},
        ],
    },
    "work": [
        {
            "name": "Analytical Engines Ltd",
            "position": "Programmer",
            "startDate": "1842-01",
            "highlights": ["Wrote the first program"],
            "x-team": MARK,
            "x-stack": ["Bernoulli", {"deep": {"er": [MARK, None]}}],
            "salary": 0,
            "x-null": None,
            "x-list": [],
        }
    ],
    "education": [{"institution": "Home", "studyType": "Tutoring", "area": "Mathematics", "x-grade": "A*"}],
    "skills": [
        {"name": "Mathematics", "keywords": ["Analysis"], "x-years": 20, "x-note": MARK},
        {"name": "Poetry", "level": "Inherited"},
        {"name": "Engines", "x-years": 3},
    ],
    "languages": [{"language": "English", "fluency": "Native", "x-cefr": "C2"}],
    "interests": [{"name": "Flying machines", "x-since": 1828}],
    "references": [{"name": "Charles Babbage", "reference": "The Enchantress of Number", "x-contact": MARK}],
    "x-custom-section": [{"title": f"{MARK} talk", "date": "1843"}, {"title": "Second", "tags": ["a"]}],
    "hobbies": [{"name": "Horse riding"}],
}


def _sorted(value):
    """The value with every object's keys in one order (our writer orders known keys its own way)."""
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _exported(resume) -> dict:
    return json.loads(json_resume.dumps(resume))


def test_unknown_fields_are_imported_and_exported_intact():
    resume = json_resume.loads(json.dumps(DOCUMENT))
    assert _exported(resume) == DOCUMENT
    # Same values with the same types, not merely equal ones (True is not 1, 2.5 stays a float).
    assert json.dumps(_sorted(_exported(resume))) == json.dumps(_sorted(DOCUMENT))


def test_meta_schema_and_x_fields_round_trip_through_text():
    text = json.dumps({"$schema": "s", "meta": {"v": 1}, "x-a": {"b": [1]}, "basics": {"name": "A"}})
    again = json_resume.dumps(json_resume.loads(text))
    assert json.loads(again) == json.loads(text)
    assert json.loads(json_resume.dumps(json_resume.loads(again))) == json.loads(text)


def test_unknown_fields_survive_the_database(workspace):
    stored = repository.create_resume(workspace, json_resume.loads(json.dumps(DOCUMENT)))
    reloaded = repository.get_resume(workspace, stored.id)
    assert json_resume.to_json_resume(reloaded) == DOCUMENT
    assert json.dumps(_sorted(_exported(reloaded))) == json.dumps(_sorted(DOCUMENT))


def test_unknown_fields_survive_an_edit_saved_to_the_database(workspace):
    stored = repository.create_resume(workspace, json_resume.loads(json.dumps(DOCUMENT)))

    def edit(resume):
        editing.delete_profile(resume, 0)  # GitHub goes; LinkedIn keeps its own fields
        skills = resume.section("skills").skills
        skills.insert(0, skills.pop(2))  # Engines first; each skill keeps its own fields

    repository.update_resume(workspace, stored.id, edit)
    exported = json_resume.to_json_resume(repository.get_resume(workspace, stored.id))
    expected = copy.deepcopy(DOCUMENT)
    del expected["basics"]["profiles"][0]
    expected["skills"].insert(0, expected["skills"].pop(2))
    assert exported == expected


def test_a_duplicated_resume_keeps_unknown_fields(workspace):
    stored = repository.create_resume(workspace, json_resume.loads(json.dumps(DOCUMENT)))
    copied = repository.duplicate_resume(workspace, stored.id)
    assert json_resume.to_json_resume(repository.get_resume(workspace, copied.id)) == DOCUMENT


def test_a_hidden_entry_or_skill_takes_its_fields_with_it():
    resume = json_resume.loads(json.dumps(DOCUMENT))
    resume.section("skills").skills[0].hidden = True
    resume.section("work").entries[0].hidden = True
    exported = json_resume.to_json_resume(resume)
    assert "work" not in exported
    assert [skill["name"] for skill in exported["skills"]] == ["Poetry", "Engines"]
    assert exported["skills"][1] == {"name": "Engines", "x-years": 3}
    assert json_resume.to_json_resume(resume, include_hidden=True) == DOCUMENT


def test_a_skill_of_the_same_name_does_not_take_a_hidden_skills_fields():
    resume = json_resume.loads(json.dumps(DOCUMENT))
    skills = resume.section("skills").skills
    skills[0].hidden = True
    skills.append(Skill(name="Mathematics"))
    assert json_resume.to_json_resume(resume)["skills"][-1] == {"name": "Mathematics"}


def test_the_export_never_writes_nan():
    resume = json_resume.loads(json.dumps(DOCUMENT))
    resume.extra["x-bad"] = float("nan")
    with pytest.raises(InputError, match="NaN or Infinity"):
        json_resume.dumps(resume)


def test_a_document_given_as_python_data_is_checked_the_same_way():
    with pytest.raises(InputError, match=r"^work\[0\]\.x-score is Infinity, which JSON does not allow\.$"):
        json_resume.from_json_resume({"basics": {"name": "A"}, "work": [{"x-score": float("inf")}]})
    with pytest.raises(InputError, match="^x-big holds a number too large to keep.$"):
        json_resume.from_json_resume({"basics": {"name": "A"}, "x-big": 10**5000})


def test_deep_but_allowed_nesting_is_kept():
    deep: object = "bottom"
    for _ in range(json_resume.MAX_DEPTH - 1):  # the document itself is the first level
        deep = [deep]
    document = {"basics": {"name": "A"}, "x-deep": deep}
    assert json_resume.to_json_resume(json_resume.loads(json.dumps(document))) == document


def _all_text(resume) -> str:
    blocks = layout(resume, ExportOptions())
    word = docx.Document(io.BytesIO(resume_to_docx(resume)))
    pdf = pypdf.PdfReader(io.BytesIO(resume_to_pdf(resume)))
    return "\n".join(
        [
            *(f"{block.text} {block.place} {block.dates}" for block in blocks),
            *(paragraph.text for paragraph in word.paragraphs),
            *(page.extract_text() for page in pdf.pages),
        ]
    )


def test_docx_and_pdf_never_print_extension_fields():
    resume = json_resume.loads(json.dumps(DOCUMENT))
    text = _all_text(resume)
    assert "Wrote the first program" in text and "Ada Lovelace" in text  # the known fields are there
    for unknown in (MARK, "she/her", "1815", "C2", "A*", "Bernoulli", "1828", "Horse riding", "v1.0.0"):
        assert unknown not in text
