"""Resumes printed from HTML/CSS by a browser (every web resume builder prints this way),
on small PDFs the tests write themselves: list markers drawn as paths, not glyphs;
letter-spaced headings; entries without dates."""

from __future__ import annotations

import io

from pypdf import PdfReader

from resume_app.parsing.entries import parse_entries
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import Line
from resume_app.parsing.pdf import read_pdf
from resume_app.parsing.pdf_interpreter import ContentInterpreter, FontCache, PathMark
from resume_app.parsing.pdf_lines import PdfTextLine, attach_marks
from resume_app.parsing.sections import heading_kind, split_sections, unspaced
from resume_app.parsing.skills import parse_skills
from tests.test_pdf_reader_steps import _pdf_with_content

# -------------------------------------------------------------- content-stream helpers


def _text(x: float, y: float, text: str, size: float = 10, font: str = "F1") -> bytes:
    """Text at (x, y) in PDF space (y up), as browsers write it."""
    return b"BT /%s %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n" % (font.encode(), size, x, y, text.encode())


def _disc(cx: float, cy: float, r: float = 1.6) -> bytes:
    """A filled circle of four Bezier curves: how Chromium paints ``list-style: disc``."""
    k = 0.5523 * r
    return (
        b"%g %g m %g %g %g %g %g %g c %g %g %g %g %g %g c %g %g %g %g %g %g c %g %g %g %g %g %g c f\n"
        % (
            cx + r, cy,
            cx + r, cy + k, cx + k, cy + r, cx, cy + r,
            cx - k, cy + r, cx - r, cy + k, cx - r, cy,
            cx - r, cy - k, cx - k, cy - r, cx, cy - r,
            cx + k, cy - r, cx + r, cy - k, cx + r, cy,
        )
    )  # fmt: skip


def _bulleted(x: float, y: float, text: str) -> bytes:
    """A list item: a disc about 0.8 em before the text, on its x-height band."""
    return _disc(x - 9.6, y + 3.3) + _text(x, y, text)


def _read(content: bytes):
    return read_pdf(_pdf_with_content(content))


# ---------------------------------------------------------------- the interpreter


def test_small_painted_shapes_are_kept_as_marks_and_big_or_compound_ones_are_not():
    content = (
        _disc(100, 700)  # a list marker
        + b"50 600 3 3 re f\n"  # a square marker
        + b"0 0 612 20 re f\n"  # a rule or a banner: too big
        + b"50 500 40 1 re f\n"  # a hairline: not square
        + b"200 500 2 2 re 210 500 2 2 re f\n"  # two subpaths in one path: an icon
        + b"300 300 3 3 re W n\n"  # a clip, never painted
    )
    reader = PdfReader(io.BytesIO(_pdf_with_content(content)))
    interpreter = ContentInterpreter(reader, FontCache(), (0.0, 792.0))
    interpreter.read_page(reader.pages[0])
    marks = [(round(m.x0, 1), round(m.top, 1)) for m in interpreter.marks]
    assert marks == [(98.4, 90.4), (50.0, 189.0)]


def _line(x0: float, y: float, size: float = 10.0) -> PdfTextLine:
    return PdfTextLine(x0=x0, x1=x0 + 200, y=y, text="Some words", size=size, bold=False, spans=[])


def _mark(x1: float, middle: float, width: float = 3.2) -> PathMark:
    return PathMark(x1 - width, x1, middle - width / 2, middle + width / 2)


def test_a_mark_before_two_lines_at_the_same_indent_makes_them_list_items():
    lines = [_line(60, 100), _line(60, 112), _line(60, 124), _line(48, 140)]
    marks = [_mark(52, 96.5), _mark(52, 120.5), _mark(40, 136.5)]
    attach_marks(lines, marks)
    # The third line wraps the second item; the lone mark at 48 makes no list.
    assert [line.marker for line in lines] == [True, False, True, False]


def test_decoration_is_not_a_list_marker():
    # A row of shapes before each heading (LaTeX CV classes): decoration.
    row = [_line(80, 100), _line(80, 200)]
    attach_marks(row, [_mark(x, y - 3.5) for y in (100, 200) for x in (60, 68, 76)])
    # A timeline dot bigger than a marker glyph, one per entry.
    timeline = [_line(80, 300), _line(80, 400)]
    attach_marks(timeline, [_mark(74, y - 3.5, width=6.5) for y in (300, 400)])
    # A mark far left of the text, or below the line's x-height band.
    far = [_line(80, 500), _line(80, 520)]
    attach_marks(far, [_mark(50, 496.5), _mark(77, 530)])
    assert not any(line.marker for line in row + timeline + far)


# ------------------------------------------------------------------ whole documents


def test_list_items_drawn_as_paths_are_bullets_and_their_wrapped_lines_continue_them():
    content = (
        _text(48, 740, "EXPERIENCE", 12, "F2")
        + _text(48, 722, "Data Analyst, Northwind Traders", font="F2")
        + _bulleted(60, 708, "Built the weekly sales report that the board reads")
        + _text(60, 696, "before every meeting, in half the time it took.")
        + _bulleted(60, 684, "Cleaned ten years of order history.")
    )
    lines = _read(content)
    assert [line.bullet for line in lines] == [False, False, True, False, True]


