"""Two-column resumes over several pages, on small PDFs the tests draw with fpdf2: the wide
column goes on at the top of page 2 without a heading while the sidebar beside it opens a
new section, and an entry's bullets are grouped under labels ("Technologies include:")."""

from __future__ import annotations

from fpdf import FPDF

from resume_app.core.json_resume import to_json_resume
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line

SIDEBAR_X = 30.0
MAIN_X = 210.0


def _text(pdf: FPDF, x: float, y: float, text: str, style: str = "", size: float = 10) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.text(x, y, text)


def _sidebar_left_two_pages() -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    _text(pdf, MAIN_X, 60, "Maria Jansen", "B", 24)
    _text(pdf, SIDEBAR_X, 120, "SKILLS", "B", 16)
    for index, skill in enumerate(("Python", "Ansible", "Linux", "Django", "Docker", "Git")):
        _text(pdf, SIDEBAR_X, 145 + 20 * index, skill)
    _text(pdf, SIDEBAR_X, 300, "maria.jansen@example.com")
    _text(pdf, MAIN_X, 120, "WORK EXPERIENCE", "B", 16)
    _text(pdf, MAIN_X, 145, "Platform Engineer    Sep 2015 - Present", "B")
    _text(pdf, MAIN_X, 158, "Northwind Traders", "B")
    y = 180.0
    for bullet in ("Built the deployment pipeline", "Ran the on-call rota", "Moved the fleet to containers"):
        _text(pdf, MAIN_X + 9, y, f"- {bullet}")
        y += 18
    _text(pdf, MAIN_X, y + 6, "Technologies include:", "B")
    y += 28
    for bullet in ("Ansible for configuration", "Python for tooling"):
        _text(pdf, MAIN_X + 9, y, f"- {bullet}")
        y += 18
    pdf.add_page()
    _text(pdf, SIDEBAR_X, 50, "EDUCATION", "B", 16)
    _text(pdf, SIDEBAR_X, 75, "2009 - 2011", "B")
    _text(pdf, SIDEBAR_X, 90, "M.Sc. Physics", "B")
    _text(pdf, SIDEBAR_X, 105, "University of Bonn")
    _text(pdf, SIDEBAR_X, 120, "Thesis on time series")
    _text(pdf, SIDEBAR_X, 135, "analysis of dynamics")
    # The job of page 1 goes on here, with no heading above it.
    y = 52.0
    for bullet in ("Wrote the runbooks", "Cut release time in half"):
        _text(pdf, MAIN_X + 9, y, f"- {bullet}")
        y += 18
    _text(pdf, MAIN_X, y + 12, "Systems Analyst    Mar 2012 - Aug 2015", "B")
    _text(pdf, MAIN_X, y + 25, "Research and Development", "B")
    for index, bullet in enumerate(("Automated the updates", "Centralised the logs")):
        _text(pdf, MAIN_X + 9, y + 47 + 18 * index, f"- {bullet}")
    return bytes(pdf.output())


def test_the_wide_column_continues_its_section_on_the_next_page():
    resume = to_json_resume(import_resume("sidebar.pdf", _sidebar_left_two_pages()))
    jobs = [(job["position"], job.get("name"), job["startDate"]) for job in resume["work"]]
    assert jobs == [
        ("Platform Engineer", "Northwind Traders", "2015-09"),
        ("Systems Analyst", "Research and Development", "2012-03"),
    ]
    assert resume["work"][0]["highlights"] == [
        "Built the deployment pipeline",
        "Ran the on-call rota",
        "Moved the fleet to containers",
        "Ansible for configuration",
        "Python for tooling",
        "Wrote the runbooks",
        "Cut release time in half",
    ]
    assert [school["institution"] for school in resume["education"]] == ["University of Bonn"]


def test_a_label_between_bullets_keeps_them_in_their_entry():
    lines = [
        Line("Platform Engineer\tSep 2015 - Present", bold=True),
        Line("Northwind Traders", bold=True),
        Line("• Built the deployment pipeline", bullet=True),
        Line("Achievements include:", bold=True),
        Line("• Cut release time in half", bullet=True),
    ]
    entries = parse_entries("work", lines)
    assert len(entries) == 1
    assert entries[0].bullets == ["Built the deployment pipeline", "Cut release time in half"]


def test_the_head_word_tells_a_position_from_an_employer():
    # "Systems" is an employer word, but "Analyst", the head of the name, makes it a position.
    lines = [Line("Systems Analyst\tMar 2012 - Aug 2015", bold=True), Line("Research and Development")]
    entry = parse_entries("work", lines)[0]
    assert (entry.title, entry.organization) == ("Systems Analyst", "Research and Development")
