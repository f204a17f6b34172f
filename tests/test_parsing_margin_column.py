"""Layouts of CV classes (LaTeX moderncv and its like), on small PDFs the tests draw with fpdf2:
dates in a left margin column beside the entry, title bold and employer italic on one line,
skill groups named in the margin, a one-letter label before the phone, and two-line entry
headers with the employer first."""

from __future__ import annotations

from fpdf import FPDF

from resume_app.core.json_resume import to_json_resume
from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line
from resume_app.parsing.pdf import read_pdf

MARGIN_RIGHT = 110.0  # the date column ends here (points) ...
TEXT_X = 118.0  # ... and the text column starts here: a gap under one em


def _pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    return pdf


def _cell_right(pdf: FPDF, y: float, text: str, size: float = 10) -> None:
    """Text right-aligned against the margin column's edge."""
    pdf.set_font("Helvetica", "", size)
    pdf.text(MARGIN_RIGHT - pdf.get_string_width(text), y, text)


def _text(pdf: FPDF, x: float, y: float, text: str, style: str = "", size: float = 10) -> float:
    pdf.set_font("Helvetica", style, size)
    pdf.text(x, y, text)
    return x + pdf.get_string_width(text)


def _moderncv_like() -> bytes:
    pdf = _pdf()
    _text(pdf, 50, 60, "Maria Jansen", size=26)
    _text(pdf, 400, 80, "M +49 30 1234567", size=9)
    _text(pdf, 400, 92, "maria.jansen@example.com", size=9)
    _text(pdf, TEXT_X, 140, "Experience", size=14)
    rows = [
        ("Apr 2019 -", "Senior Staff Nurse, Emergency Department", "St Mary Hospital", "Berlin"),
        ("Sep 2015 -", "Staff Nurse", "Charite Klinik", "Hamburg"),
    ]
    y = 160.0
    for start, title, employer, place in rows:
        _cell_right(pdf, y, start)
        x = _text(pdf, TEXT_X, y, title, "B")
        x = _text(pdf, x, y, ", ")
        x = _text(pdf, x, y, employer, "I")
        _text(pdf, x, y, f", {place}")
        y += 12
        _cell_right(pdf, y, "Present" if start.startswith("Apr") else "Mar 2019", size=9)
        _text(pdf, TEXT_X, y, "- Triaged patients on a busy ward every shift.", size=9)
        y += 11
        _text(pdf, TEXT_X, y, "- Trained new staff in the handover routine.", size=9)
        y += 20
    _text(pdf, TEXT_X, y, "Skills", size=14)
    y += 18
    _cell_right(pdf, y, "Clinical")
    _text(pdf, TEXT_X, y, "Triage, IV therapy, Wound care")
    y += 13
    _cell_right(pdf, y, "Systems")
    _text(pdf, TEXT_X, y, "Epic, Cerner")
    return bytes(pdf.output())


def test_dates_in_a_margin_column_are_read_with_their_entry():
    lines = read_pdf(_moderncv_like())
    cells = [line.margin for line in lines if line.margin]
    assert cells[:4] == ["Apr 2019 -", "Present", "Sep 2015 -", "Mar 2019"]
    # The date beside the first bullet is a line of its own: the bullet stays a bullet.
    bullets = [line.text for line in lines if line.bullet]
    assert bullets[0].startswith("- Triaged")

    work = to_json_resume(import_resume("cv.pdf", _moderncv_like()))["work"]
    assert [(job["position"], job["name"]) for job in work] == [
        ("Senior Staff Nurse, Emergency Department", "St Mary Hospital"),
        ("Staff Nurse", "Charite Klinik"),
    ]
    assert (work[0]["startDate"], work[0].get("endDate")) == ("2019-04", None)
    assert (work[1]["startDate"], work[1]["endDate"]) == ("2015-09", "2019-03")
    assert all(len(job["highlights"]) == 2 for job in work)


def test_skill_groups_named_in_the_margin_and_a_lettered_phone():
    document = to_json_resume(import_resume("cv.pdf", _moderncv_like()))
    assert [(skill["name"], skill["keywords"]) for skill in document["skills"]] == [
        ("Clinical", ["Triage", "IV therapy", "Wound care"]),
        ("Systems", ["Epic", "Cerner"]),
    ]
    assert document["basics"]["phone"].replace(" ", "") == "+49301234567"


def test_a_page_without_a_margin_column_gets_no_cells():
    pdf = _pdf()
    _text(pdf, 50, 60, "Maria Jansen", size=26)
    _text(pdf, 50, 100, "Experience", size=14)
    for row in range(4):
        _text(pdf, 50, 120 + 12 * row, "Nurse  at a hospital in town with a wide gap here")
    assert not any(line.margin for line in read_pdf(bytes(pdf.output())))


def _line(text: str, bold: bool = False, y: float = 0.0) -> Line:
    return Line(text=text, x0=50.0, x1=500.0, top=y, size=10.0, bold=bold)


def test_employer_first_headers_follow_the_order_the_section_shows():
    """moderncv banking: bold "Employer \\t Town" over "Position \\t Dates", no bullets. Entries
    whose words tell the order set it for the one whose words do not."""
    lines = [
        _line("Northside Hospital\tLeeds", bold=True, y=100),
        _line("Charge Nurse\t2019 - 2023", y=112),
        _line("City Clinic\tYork", bold=True, y=130),
        _line("Staff Nurse\t2015 - 2019", y=142),
        _line("Cruz Roja\tMadrid", bold=True, y=160),
        _line("Care Aide\t2012 - 2015", y=172),
    ]
    entries = parse_entries("work", lines)
    assert [(entry.title, entry.organization, entry.location) for entry in entries] == [
        ("Charge Nurse", "Northside Hospital", "Leeds"),
        ("Staff Nurse", "City Clinic", "York"),
        ("Care Aide", "Cruz Roja", "Madrid"),
    ]
