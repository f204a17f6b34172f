"""The parser's steps on text and on documents the tests write themselves, in layouts the
corpus doesn't have, so the rules are checked for resumes in general."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt

from resume_app.parsing.contact import extract_contact
from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line, clean_text, join_wrapped
from resume_app.parsing.sections import heading_kind, split_sections
from resume_app.parsing.skills import parse_skills


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2020 – Present", "2020-01", ""),
        ("01/2020 - 03/2022", "2020-01", "2022-03"),
        ("2019–2021", "2019", "2021"),
        ("Summer 2018", "2018", "2018"),
        ("Mar. 2021 to Current", "2021-03", ""),
        ("September 2015 — June 2019", "2015-09", "2019-06"),
        ("Analyst   Aug 2016 -- Dec 2018", "2016-08", "2018-12"),
        ("2020-04 – 2021-11", "2020-04", "2021-11"),
        ("DevOps engineer\tSep 15 - NOW", "2015-09", ""),
        ("Mar '14 – Jan '15", "2014-03", "2015-01"),
        ("Oct 99 - Jan 01", "1999-10", "2001-01"),
        ("2023 Mar.— 2024 Jul.\tRemote", "2023-03", "2024-07"),
        ("2024 Aug. – present", "2024-08", ""),
    ],
)
def test_date_ranges_in_all_common_forms(text, start, end):
    found = find_date_ranges(text)
    assert (found[0].start, found[0].end) == (start, end)


def test_numbers_that_are_not_dates_are_ignored():
    assert find_date_ranges("GPA 3.8/4.0, top 5% of 1200 students") == []
    # A DOI or a version number holds years that are not dates.
    assert find_date_ranges("10.1234/icml.2022.9012") == []
    # Days of a month are not two-digit years: "May 15" alone, or a range of days before the year.
    assert find_date_ranges("Since May 15") == []
    assert [(found.start, found.end) for found in find_date_ranges("Jan 15 - Sep 15, 2020")] == [("2020", "2020")]
    # A year before a month is a year-first date only when the month is capitalised.
    assert [(found.start, found.end) for found in find_date_ranges("in 2019 may have")] == [("2019", "2019")]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("WORK HISTORY", "work"),
        ("Professional Experience", "work"),
        ("E X P E R I E N C E", "work"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("Volunteer Experience", "volunteer"),
        ("Licenses & Certifications", "certificates"),
        ("Education:", "education"),
        ("Professional Summary", "summary"),
        ("Honors and Awards", "awards"),
        ("Methodologies", "skills"),
        ("CAMPUS ACTIVITIES", "volunteer"),
    ],
)
def test_section_headings_by_wording(heading, kind):
    assert heading_kind(heading) == kind


def test_a_sentence_is_not_a_heading():
    assert heading_kind("Led a team of five engineers to ship the new billing experience") is None


def test_text_cleanup_spells_out_ligatures_and_drops_icons():
    assert clean_text("ﬁnance \uf0e0 oﬃce\u00a0work") == "finance office work"
    assert join_wrapped("improved submis-", "sions by 20%") == "improved submissions by 20%"


def test_contact_details_in_one_line_with_separators():
    lines = [
        Line("Maria Gonzalez", size=20),
        Line(
            "Austin, TX 78701 | +1 (512) 555-0199 | maria.g@example.org | linkedin.com/in/mariag | mariag.dev", size=10
        ),
    ]
    contact = extract_contact(lines, lines).contact
    assert contact.name == "Maria Gonzalez"
    assert contact.email == "maria.g@example.org"
    assert contact.phone == "+1 (512) 555-0199"
    assert contact.location.city == "Austin" and contact.location.region == "TX"
    assert contact.profiles[0].network == "LinkedIn" and contact.profiles[0].username == "mariag"
    assert contact.url == "mariag.dev"


def test_the_document_title_after_the_name_is_not_part_of_it():
    lines = [Line("JAN KOWALSKI RESUME", size=28), Line("jan@example.com", size=10)]
    assert extract_contact(lines, lines).contact.name == "Jan Kowalski"


def test_contact_values_between_round_bullets():
    # LaTeX CVs join the contact values with \textbullet or a filled circle.
    lines = [Line("Maria Gonzalez", size=20), Line("maria.g@example.org ● +1 (512) 555-0199 ● mariag.dev", size=9)]
    contact = extract_contact(lines, lines).contact
    assert (contact.email, contact.phone) == ("maria.g@example.org", "+1 (512) 555-0199")


def test_skills_with_groups_and_plain_lists():
    skills = parse_skills(
        [Line("Languages: Python, SQL (PostgreSQL, MySQL), and Go"), Line("Excel, Tableau, Power BI")]
    )
    assert (skills[0].name, skills[0].keywords) == ("Languages", ["Python", "SQL (PostgreSQL, MySQL)", "Go"])
    assert [skill.name for skill in skills[1:]] == ["Excel", "Tableau", "Power BI"]


def _placed(text: str, top: float, x1: float, *, bullet: bool = False) -> Line:
    return Line(text, page=1, x0=377, x1=x1, top=top, size=9.8, bullet=bullet)


def test_an_inline_list_wrapped_inside_an_item_is_joined():
    # "Material" / "UI" is one item: the first line fills the column and "UI" would not fit.
    skills = parse_skills(
        [
            _placed("• Docker • Git • SQL • Material", 500, 552, bullet=True),
            _placed("UI • Tailwind CSS", 513, 449),
            _placed("• Lean • Kanban • Test-", 540, 551, bullet=True),
            _placed("Driven Development", 553, 470),
        ]
    )
    assert [skill.name for skill in skills] == [
        *("Docker", "Git", "SQL", "Material UI", "Tailwind CSS", "Lean", "Kanban", "Test-Driven Development")
    ]


def test_years_of_experience_beside_a_skill_are_its_level():
    skills = parse_skills([Line("Python\t5+ yrs", bold=True), Line("Ansible\t5+ yrs", bold=True), Line("Git\t3 years")])
    assert [(skill.name, skill.level) for skill in skills] == [
        ("Python", "5+ yrs"),
        ("Ansible", "5+ yrs"),
        ("Git", "3 years"),
    ]


def test_short_list_lines_stay_separate_items():
    # The first line ends well before the column's edge: the next line starts a new item.
    skills = parse_skills([_placed("Python, Java", 500, 430), _placed("SQL, Excel Power Query", 513, 552)])
    assert [skill.name for skill in skills] == ["Python", "Java", "SQL", "Excel Power Query"]


def test_a_semicolon_list_keeps_the_commas_inside_its_items():
    skills = parse_skills([Line("Office: Microsoft Word, Excel & Outlook; Typing; Scheduling")])
    assert skills[0].keywords == ["Microsoft Word, Excel & Outlook", "Typing", "Scheduling"]


def test_a_four_corner_job_header_gives_one_name_a_line():
    """Jake's and most one-column templates: bold title with the dates at the right, then the
    employer with the town at the right; the words, not the commas, tell the two apart."""
    document = docx.Document()
    document.add_heading("Experience", level=1)
    for title, employer, town, dates in (
        ("Healthcare Assistant", "Cruz Roja Española", "Madrid", "2010 – 2011"),
        ("Senior Staff Nurse, Emergency Department", "St Thomas' Hospital", "London", "2012 – 2014"),
    ):
        for left, right, bold in ((title, dates, True), (employer, town, False)):
            line = document.add_paragraph()
            line.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)
            line.add_run(left).bold = bold
            line.add_run(f"\t{right}")
        document.add_paragraph("Cared for patients on a busy ward", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    jobs = import_resume("jobs.docx", buffer.getvalue()).section("work").entries
    assert [(job.title, job.organization, job.location) for job in jobs] == [
        ("Healthcare Assistant", "Cruz Roja Española", "Madrid"),
        ("Senior Staff Nurse, Emergency Department", "St Thomas' Hospital", "London"),
    ]


def test_a_masked_phone_and_a_local_email_on_the_contact_line():
    lines = [Line("Jane Doe", size=20), Line("Paris, Texas | (111)111-1111 | Jane.Doe@university", size=10)]
    contact = extract_contact(lines, lines).contact
    assert (contact.phone, contact.email) == ("(111)111-1111", "Jane.Doe@university")
    masked = [Line("Jan Kuster", size=20), Line("Bremen | +49 176 313 *** ** | jan@example.de", size=10)]
    assert extract_contact(masked, masked).contact.phone == "+49 176 313 *** **"


def _written_resume() -> bytes:
    """A resume as Word users write it: Heading styles, tab-aligned dates, List Bullet paragraphs."""
    document = docx.Document()
    document.add_paragraph("Priya Raman", style="Title")
    document.add_paragraph("Chicago, IL • (312) 555-0147 • priya.raman@example.com")
    document.add_heading("Professional Summary", level=1)
    document.add_paragraph("Data analyst who turns messy operational data into decisions.")
    document.add_heading("Work History", level=1)

    def job(title_and_company: str, dates: str, bullets: list[str]) -> None:
        line = document.add_paragraph()
        line.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)
        line.add_run(title_and_company).bold = True
        line.add_run(f"\t{dates}")
        for text in bullets:
            document.add_paragraph(text, style="List Bullet")

    job(
        "Senior Data Analyst, Globex Corporation",
        "03/2019 – Present",
        ["Built a churn model that cut cancellations by 12%", "Automated 40 weekly reports with Python and SQL"],
    )
    job("Operations Analyst, Initech LLC", "06/2016 – 02/2019", ["Reduced shipping errors by 30% across 3 warehouses"])
    document.add_heading("Education", level=1)
    degree = document.add_paragraph()
    degree.add_run("University of Illinois Chicago").bold = True
    degree.add_run("\t2012 – 2016")
    document.add_paragraph("Bachelor of Science in Statistics")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Languages: Python, SQL, R")
    document.add_paragraph("Tools: Tableau, dbt, Airflow")
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = run.font.size or Pt(11)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_resume_written_by_the_test_parses_into_its_structure():
    resume = import_resume("priya.docx", _written_resume())
    assert resume.contact.name == "Priya Raman"
    assert resume.contact.email == "priya.raman@example.com"
    assert resume.contact.phone == "(312) 555-0147"
    assert resume.summary == "Data analyst who turns messy operational data into decisions."
    jobs = resume.section("work").entries
    assert [(job.title, job.organization, job.start_date, job.end_date) for job in jobs] == [
        ("Senior Data Analyst", "Globex Corporation", "2019-03", ""),
        ("Operations Analyst", "Initech LLC", "2016-06", "2019-02"),
    ]
    assert [bullet.text for bullet in jobs[0].bullets] == [
        "Built a churn model that cut cancellations by 12%",
        "Automated 40 weekly reports with Python and SQL",
    ]
    school = resume.section("education").entries[0]
    assert (school.organization, school.title, school.details.get("area")) == (
        "University of Illinois Chicago",
        "Bachelor of Science",
        "Statistics",
    )
    assert (school.start_date, school.end_date) == ("2012", "2016")
    skills = {skill.name: skill.keywords for skill in resume.section("skills").skills}
    assert skills == {"Languages": ["Python", "SQL", "R"], "Tools": ["Tableau", "dbt", "Airflow"]}


def test_every_imported_field_carries_a_confidence():
    resume = import_resume("priya.docx", _written_resume())
    job = resume.section("work").entries[0]
    assert 0 < resume.confidence[f"{job.id}.position"] <= 1
    assert 0 < resume.confidence[f"{job.id}.startDate"] <= 1
    assert 0 < resume.confidence["contact.name"] <= 1


def _cv_line(text: str, top: float, *, bullet: bool = False) -> Line:
    return Line(text, page=1, x0=141, x1=560, top=top, size=10, bullet=bullet)


def test_a_role_set_as_a_list_item_with_the_dates_is_the_position():
    """simpleresumecv-like entries: organisation and place over "■ Member \t 2009 – Present";
    the place's town, region and country stay one location."""
    entries = parse_entries(
        "volunteer",
        [
            _cv_line("Royal Society of Chemistry,", 100),
            _cv_line("Cambridge, England, UK", 112),
            _cv_line("■ Member\t2009 – Present", 124, bullet=True),
        ],
    )
    assert [(e.title, e.organization, e.location, e.start_date, e.bullets) for e in entries] == [
        ("Member", "Royal Society of Chemistry", "Cambridge, England, UK", "2009", [])
    ]


