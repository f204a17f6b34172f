"""Our own DOCX and PDF exports, imported back from their visible text, give the same resume.

The issue's target is field F1 >= 0.99 for every truth file, in both formats. Files listed in
ROUNDTRIP_FLOORS do not reach it yet: they must not fall below today's figure, and must leave
the list once they reach the target (the list only shrinks).
"""

from __future__ import annotations

import json

import pytest

from bench import scoring
from bench.roundtrip import plain_strings
from resume_app.core import json_resume
from resume_app.export.docx import resume_to_docx
from resume_app.export.pdf import resume_to_pdf
from resume_app.parsing.importer import import_resume
from tests.corpus import TRUTH_FILES

TARGET_F1 = 0.99
FORMATS = {"docx": resume_to_docx, "pdf": resume_to_pdf}
# truth file -> format -> overall F1 last measured, rounded down (raised as the figures rise).
ROUNDTRIP_FLOORS: dict[str, dict[str, float]] = {}


def _round_trip_f1(path, kind: str) -> tuple[float, dict[str, float]]:
    truth = json.loads(path.read_text(encoding="utf-8"))
    exported = FORMATS[kind](json_resume.loads(path.read_bytes()))
    back = json_resume.to_json_resume(import_resume(f"resume.{kind}", exported))
    scores = scoring.score_document(back, plain_strings(truth))
    weak = {field: round(score.counts.f1, 2) for field, score in scores.items() if score.counts.f1 < 1}
    return scoring.overall({field: score.counts for field, score in scores.items()}).f1, weak


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda path: path.stem)
def test_export_reads_back_as_the_same_resume(path, kind):
    f1, weak = _round_trip_f1(path, kind)
    floor = ROUNDTRIP_FLOORS.get(path.stem, {}).get(kind)
    if floor is None:
        assert f1 >= TARGET_F1, f"{path.stem} {kind}: F1 {f1:.3f}, weak fields {weak}"
    else:
        assert f1 >= floor - 1e-9, f"{path.stem} {kind}: F1 {f1:.3f} fell below {floor}, weak fields {weak}"
        assert f1 < TARGET_F1, f"{path.stem} {kind} now reaches {f1:.3f}: remove it from ROUNDTRIP_FLOORS"


def _read_back(document: dict, kind: str):
    resume = json_resume.from_json_resume(document)
    return json_resume.to_json_resume(import_resume(f"resume.{kind}", FORMATS[kind](resume)))


@pytest.mark.parametrize("kind", FORMATS)
def test_titles_and_employers_with_commas_come_back_whole(kind):
    jobs = [
        {
            "position": "Co-Founder, Import/Export",
            "name": "Play Now, Inc.",
            "location": "Poznań",
            "startDate": "2015-01",
            "endDate": "2018-06",
            "highlights": ["Launched a boutique import/export business."],
        },
        {
            "position": "Senior Staff Nurse, Emergency Department",
            "name": "St Thomas' Hospital",
            "startDate": "2012-01",
            "endDate": "2014-12",
            "highlights": ["Triaged up to 40 patients per shift."],
        },
        {
            # No title word: "Healthcare" names a sector, "Assistant" says who.
            "position": "Healthcare Assistant",
            "name": "Cruz Roja Española",
            "startDate": "2010-01",
            "endDate": "2011-12",
            "highlights": ["Supported vaccination clinics."],
        },
        {
            # Long enough that the dates cannot sit beside it.
            "position": "Founding Member & Site Reliability Engineer & Infrastructure Team Lead of the Platform",
            "name": "Kasa",
            "startDate": "2008-01",
            "endDate": "2009-12",
            "highlights": ["Built the platform."],
        },
    ]
    back = _read_back({"basics": {"name": "Ada Lovelace"}, "work": jobs}, kind)
    assert [(job["position"], job["name"]) for job in back["work"]] == [(job["position"], job["name"]) for job in jobs]
    assert back["work"][0]["location"] == "Poznań"


@pytest.mark.parametrize("kind", FORMATS)
def test_jobs_without_dates_or_bullets_stay_apart(kind):
    jobs = [
        {"position": "Counseling Supervisor", "name": "The Wesley Center", "location": "Little Rock, Arkansas"},
        {"position": "Client Specialist", "name": "Rainbow Special Care Center", "location": "Little Rock, Arkansas"},
        {"position": "Teacher's Assistant", "name": "Cowell Elementary", "location": "Conway, Arkansas"},
    ]
    back = _read_back({"basics": {"name": "John Smith"}, "work": jobs}, kind)
    assert [(job["position"], job["name"]) for job in back["work"]] == [(job["position"], job["name"]) for job in jobs]


@pytest.mark.parametrize("kind", FORMATS)
def test_skills_holding_commas_and_long_lists_come_back_item_by_item(kind):
    many = [f"Practice number {number}" for number in range(12)] + ["Pair Programming"]
    skills = [
        {"name": "Office", "keywords": ["Microsoft Word, Excel & Outlook", "Typing"]},
        {"name": "Methods", "keywords": many},
    ]
    back = _read_back({"basics": {"name": "Ada Lovelace"}, "skills": skills}, kind)
    assert [skill["keywords"] for skill in back["skills"]] == [skill["keywords"] for skill in skills]


@pytest.mark.parametrize("kind", FORMATS)
def test_contact_details_written_as_people_do_come_back(kind):
    basics = {"name": "Jane Doe", "email": "Jane.Doe@university", "phone": "+49 176 313 *** **"}
    back = _read_back({"basics": basics, "work": [{"position": "Engineer", "name": "Acme Corp"}]}, kind)
    assert (back["basics"]["email"], back["basics"]["phone"]) == (basics["email"], basics["phone"])
