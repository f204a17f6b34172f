"""Functional resumes, on small files the tests make: achievements grouped under skill
headings, then a short work history of dated one-line jobs without bullets; a caption above
the name; a school's degrees written as bullets under it."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from resume_app.core.json_resume import to_json_resume
from resume_app.parsing.contact import looks_like_name
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line


def _functional_resume(with_history: bool = True, with_summary: bool = True) -> bytes:
    document = docx.Document()

    def paragraph(text: str, bold: bool = False, size: float = 11, style: str | None = None):
        p = document.add_paragraph(style=style) if style else document.add_paragraph()
        run = p.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(size)

    paragraph("Resume Sample", bold=True, size=16)
    paragraph("Tomás Okafor", bold=True, size=14)
    paragraph("tomas.okafor@example.net")
    if with_summary:
        paragraph("Summary", bold=True, size=14)
        paragraph("Six years in customer service, three of them leading a team.")
    paragraph("Customer Relations", bold=True, size=14)
    for text in (
        "Answered 60 customer calls a day with a 95% satisfaction score.",
        "Trained 8 new agents on the help desk.",
    ):
        paragraph(text, style="List Bullet")
    paragraph("Team Leadership Experience", bold=True, size=14)
    for text in ("Scheduled shifts for a team of 12 across two sites.", "Ran the weekly quality review meeting."):
        paragraph(text, style="List Bullet")
    if with_history:
        paragraph("Employment History", bold=True, size=14)
        paragraph("2019-2023\tShift Supervisor, Brightline Contact Centre, Leeds")
        paragraph("2016-2019\tCustomer Service Agent, Northwind Traders Ltd, York")
    paragraph("Education", bold=True, size=14)
    paragraph("Leeds Trinity University, Leeds")
    paragraph("BA in Business Management (2016)", style="List Bullet")
    paragraph("BSc in Psychology (2014)", style="List Bullet")
    paragraph("Dean's List", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_achievements_under_skill_headings_become_skill_groups():
    resume = to_json_resume(import_resume("resume.docx", _functional_resume()))
    groups = {skill["name"]: skill.get("keywords") for skill in resume["skills"]}
    assert groups["Customer Relations"] == [
        "Answered 60 customer calls a day with a 95% satisfaction score.",
        "Trained 8 new agents on the help desk.",
    ]
    assert groups["Team Leadership Experience"][0] == "Scheduled shifts for a team of 12 across two sites."
    jobs = [(job["position"], job["name"], job["startDate"], job.get("highlights")) for job in resume["work"]]
    assert jobs == [
        ("Shift Supervisor", "Brightline Contact Centre", "2019", None),
        ("Customer Service Agent", "Northwind Traders Ltd", "2016", None),
    ]


def test_without_a_work_history_bullets_under_an_experience_heading_stay_a_job():
    resume = to_json_resume(import_resume("resume.docx", _functional_resume(with_history=False)))
    assert "Team Leadership Experience" not in {skill["name"] for skill in resume.get("skills", [])}
    assert resume["work"][0]["highlights"][0] == "Scheduled shifts for a team of 12 across two sites."


def test_a_caption_above_the_name_is_not_the_name():
    assert not looks_like_name("Functional Resume Sample")
    assert not looks_like_name("Curriculum Vitae")
    resume = to_json_resume(import_resume("resume.docx", _functional_resume()))
    assert resume["basics"]["name"] == "Tomás Okafor"


def test_degrees_written_as_bullets_under_their_school_are_one_entry_each():
    entries = parse_entries(
        "education",
        [
            Line("Leeds Trinity University, Leeds"),
            Line("• BA in Business Management (2016)", bullet=True),
            Line("• BSc in Psychology (2014)", bullet=True),
            Line("• Dean's List", bullet=True),
        ],
    )
    read = [(entry.organization, entry.title, entry.details.get("area"), entry.end_date) for entry in entries]
    assert read == [
        ("Leeds Trinity University", "BA", "Business Management", "2016"),
        ("Leeds Trinity University", "BSc", "Psychology", "2014"),
    ]
    assert entries[-1].bullets == ["Dean's List"]


def test_an_unknown_heading_after_the_contact_details_opens_a_group():
    """No summary: the first group's heading ("Customer Relations") follows the contact lines,
    set like the known headings; it opens a section instead of joining the header."""
    resume = to_json_resume(import_resume("resume.docx", _functional_resume(with_summary=False)))
    assert resume["basics"]["name"] == "Tomás Okafor"
    groups = {skill["name"]: skill.get("keywords") for skill in resume["skills"]}
    assert groups["Customer Relations"][1] == "Trained 8 new agents on the help desk."


def test_an_undated_one_line_job_between_dated_ones_is_a_job_of_its_own():
    entries = parse_entries(
        "work",
        [
            Line("2021-Present\tLead Designer, Atelier Quatre Vents, Lyon"),
            Line("Graphic Designer, Freelance"),
            Line("2017-2021\tJunior Designer, Studio Kranich, Hamburg, Germany"),
        ],
    )
    assert [(entry.title, entry.start_date) for entry in entries] == [
        ("Lead Designer", "2021"),
        ("Graphic Designer", ""),
        ("Junior Designer", "2017"),
    ]


def test_a_two_line_job_header_is_not_cut_in_two():
    entries = parse_entries(
        "work",
        [
            Line("St Mary's Hospital, Leeds\t2019 - 2021"),
            Line("Senior Staff Nurse, Emergency Department"),
            Line("• Ran the night shift.", bullet=True),
        ],
    )
    assert len(entries) == 1 and entries[0].title == "Senior Staff Nurse, Emergency Department"