def test_an_achievement_beside_the_dates_stays_an_achievement():
    """RenderCV's classic theme sets the dates beside the first bullet, which is no role."""
    entries = parse_entries(
        "work",
        [
            _cv_line("Nexus AI, Co-Founder & CTO\tSan Francisco, CA", 100),
            _cv_line("• Built model infrastructure serving 2M requests\tJune 2023 – present", 112, bullet=True),
        ],
    )
    assert entries[0].bullets == ["Built model infrastructure serving 2M requests"]
    assert entries[0].start_date == "2023-06"


def test_a_year_and_month_set_apart_by_a_slash_is_one_date():
    assert [(r.start, r.end) for r in find_date_ranges("Getoq Consulting, 2011 / 11")] == [("2011-11", "2011-11")]
    # A dash between a year and two digits is a range of years, not a month.
    assert [r.start for r in find_date_ranges("2010 - 11")] == ["2010"]


def test_the_name_after_a_school_is_its_field_or_else_its_campus():
    field = parse_entries("education", [Line("PhD\tPrinceton University, Computer Science\tSept 2018 – May 2023")])
    assert (field[0].organization, field[0].details.get("area")) == ("Princeton University", "Computer Science")
    campus = parse_entries(
        "education",
        [Line("1996 – 1999"), Line("California State University, Chico"), Line("B.S. Business Administration")],
    )
    assert (campus[0].organization, campus[0].title, campus[0].details.get("area")) == (
        "California State University, Chico",
        "B.S.",
        "Business Administration",
    )


