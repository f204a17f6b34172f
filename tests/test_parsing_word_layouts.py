"""Rules for Word layouts and education lines, on small files the tests make: a layout
table with bold Normal headings and a sidebar, the name and headline in the page header,
two-line job headers, and school names with " at " or a comma in them."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from resume_app.parsing.contact import looks_like_name
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line
from resume_app.parsing.skills import parse_skills


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _para(container, text: str, bold: bool = False, size: float = 9.5):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(size)
    return paragraph


def _heading(container, text: str) -> None:
    """A heading as people type it in Word: a bold Normal paragraph in capitals."""
    _para(container, text.upper(), bold=True, size=11)


def _sidebar_resume() -> bytes:
    document = docx.Document()
    _para(document, "Dana Whitfield", bold=True, size=22)
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    _heading(left, "Contact")
    _para(left, "dana.whitfield@example.org")
    _heading(left, "Skills")
    for text, bold in [("Web Technologies", True), ("HTML5", False), ("PHP", False), ("Tools", True)]:
        _para(left, text, bold=bold)
    _para(left, "Git")
    _para(left, "JIRA")
    _heading(left, "Education")
    for degree, year, grade in [("BS in Early Childhood Development", "1999", "3.8"), ("BA in History", "1997", "3.5")]:
        _para(left, degree, bold=True)
        _para(left, "University of Arkansas at Little Rock")
        _para(left, f"{year}, Little Rock, AR", size=8.5)
        _para(left, f"GPA: {grade}", size=8.5)
    _para(left, "Master of Arts in History", bold=True)
    _para(left, "Queens College, City University of New York")
    _heading(right, "Experience")
    _para(right, "Counseling Supervisor", bold=True)
    _para(right, "The Wesley Center, Little Rock, Arkansas")
    _para(right, "1999 – 2002", size=8.5)
    right.add_paragraph("Supervised six counselors.", style="List Bullet")
    return _save(document)


def test_word_sidebar_education_entries_split_at_each_bold_degree():
    resume = import_resume("sidebar.docx", _sidebar_resume())
    schools = resume.section("education").entries
    assert [(school.title, school.organization, school.end_date) for school in schools] == [
        ("BS", "University of Arkansas at Little Rock", "1999"),
        ("BA", "University of Arkansas at Little Rock", "1997"),
        ("Master of Arts", "Queens College, City University of New York", ""),
    ]
    # A grade line is the entry's score, never its school.
    assert [school.details.get("score") for school in schools[:2]] == ["3.8", "3.5"]


def test_word_sidebar_skill_groups_and_capitalised_skills_stay_in_skills():
    resume = import_resume("sidebar.docx", _sidebar_resume())
    skills = {skill.name: skill.keywords for skill in resume.section("skills").skills}
    assert skills == {"Web Technologies": ["HTML5", "PHP"], "Tools": ["Git", "JIRA"]}
    # "PHP" and "JIRA" are in capitals but not set like the headings: no section of their own.
    assert [section.kind for section in resume.sections if section.kind in ("skills", "education", "work")] == [
        "skills",
        "education",
        "work",
    ]


def test_name_and_headline_in_one_page_header_paragraph():
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    name = header.add_run("Tomasz Wiśniewski")
    name.bold, name.font.size = True, Pt(18)
    headline = header.add_run("  Warehouse Team Lead")
    headline.font.size = Pt(11)
    document.sections[0].header.add_paragraph("tomasz@example.org • +48 600 100 200")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Nordlicht Logistik GmbH, Berlin\tMarch 2020 – Present")
    document.add_paragraph("Warehouse Team Lead")
    document.add_paragraph("Ran a night shift of 18 pickers.", style="List Bullet")
    resume = import_resume("header.docx", _save(document))
    assert resume.contact.name == "Tomasz Wiśniewski"
    job = resume.section("work").entries[0]
    assert (job.title, job.organization, job.location) == ("Warehouse Team Lead", "Nordlicht Logistik GmbH", "Berlin")


def test_two_line_job_header_keeps_the_commas_of_the_position():
    lines = [
        Line("St Thomas’ Hospital, London\tApril 2019 – Present", bold=True, size=10.5),
        Line("Senior Staff Nurse, Emergency Department", size=10.5),
        Line("Led a team of six nurses.", bullet=True, size=10.5),
        Line("Spedition Kowalski, Poznań, Poland\t2016 – 2020", bold=True, size=10.5),
        Line("Forklift Operator", size=10.5),
        Line("Loaded up to 30 trucks a shift.", bullet=True, size=10.5),
    ]
    entries = parse_entries("work", lines)
    assert [(entry.title, entry.organization, entry.location) for entry in entries] == [
        ("Senior Staff Nurse, Emergency Department", "St Thomas’ Hospital", "London"),
        ("Forklift Operator", "Spedition Kowalski", "Poznań, Poland"),
    ]


def test_a_title_line_with_the_employer_after_a_comma_is_read_as_before():
    # "Software Engineer, Google" over an unknown town: the town is not made the employer.
    lines = [Line("Software Engineer, Google\t2019 – 2021"), Line("Mountain View"), Line("Built.", bullet=True)]
    entry = parse_entries("work", lines)[0]
    assert (entry.title, entry.organization) == ("Software Engineer", "Google")


def test_schools_and_degrees_in_other_languages():
    lines = [Line("Diplôme in Graphic Design", bold=True), Line("École Émile Cohl"), Line("2013 – 2017")]
    entry = parse_entries("education", lines)[0]
    assert (entry.title, entry.organization) == ("Diplôme", "École Émile Cohl")
    entry = parse_entries("education", [Line("Bachelor of Music"), Line("Conservatory of Music"), Line("2012")])[0]
    assert entry.organization == "Conservatory of Music"


def test_research_assistant_at_a_university_is_still_cut_at_at():
    entry = parse_entries("work", [Line("Research Assistant at Brown University\t2019 – 2020")])[0]
    assert (entry.title, entry.organization) == ("Research Assistant", "Brown University")


def test_pdf_prose_under_bold_skill_names_is_not_read_as_keywords():
    # A functional resume's wrapped achievements (positioned PDF lines) under a bold name.
    lines = [
        Line("Adult Care Experience", bold=True, x0=50, top=100),
        Line("Determined work placement for", x0=50, top=112),
        Line("150 special needs adult clients", x0=50, top=124),
    ]
    assert all(not skill.keywords for skill in parse_skills(lines))


def test_names_with_letters_outside_latin_1():
    assert looks_like_name("Tomasz Wiśniewski") and looks_like_name("Ali Çelik")
    assert not looks_like_name("john doe") and not looks_like_name("Room 101")
