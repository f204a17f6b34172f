"""Rules for resumes typed in Google Docs and exported to Word, on small files the tests make:
no Heading styles, typed "● " bullets, soft line breaks, year-first dates, a short email
address, a skills section that also lists certifications."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from resume_app.core.json_resume import to_json_resume
from resume_app.parsing.contact import extract_contact
from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line
from resume_app.parsing.sections import heading_kind
from resume_app.parsing.skills import parse_skills


def _google_docs_resume() -> bytes:
    document = docx.Document()

    def paragraph(*pieces: str, bold: bool = False, size: float = 10):
        p = document.add_paragraph()
        for index, piece in enumerate(pieces):
            run = p.add_run(piece)
            run.bold = bold or None
            run.font.size = Pt(size)
            if index < len(pieces) - 1:
                run.add_break()  # Shift+Enter: one paragraph, two lines
        return p

    def heading(text: str):
        paragraph(text, bold=True, size=11)

    paragraph("Priya Raman", size=18)
    paragraph("LinkedIn | priya.raman@campus | (555)010-4477| Fresno, California")
    heading("EDUCATION")
    paragraph("Valley State University - Fresno, CA (2026)", "B.S. Computer Engineering (3.4 / 4.0)")
    heading("TECHNICAL SKILLS")
    paragraph("Operating Systems: Linux and Windows")
    paragraph("Programming: (Intermediate) Rust, Go, SQL")
    paragraph("Certifications: CCNA, Network+")
    heading("WORK EXPERIENCE")
    paragraph("Harbour & Finch LLP, Dublin\t2023 Mar. - 2024 Jul.", "Data Assistant")
    paragraph("● Reconciled 40 supplier accounts every month.")
    heading("ACTIVITIES AND HONORS")
    paragraph("Robotics Club (2022 - Current)")
    paragraph("● Built the line-following robot that placed second regionally.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_year_first_dates_read_as_month_and_year():
    found = find_date_ranges("Acme\t2023 Mar. - 2024 Jul.")
    assert [(date.start, date.end) for date in found] == [("2023-03", "2024-07")]
    assert (find_date_ranges("2021 May – Current")[0].start, find_date_ranges("2021 May – Current")[0].end) == (
        "2021-05",
        "",
    )


def test_an_address_without_a_top_level_domain_counts_only_as_a_whole_contact_field():
    lines = [Line("Priya Raman", size=18), Line("LinkedIn | priya.raman@campus | (555)010-4477| Fresno, CA")]
    contact = extract_contact(lines, lines).contact
    assert contact.email == "priya.raman@campus"
    assert contact.phone == "(555)010-4477"
    # Inside other text, a word with an "@" is not an address.
    lines = [Line("Priya Raman", size=18), Line("Tweets as priya@campus about robots")]
    assert extract_contact(lines, lines).contact.email == ""


def test_no_email_does_not_break_the_phone_search():
    lines = [Line("Priya Raman", size=18), Line("(555) 010-4477 | Fresno, CA")]
    assert extract_contact(lines, lines).contact.phone == "(555) 010-4477"


def test_a_skill_group_level_in_brackets_and_a_pair_joined_by_and():
    skills = parse_skills([Line("OS: Linux and Windows"), Line("Programming: (Beginner) Python, Java")])
    assert (skills[0].name, skills[0].keywords) == ("OS", ["Linux", "Windows"])
    assert (skills[1].name, skills[1].level, skills[1].keywords) == ("Programming", "Beginner", ["Python", "Java"])
    # A phrase of more than one word a side keeps its "and".
    assert parse_skills([Line("Areas: Mergers and Acquisitions, Tax")])[0].keywords == [
        "Mergers and Acquisitions",
        "Tax",
    ]


def test_activities_and_military_service_headings():
    assert heading_kind("ACTIVITIES AND HONORS") == "volunteer"
    assert heading_kind("Extracurricular Activities") == "volunteer"
    assert heading_kind("MILITARY SERVICE") == "work"


def test_an_employer_word_alone_follows_the_sections_order():
    lines = [
        Line("St Mary's Hospital, Leeds\t2019 - 2021"),
        Line("Senior Staff Nurse"),
        Line("• Ran the night shift.", bullet=True),
        Line("Northgate Clinic, York\t2016 - 2019"),
        Line("Staff Nurse"),
        Line("• Dressed wounds.", bullet=True),
        Line("Harbour Lodge\t2014 - 2016"),
        Line("Healthcare Assistant"),
        Line("• Helped residents.", bullet=True),
    ]
    entries = parse_entries("work", lines)
    assert [(entry.title, entry.organization) for entry in entries][-1] == ("Healthcare Assistant", "Harbour Lodge")


def test_a_google_docs_export_parses_into_its_structure():
    resume = to_json_resume(import_resume("resume.docx", _google_docs_resume()))
    assert resume["basics"]["email"] == "priya.raman@campus"
    assert resume["basics"]["phone"] == "(555)010-4477"
    assert resume["education"][0]["institution"] == "Valley State University"
    skills = {skill["name"]: skill.get("keywords") for skill in resume["skills"]}
    assert skills["Operating Systems"] == ["Linux", "Windows"]
    assert skills["Programming"] == ["Rust", "Go", "SQL"]
    assert [certificate["name"] for certificate in resume["certificates"]] == ["CCNA", "Network+"]
    job = resume["work"][0]
    assert (job["name"], job["position"], job["location"]) == ("Harbour & Finch LLP", "Data Assistant", "Dublin")
    assert (job["startDate"], job["endDate"]) == ("2023-03", "2024-07")
    assert job["highlights"] == ["Reconciled 40 supplier accounts every month."]
    assert resume["volunteer"][0]["highlights"] == ["Built the line-following robot that placed second regionally."]


def _word_resume_with_styled_titles() -> bytes:
    """Capitals headings as bold Normal paragraphs; job titles in Word's "Heading 3", bold
    but not in capitals; each job's dates on a line of their own before employer and title."""
    document = docx.Document()

    def paragraph(text: str, bold: bool = False, style: str | None = None):
        p = document.add_paragraph(style=style) if style else document.add_paragraph()
        run = p.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(9)

    heading_style = document.styles["Heading 3"]
    heading_style.font.size = Pt(9)
    paragraph("Rosa Lindqvist", bold=True)
    paragraph("rosa.lindqvist@example.org")
    paragraph("WORK EXPERIENCE", bold=True)
    for dates, employer, title, bullet in [
        ("May 2018 – Current", "Northwind Analytics, Inc.", "Director of Data Products", "Grew the team to 9."),
        (
            "June 2015 – April 2018",
            "Fabrikam Systems, Inc. (Nordic Division)",
            "Contractor – Data Warehousing",
            "Cut load times by half.",
        ),
    ]:
        paragraph(dates)
        paragraph(employer)
        paragraph(title, bold=True, style="Heading 3" if "Contractor" in title else None)
        document.add_paragraph(bullet, style="List Bullet")
    paragraph("MILITARY SERVICE", bold=True)
    paragraph("SECOND LIEUTENANT, US Navy, Pacific Fleet, 2010-2012")
    paragraph("SKILLS", bold=True)
    paragraph("Languages: SQL, Python")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_bold_title_in_a_heading_style_stays_in_its_section_and_dates_come_first():
    resume = to_json_resume(import_resume("resume.docx", _word_resume_with_styled_titles()))
    jobs = [(job["name"], job["position"], job.get("startDate"), job.get("endDate")) for job in resume["work"]]
    assert jobs == [
        ("Northwind Analytics, Inc.", "Director of Data Products", "2018-05", None),
        ("Fabrikam Systems, Inc. (Nordic Division)", "Contractor – Data Warehousing", "2015-06", "2018-04"),
        ("US Navy", "SECOND LIEUTENANT", "2010", "2012"),
    ]
    assert resume["work"][1]["highlights"] == ["Cut load times by half."]
    assert resume["work"][2]["location"] == "Pacific Fleet"