def test_a_credit_line_with_a_web_address_is_no_school():
    entries = parse_entries("education", [Line("PDF is typeset using HTML/CSS: github.com/someone/resume-template")])
    assert not any(entry.organization for entry in entries)


def test_a_project_listed_under_education_is_a_project():
    document = docx.Document()
    document.add_paragraph("Jane Doe").runs[0].font.size = Pt(20)
    document.add_paragraph("jane@example.com | +1 555 123 4567")
    document.add_heading("Education", level=1)
    for line in (
        "Master Project - PrIMA\tUniversity of Bremen\t2012 - 2013",
        "Master of Project Management\tUniversity of Bremen\t2012 - 2015",
    ):
        document.add_paragraph(line)
        document.add_paragraph("Built a touch table application for medical support", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    resume = import_resume("cv.docx", buffer.getvalue())
    assert [entry.title for entry in resume.section("projects").entries] == ["Master Project - PrIMA"]
    assert [entry.title for entry in resume.section("education").entries] == ["Master of Project Management"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Research Intern — NVIDIA Research\tMay 2022 – Aug 2022", "Santa Clara, CA", "NVIDIA Research"),
        ("DevOps Engineer — Dunamu Inc.\tJan 2020 – Mar 2021", "Seoul, S.Korea", "Dunamu Inc."),
    ],
)
def test_position_and_employer_on_one_line_over_the_place(first, second, expected):
    """html_icons_spaced: "Position — Employer" on the first line, the town on the second."""
    entry = parse_entries("work", [Line(first, bold=True), Line(second), Line("• Built things", bullet=True)])[0]
    assert (entry.organization, entry.location.startswith(second.split(",")[0])) == (expected, True)
    assert "—" not in entry.title


