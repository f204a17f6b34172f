"""Academic CVs that set each section's name in a narrow left column, on the baseline of the
section's first line (long names wrapped over two rows), on small PDFs the tests draw with fpdf2:
the names become headings, whether the reader gives them on their row or as a block of their own."""

from __future__ import annotations

from fpdf import FPDF

from resume_app.parsing.importer import import_resume
from resume_app.parsing.label_column import split_label_column
from resume_app.parsing.lines import Line
from resume_app.parsing.pdf import read_pdf

LABEL_X = 40.0


def _academic_cv(body_x: float) -> bytes:
    """Labels at LABEL_X beside the body at `body_x`: near, the reader gives each label on its
    row; far, the column finder gives the labels as a block of their own."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.text(200, 60, "Maria Keller")
    pdf.set_font("Helvetica", "", 9)
    pdf.text(170, 78, "maria.keller@example.org  |  +49 30 1234567")
    sections = [
        (("EDUCATION",), [("B", "Technical University of Munich", "2012 - 2018"), ("", "PhD in Geophysics", "")]),
        (
            ("RESEARCH", "EXPERIENCE"),
            [
                ("B", "Postdoctoral Researcher, Alfred Wegener Institute", "2018 - 2023"),
                ("", "- Modelled ice-sheet flow for three Antarctic basins", ""),
                ("", "- Led a field campaign of eight scientists", ""),
            ],
        ),
        (("TEACHING",), [("B", "Lecturer, University of Bremen", "2023 - Present"), ("", "- Taught glaciology", "")]),
        (("LANGUAGES",), [("", "German (native), English (fluent)", "")]),
    ]
    y, label_rows = 120.0, []
    for label, rows in sections:
        label_rows.append((y, label))
        for style, text, dates in rows:
            pdf.set_font("Helvetica", style, 10)
            pdf.text(body_x, y, text)
            if dates:
                pdf.set_font("Helvetica", "", 10)
                pdf.text(540 - pdf.get_string_width(dates), y, dates)
            y += 14
        y += 12
    pdf.set_font("Helvetica", "B", 8.5)
    for top, words in label_rows:
        for row, word in enumerate(words):
            pdf.text(LABEL_X, top + 11 * row, word)
    return bytes(pdf.output())


def test_left_column_section_names_are_headings():
    data = _academic_cv(150.0)
    texts = [line.text for line in read_pdf(data)]
    assert "RESEARCH EXPERIENCE" in texts
    assert texts.index("RESEARCH EXPERIENCE") < texts.index(next(t for t in texts if t.startswith("Postdoctoral")))
    resume = import_resume("cv.pdf", data)
    kinds = [section.kind for section in resume.sections]
    assert {"education", "work", "languages"} <= set(kinds)
    jobs = resume.section("work").entries
    assert any("Alfred Wegener Institute" in (job.organization + job.title) for job in jobs)
    assert [bullet.text for job in jobs for bullet in job.bullets][:2] == [
        "Modelled ice-sheet flow for three Antarctic basins",
        "Led a field campaign of eight scientists",
    ]


def test_a_label_column_read_as_a_block_goes_back_beside_its_sections():
    """A wide gap lets the column finder give the labels as a block before the body (Chromium
    prints of academic templates): each label returns before the first body line at its height."""

    def line(text: str, x0: float, top: float, bold: bool = False) -> Line:
        return Line(text=text, page=1, x0=x0, x1=x0 + 6 * len(text), top=top, size=10, bold=bold)

    labels = [line("EDUCATION", 40, 120, True), line("PROFESSIONAL", 40, 160, True), line("EXPERIENCE", 40, 171, True)]
    labels.append(line("SKILLS", 40, 240, True))
    body = [
        line("Maria Keller", 200, 60),
        line("Technical University of Munich", 160, 120),
        line("PhD in Geophysics", 160, 134),
        line("Postdoctoral Researcher, Alfred Wegener Institute", 160, 160),
        line("Modelled ice-sheet flow for three Antarctic basins", 170, 174),
        line("Python, Fortran, GIS", 160, 240),
    ]
    texts = [found.text for found in split_label_column(labels + body)]
    assert texts == [
        "Maria Keller",
        "EDUCATION",
        "Technical University of Munich",
        "PhD in Geophysics",
        "PROFESSIONAL EXPERIENCE",
        "Postdoctoral Researcher, Alfred Wegener Institute",
        "Modelled ice-sheet flow for three Antarctic basins",
        "SKILLS",
        "Python, Fortran, GIS",
    ]