def _resume_pdf(heading, dated: bool) -> bytes:
    y = 740
    parts = [_text(200, y, "Avery Quinn", 20, "F2"), _text(170, y - 18, "avery.quinn@example.org  +44 20 7946 0000")]
    y -= 50
    for title, entries in (("EXPERIENCE", 2), ("EDUCATION", 1)):
        parts.append(_text(48, y, heading(title), 11, "F2"))
        y -= 18
        for index in range(entries):
            org = "Riverside University" if title == "EDUCATION" else f"Harbour Logistics {index}"
            role = "BSc Computer Science" if title == "EDUCATION" else "Operations Planner"
            header = f"{role} - {org}" + ("\t2019 - 2021" if dated else "")
            parts.append(_text(48, y, header.split("\t")[0], font="F2"))
            if dated:
                parts.append(_text(480, y, "2019 - 2021"))
            y -= 14
            for bullet in ("Planned routes for forty drivers each week.", "Cut fuel costs by a tenth."):
                parts.append(_bulleted(60, y, bullet))
                y -= 12
            y -= 8
    return _pdf_with_content(b"".join(parts))


def test_letter_spaced_headings_are_read_as_headings():
    assert unspaced("E X P E R I E N C E") == "EXPERIENCE"
    assert unspaced("W O R K E X P E R I E N C E") == "WORK EXPERIENCE"
    assert unspaced("S K I L L S & T O O L S") == "SKILLS & TOOLS"
    assert unspaced("Jane Doe") == "Jane Doe"
    assert heading_kind("E D U C A T I O N") == "education"
    resume = import_resume("r.pdf", _resume_pdf(lambda title: " ".join(title), dated=True))
    work = resume.section("work")
    assert work is not None and len(work.entries) == 2
    assert work.entries[0].bullets[1].text == "Cut fuel costs by a tenth."
    assert resume.section("education").entries[0].organization == "Riverside University"


def test_a_resume_without_dates_is_imported_not_refused():
    resume = import_resume("r.pdf", _resume_pdf(str, dated=False))
    work = resume.section("work")
    assert work is not None and [entry.organization for entry in work.entries] == [
        "Harbour Logistics 0",
        "Harbour Logistics 1",
    ]
    assert all(len(entry.bullets) == 2 for entry in work.entries)


# ------------------------------------------------------------- sidebars and stacked entries


def _ln(text: str, top: float, gap: float, size: float = 9.0, bold: bool = False) -> Line:
    return Line(text=text, x0=20.0, x1=120.0, top=top, size=size, bold=bold, gap_before=gap)


def test_a_sidebar_word_in_capitals_is_not_a_heading_unless_set_like_the_headings():
    lines = [
        _ln("SKILLS", 100, 0, 10.5, True),
        _ln("HTML", 116, 16),
        _ln("SQL", 129, 13),
        _ln("REST API", 142, 13),
        _ln("PUBLICATIONS", 170, 28, 10.5, True),  # unknown wording, set like a heading
        _ln("A paper", 186, 16),
    ]
    _, sections = split_sections(lines)
    assert [(section.kind, len(section.lines)) for section in sections] == [("skills", 3), ("publications", 1)]
    assert [skill.name for skill in parse_skills(sections[0].lines)] == ["HTML", "SQL", "REST API"]


def test_entries_stacked_in_a_narrow_column_are_split_at_the_space_between_them():
    lines = [
        _ln("PhD in Computer", 100, 0, bold=True),
        _ln("Science", 110.5, 10.5, bold=True),
        _ln("Princeton University", 121, 10.5),
        _ln("Sep 2018 – May 2023", 131.5, 10.5),
        _ln("BS in Computer", 149.5, 18, bold=True),
        _ln("Engineering", 160, 10.5, bold=True),
        _ln("Riverside University", 170.5, 10.5),
        _ln("Sep 2014 – Jun 2018", 181, 10.5),
    ]
    entries = parse_entries("education", lines)
    assert [(entry.organization, entry.start_date) for entry in entries] == [
        ("Princeton University", "2018-09"),
        ("Riverside University", "2014-09"),
    ]


def test_dateless_education_one_degree_a_line():
    lines = [
        Line(text="BS in Early Childhood Development, University of Arkansas at Little Rock, Little Rock, AR"),
        Line(text="BA in Elementary Education, University of Arkansas at Little Rock, Little Rock, AR"),
    ]
    entries = parse_entries("education", lines)
    assert [entry.organization for entry in entries] == ["University of Arkansas at Little Rock"] * 2


def test_places_and_dates_printed_among_skills_are_not_skills():
    lines = [Line(text="Python"), Line(text="Springfield, Massachusetts,"), Line(text="Dec 2009 – July 2014")]
    assert [skill.name for skill in parse_skills(lines)] == ["Python"]