def test_a_heading_on_the_row_of_a_right_aligned_contact_block_opens_its_section():
    """A contact block set flush right runs down beside the first heading (letter-spaced
    headings are even cut into columns): the field goes to the contact details."""
    header, sections = split_sections(
        [
            Line("John Doe\trendercv.com", size=20, bold=True),
            Line("LinkedIn: rendercv", size=8.5),
            Line("C O R E\tS K I L L S\tGitHub: rendercv", size=9.5, bold=True),
            Line("Languages: Python, C++, CUDA", size=9),
            Line("E X P E R I E N C E", size=9.5, bold=True),
            Line("Nexus AI | Co-Founder", size=9),
        ]
    )
    assert [section.kind for section in sections] == ["skills", "work"]
    assert [line.text for line in header][-1] == "GitHub: rendercv"
    assert sections[0].lines[0].text.startswith("Languages:")


def test_a_word_page_header_printed_on_every_page_gives_the_name_once_and_its_copies_are_listed():
    """A Word resume saved as PDF with the name and headline in one header line, on each page."""
    from fpdf import FPDF

    class WithHeader(FPDF):
        def header(self):
            self.set_font("helvetica", size=20)
            self.text(40, 40, "Justin Time")
            self.set_font("helvetica", size=11)
            self.text(160, 40, "Operations Coordinator")
            self.set_font("helvetica", size=9)
            self.text(40, 56, "justin.time@example.com  |  +1 555 212 1994")

    pdf = WithHeader(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    jobs = [("Vandelay Industries", "Co-Founder", "2019"), ("New York Yankees", "Assistant", "2016")]
    for company, position, year in jobs:
        pdf.add_page()
        pdf.set_font("helvetica", style="B", size=12)
        pdf.text(40, 100, "EXPERIENCE")
        pdf.set_font("helvetica", size=10)
        pdf.text(40, 120, f"{company}, New York")
        pdf.text(480, 120, f"Jan {year} - Dec {year}")
        pdf.text(40, 134, position)
        for i in range(3):
            pdf.text(50, 150 + 14 * i, f"- Coordinated {i + 3} schedules for the {company} staff")
    resume = import_resume("header.pdf", bytes(pdf.output()))
    assert resume.contact.name == "Justin Time"
    assert resume.contact.email == "justin.time@example.com"
    assert len(resume.section("work").entries) == 2
    # The second page's copies are page furniture: left out of the resume, listed with the reason.
    skipped = [line.line for line in resume.import_report.unplaced if line.reason]
    assert skipped == ["Justin Time\tOperations Coordinator", "justin.time@example.com | +1 555 212 1994"]


def _typed(text: str, top: float, x0: float, x1: float, *, bullet: bool = False, bold: bool = False) -> Line:
    return Line(text, page=1, x0=x0, x1=x1, top=top, size=10, bullet=bullet, bold=bold, gap_before=12)


def test_a_typed_bullet_wraps_back_to_its_glyph_and_is_still_one_bullet():
    """Google Docs and Word without a list style: "● " typed in a plain paragraph, so the
    wrapped lines start under the glyph, not under the text."""
    entries = parse_entries(
        "work",
        [
            _typed("Kent State University, Kent, Ohio\tAug 2015 - Current", 100, 40, 560, bold=True),
            _typed("Resident Advisor", 112, 40, 130),
            _typed(
                "● Collaborate with 10 building staff and campus administrators to organize a",
                124,
                58,
                556,
                bullet=True,
            ),
            _typed("breakfast fundraiser for 200 attendees.", 136, 58, 250),
            # Capitalised, but the line above is full: "Slack" would not have fitted there.
            _typed(
                "● Set up identity management for employees across tools such as Google Drive,",
                148,
                58,
                557,
                bullet=True,
            ),
            _typed("Slack and GitHub for 120 staff.", 160, 58, 220),
            # The line above ended short: a capitalised line under the glyph starts something new.
            _typed("● Served 40 tables a night.", 172, 58, 200, bullet=True),
            _typed("Harding Middle School, Columbus, Ohio\tJul 2014 - Oct 2015", 184, 58, 560),
        ],
    )
    assert entries[0].bullets == [
        "Collaborate with 10 building staff and campus administrators to organize a breakfast fundraiser "
        "for 200 attendees.",
        "Set up identity management for employees across tools such as Google Drive, Slack and GitHub for 120 staff.",
        "Served 40 tables a night.",
    ]
    assert len(entries) == 2


def _headline(*texts: str) -> str:
    lines = [Line(texts[0], size=20)] + [Line(text, size=10) for text in texts[1:]]
    return extract_contact(lines, lines).contact.label


def test_the_headline_under_the_name_or_beside_it_is_taken_and_marked_unsure():
    assert _headline("Jane Doe", "Registered Nurse", "jane@example.com | +44 20 7946 0958") == "Registered Nurse"
    assert _headline("Jane Doe\tData Engineer · Analyst", "jane@example.com") == "Data Engineer · Analyst"
    lines = [Line("Jane Doe", size=20), Line("Registered Nurse", size=10)]
    assert extract_contact(lines, lines).confidence["label"] < 0.8  # amber in the editor: the person checks it


def test_contact_data_a_place_a_username_or_a_summary_is_no_headline():
    assert _headline("Jane Doe", "jane@example.com | +44 20 7946 0958") == ""
    assert _headline("Jane Doe", "Seattle, WA", "jane@example.com") == ""
    assert _headline("Jane Doe", "janedoe", "jane@example.com") == ""
    assert _headline("Jane Doe", "LinkedIn: janedoe · GitHub: janedoe") == ""
    assert (
        _headline("Jane Doe", "Nurse with nine years on acute wards, calm", "under pressure and fluent in Spanish.")
        == ""
    )
    assert _headline("Jane Doe", "I create awesome resume templates in", "LaTeX and HTML") == ""
    # Beside the name, a headline that wraps onto the next line is not taken in part.
    assert _headline("Jane Doe | Creative and Innovative", "Web Developer", "jane@example.com") == ""


def test_a_contact_column_beside_the_name_is_no_headline():
    from resume_app.parsing.pdf_lines import PdfSpan

    name = Line("Aisha Rahman\tLeeds, West Yorkshire", size=30)
    name.spans = [PdfSpan(40, 230, "Aisha Rahman"), PdfSpan(450, 560, "Leeds, West Yorkshire")]
    lines = [name, Line("M (555) 014-2271", size=9)]
    assert extract_contact(lines, lines).contact.label == ""
    beside = Line("Justin Time\tOperations Coordinator", size=20)
    beside.spans = [PdfSpan(40, 150, "Justin Time"), PdfSpan(156, 300, "Operations Coordinator")]
    lines = [beside, Line("justin@example.com", size=9)]
    assert extract_contact(lines, lines).contact.label == "Operations Coordinator"