def test_a_bulleted_list_of_one_skill_a_bullet_keeps_a_bullet_with_commas_whole():
    lines = [Line("• Microsoft Word, Excel & Outlook", bullet=True), Line("• Typing", bullet=True)]
    assert [skill.name for skill in parse_skills(lines)] == ["Microsoft Word, Excel & Outlook", "Typing"]
    # Bullets that each hold a list are still split.
    lines = [Line("• Python, Go, Rust", bullet=True), Line("• Docker, Kubernetes", bullet=True)]
    assert [skill.name for skill in parse_skills(lines)] == ["Python", "Go", "Rust", "Docker", "Kubernetes"]


def test_a_line_that_is_only_a_link_is_not_a_skill_and_is_listed_not_placed():
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Priya Raman")
    document.add_paragraph("priya.raman@example.org")
    heading = document.add_paragraph()
    heading.add_run("SKILLS").bold = True
    document.add_paragraph("Programming: Rust, Go")
    paragraph = document.add_paragraph()
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), document.part.relate_to("https://example.org/priya", RELATIONSHIP_TYPE.HYPERLINK, True))
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "Code Portfolio"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    buffer = io.BytesIO()
    document.save(buffer)
    resume = import_resume("resume.docx", buffer.getvalue())
    skills = to_json_resume(resume)["skills"]
    assert [(skill["name"], skill.get("keywords")) for skill in skills] == [("Programming", ["Rust", "Go"])]
    assert any(line.text == "Code Portfolio" for line in resume.import_report.unplaced)


def test_a_year_first_end_date_does_not_end_the_entry_like_a_sentence():
    entries = parse_entries(
        "education",
        [
            Line("Birla Institute of Technology and Science - Pilani, India\t2008 Aug. - 2012 Jul."),
            Line("Bachelor of Engineering in Electrical and Electronics (GPA: 3.66 (9.15/10.0))"),
        ],
    )
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.organization, entry.title, entry.details["area"], entry.details["score"]) == (
        "Birla Institute of Technology and Science",
        "Bachelor of Engineering",
        "Electrical and Electronics",
        "3.66",
    )
