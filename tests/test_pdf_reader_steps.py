"""Each step of the PDF reader on small files and objects the tests make:
fonts, the content-stream interpreter, dropped ligatures, lines, columns."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from fpdf import FPDF
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from resume_app.parsing.pdf_columns import split_columns
from resume_app.parsing.pdf_fonts import PdfFont, glyph_name_text
from resume_app.parsing.pdf_interpreter import ContentInterpreter, FontCache, TextRun, TextState
from resume_app.parsing.pdf_layout import read_pdf_lines
from resume_app.parsing.pdf_ligatures import DroppedLigatures
from resume_app.parsing.pdf_lines import group_rows, make_line, separators

# ------------------------------------------------------------------------- helpers


def _pdf_with_content(content: bytes, extra_objects: tuple[bytes, ...] = (), xobjects: bytes = b"") -> bytes:
    """One letter page whose content stream is ``content``; F1 is Helvetica,
    F2 Helvetica-Bold; objects 6.. are ``extra_objects`` (for forms: ``xobjects``
    is the /XObject dictionary's inside)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R"
        b" /F2 6 0 R >> /XObject << " + xobjects + b" >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        *extra_objects,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _runs(data: bytes) -> list[TextRun]:
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    box = page.cropbox
    return ContentInterpreter(reader, FontCache(), (float(box.left), float(box.top))).read_page(page)


def _font_dict(base: str, differences: list | None = None, subtype: str = "/Type1") -> DictionaryObject:
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/BaseFont"): NameObject(base),
        }
    )
    if differences is not None:
        items = [NumberObject(v) if isinstance(v, int) else NameObject(v) for v in differences]
        font[NameObject("/Encoding")] = DictionaryObject(
            {NameObject("/Type"): NameObject("/Encoding"), NameObject("/Differences"): ArrayObject(items)}
        )
    return font


@dataclass
class _Font:
    """What lines and columns need of a font."""

    name: str = "Body"
    space_em: float = 0.25


def _run(x0: float, x1: float, y: float, text: str, size: float = 10.0, bold: bool = False, font=None) -> TextRun:
    return TextRun(x0, x1, y, text, font or _Font(), size, bold)


# --------------------------------------------------------------------------- fonts


def test_a_font_gives_text_width_and_weight_per_code():
    assert PdfFont(_font_dict("/ABCDEF+SourceSans-Semibold"), key=0, ligatures=DroppedLigatures()).name == (
        "SourceSans-Semibold"  # the subset prefix is not part of the name
    )
    font = PdfFont(_font_dict("/Helvetica-Bold"), key=1, ligatures=DroppedLigatures())
    assert font.bold
    text, width, icon = font.glyph(ord("A"))
    assert (text, icon) == ("A", "")
    assert width == pytest.approx(0.722)  # Helvetica-Bold's A, per point of font size
    assert font.space_em == pytest.approx(0.278)
    assert font.decode(b"AB") == [65, 66]


def test_glyph_names_without_to_unicode_are_read_by_the_adobe_glyph_list():
    font = PdfFont(
        _font_dict("/Raleway", [28, "/f_i", 49, "/one.lnum", 60, "/map_marker", 61, "/envelope"]),
        key=2,
        ligatures=DroppedLigatures(),
    )
    assert font.glyph(49)[0::2] == ("1", "")
    assert font.glyph(28)[0::2] == ("fi", "")
    assert font.glyph(60)[0::2] == ("", "location")  # no character: an icon
    assert font.glyph(61)[0::2] == ("", "envelope")  # a pictograph: an icon too
    assert glyph_name_text("/seven.osf") == "7"


def test_tex_ligature_codes_without_to_unicode_are_the_f_ligatures():
    # pdfTeX's T1 fonts draw fi and fl at codes 0x1C and 0x1D and may map them to nothing.
    font_dict = _font_dict("/ABCDEF+LMRoman10-Regular")
    font_dict[NameObject("/FirstChar")] = NumberObject(27)
    font_dict[NameObject("/LastChar")] = NumberObject(29)
    font_dict[NameObject("/Widths")] = ArrayObject([NumberObject(583), NumberObject(556), NumberObject(556)])
    font = PdfFont(font_dict, key=5, ligatures=DroppedLigatures())
    assert [font.glyph(code)[0] for code in (27, 28, 29)] == ["ff", "fi", "fl"]
    # A code the font does not draw stays nothing.
    assert font.glyph(30)[0] == ""


def test_an_icon_font_gives_icons_not_text():
    font = PdfFont(_font_dict("/XYZABC+FontAwesome", [1, "/github", 2, "/phone"]), key=3, ligatures=DroppedLigatures())
    assert font.glyph(1)[0::2] == ("", "github")
    assert font.glyph(2)[0::2] == ("", "phone")


def test_a_dropped_ligature_glyph_gets_a_placeholder_per_font_and_code():
    ligatures = DroppedLigatures()
    a = PdfFont(_font_dict("/A"), key=10, ligatures=ligatures)
    b = PdfFont(_font_dict("/B"), key=11, ligatures=ligatures)
    first, again, other = ligatures.marker(a, 5), ligatures.marker(a, 5), ligatures.marker(b, 5)
    assert first == again != other
    assert len(ligatures) == 2


# --------------------------------------------------------------------- interpreter


def test_runs_have_start_end_baseline_size_and_weight():
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.text(72, 100, "Hello world")
    pdf.set_font("helvetica", "B", 12)
    pdf.text(300, 100, "Bold")
    runs = _runs(bytes(pdf.output()))
    assert [(r.text, round(r.x0, 1), round(r.y, 1), r.size, r.bold) for r in runs] == [
        ("Hello world", 72.0, 100.0, 10.0, False),
        ("Bold", 300.0, 100.0, 12.0, True),
    ]
    assert runs[0].x1 == pytest.approx(72 + 10 * 4.945, abs=0.01)  # Helvetica widths of "Hello world"


def test_text_operators_move_the_pen():
    content = (
        b"BT /F1 10 Tf 100 700 Td (A) Tj 0 -20 Td (B) Tj 14 TL T* (C) Tj (D) ' ET\n"
        b"BT /F1 10 Tf 1 0 0 1 300 700 Tm [(X) -1000 (Y)] TJ ET\n"  # -1000: a gap of 1 em
        b"BT /F1 10 Tf 50 0 TD (P) Tj ET\n"  # TD sets the leading too
    )
    runs = _runs(_pdf_with_content(content))
    where = {r.text: (round(r.x0, 2), round(r.y, 2)) for r in runs}
    assert where["A"] == (100, 92)
    assert where["B"] == (100, 112)
    assert where["C"] == (100, 126)
    assert where["D"] == (100, 140)
    assert where["X"] == (300, 92)
    assert where["Y"][0] == pytest.approx(300 + 6.67 + 10, abs=0.01)  # X's width, then 1 em
    assert where["P"] == (50, 792)


def test_q_and_Q_save_and_restore_the_text_state_and_ctm():
    content = b"q 2 0 0 2 0 0 cm BT /F2 10 Tf 50 300 Td (Big) Tj ET Q BT 100 100 Td (Plain) Tj ET\n"
    runs = _runs(_pdf_with_content(b"BT /F1 10 Tf ET\n" + content))
    big, plain = runs
    assert (big.size, big.bold, round(big.x0), round(big.y)) == (20, True, 100, 192)
    assert (plain.size, plain.bold, round(plain.x0), round(plain.y)) == (10, False, 100, 692)


def test_spacing_scale_rise_and_render_mode():
    content = (
        b"BT /F1 10 Tf 2 Tc 100 700 Td (ab) Tj ET\n"  # Tc adds 2 pt after each glyph
        b"BT /F1 10 Tf 0 Tc 50 Tz 100 600 Td (ab) Tj ET\n"  # Tz 50 halves the advance
        b"BT /F1 10 Tf 100 Tz 3 Ts 100 500 Td (up) Tj ET\n"  # Ts raises the baseline
        b"BT /F1 10 Tf 0 Ts 2 Tr 100 400 Td (fake bold) Tj ET\n"  # fill+stroke
        b"BT /F1 10 Tf 0 Tr 10 Tw 100 300 Td (a b) Tj ET\n"  # Tw widens the space
    )
    runs = {round(r.y): r for r in _runs(_pdf_with_content(content))}
    ab_width = 10 * (0.556 + 0.556)
    assert runs[92].x1 - runs[92].x0 == pytest.approx(ab_width + 4)
    assert runs[192].x1 - runs[192].x0 == pytest.approx(ab_width / 2)
    assert 289 in runs and runs[289].text == "up"
    assert runs[392].bold
    assert runs[492].x1 - runs[492].x0 == pytest.approx(10 * (0.556 + 0.278 + 0.556) + 10)


def test_rotated_text_is_left_out_and_forms_are_read_in_place():
    form = b"BT /F1 10 Tf 0 0 Td (In a form) Tj ET"
    content = (
        b"BT /F1 10 Tf 0 1 -1 0 30 400 Tm (Sideways) Tj ET\n"  # rotated 90 degrees
        b"q 1 0 0 1 200 500 cm /Fm1 Do Q\n"
    )
    form_object = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 50] /Matrix [1 0 0 1 10 0]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form) + form + b"\nendstream"
    )
    runs = _runs(_pdf_with_content(content, (form_object,), xobjects=b"/Fm1 7 0 R"))
    assert [(r.text, round(r.x0), round(r.y)) for r in runs] == [("In a form", 210, 292)]


def test_a_malformed_operator_is_skipped_not_fatal():
    content = b"BT /F1 10 Tf (x) (y) Td 100 700 Td (Kept) Tj /Nope 10 Tf (Lost) Tj ET"
    assert [r.text for r in _runs(_pdf_with_content(content))] == ["Kept"]


def test_glyph_by_glyph_strings_are_merged_into_one_run():
    content = b"BT /F1 10 Tf 100 700 Td (a) Tj ET BT /F1 10 Tf 105.56 700 Td (b) Tj ET"
    assert [r.text for r in _runs(_pdf_with_content(content))] == ["ab"]


def test_the_text_state_copy_is_independent():
    state = TextState(size=10.0)
    copy = state.copy()
    copy.size = 12.0
    assert state.size == 10.0


# ---------------------------------------------------------------------- ligatures


class _LigatureFont:
    """A font whose ligature glyph (code 1) is as wide as f + i."""

    def __init__(self, key: int, lig_width: float) -> None:
        self.key, self._lig = key, lig_width

    def glyph(self, code: int) -> tuple[str, float, str]:
        return ("", self._lig, "")

    def char_width(self, ch: str) -> float:
        return {"f": 0.3, "i": 0.25, "l": 0.25}[ch]


def test_dropped_ligatures_are_resolved_by_width_and_the_letters_after():
    ligatures = DroppedLigatures()
    two = _LigatureFont(1, 0.55)
    three = _LigatureFont(2, 0.85)
    fi_or_fl = ligatures.marker(two, 1)
    ffi = ligatures.marker(three, 1)
    runs = [
        _run(0, 1, 0, f"Pro{fi_or_fl}les and {fi_or_fl}les"),
        _run(0, 1, 10, f"o{ffi}ce"),
    ]
    ligatures.resolve(runs, {1: two, 2: three})
    assert [r.text for r in runs] == ["Profiles and files", "office"]

    ligatures = DroppedLigatures()
    marker = ligatures.marker(two, 1)
    runs = [_run(0, 1, 0, f"{marker}exible work{marker}ow")]
    ligatures.resolve(runs, {1: two})
    assert runs[0].text == "flexible workflow"


# --------------------------------------------------------------------------- lines


def test_rows_group_runs_by_baseline_and_keep_one_overprinted_copy():
    runs = [
        _run(200, 250, 100.2, "right"),
        _run(50, 100, 100, "left"),
        _run(50, 100, 100, "left"),  # printed twice: fake bold
        _run(50, 100, 115, "next"),
        _run(101, 104, 97.5, "2", size=6),  # a superscript stays on its row
    ]
    rows = group_rows(runs)
    assert [[r.text for r in row] for row in rows] == [["left", "2", "right"], ["next"]]
    assert rows[0][0].bold


def test_the_tex_logo_stays_on_its_row():
    # LaTeX raises its A and lowers its E: measured from the row's baseline, both stay.
    runs = [
        _run(159.0, 165.1, 299.06, "L"),
        _run(161.6, 166.6, 297.14, "A", size=7),
        _run(165.1, 171.2, 299.06, "T"),
        _run(169.5, 175.6, 301.35, "E"),
        _run(174.4, 184.0, 299.06, "X,"),
        _run(136.8, 176.1, 311.02, "Microsoft"),
    ]
    rows = group_rows(runs)
    assert [[r.text for r in row] for row in rows] == [["L", "A", "T", "E", "X,"], ["Microsoft"]]


def test_gaps_become_nothing_a_space_or_a_tab():
    row = [
        _run(0, 40, 0, "Data"),
        _run(40.2, 80, 0, "base"),  # touching
        _run(83, 120, 0, "Engineer"),  # a word gap (0.3 em)
        _run(400, 450, 0, "2019"),  # a wide gap
    ]
    assert separators(row) == ["", "", " ", "\t"]
    line = make_line(row, block=2)
    assert line.text == "Database Engineer\t2019"
    assert [(s.x0, s.x1, s.text) for s in line.spans] == [(0, 120, "Database Engineer"), (400, 450, "2019")]
    assert line.block == 2


def test_a_line_takes_its_weight_and_size_from_the_text_before_the_first_tab():
    row = [_run(0, 60, 0, "Acme Corp", size=11, bold=True), _run(400, 430, 0, "Berlin, Germany", size=9)]
    line = make_line(row, block=0)
    assert (line.bold, line.size, line.x0, line.x1) == (True, 11, 0, 430)


def test_a_name_set_larger_before_its_headline_on_one_line_is_a_field_of_its_own():
    # A Word page header "Justin Time  Assistant to the Traveling Secretary", the name at 20 pt.
    row = [_run(40, 160, 50, "Justin Time ", size=20), _run(166, 400, 50, "Assistant to the Secretary", size=11)]
    line = make_line(row, block=0)
    assert line.text == "Justin Time\tAssistant to the Secretary"
    assert line.size == 20  # the size of the text before the tab: the name's
    # Fake small caps (a larger first letter touching the rest) and a large bullet glyph are no field.
    assert separators([_run(40, 50, 50, "J", size=14), _run(50, 80, 50, "OHN", size=10)]) == ["", ""]
    assert "\t" not in make_line([_run(40, 48, 50, "•", size=16), _run(52, 200, 50, "Led a team", size=10)], 0).text
    # A line in one size keeps its word gaps.
    assert separators([_run(40, 100, 50, "Justin Time", size=11), _run(103, 200, 50, "Assistant", size=11)]) == [
        "",
        " ",
    ]


def test_an_icon_between_items_is_a_field_break_and_is_listed():
    icon = _run(95, 105, 0, "")
    icon.icons.append((95.0, "envelope"))
    row = [_run(0, 90, 0, "+1 555 0100"), icon, _run(108, 200, 0, "me@example.com")]
    line = make_line(row, block=0)
    assert line.text == "+1 555 0100\tme@example.com"
    assert line.icons == [(95.0, "envelope")]


def test_a_row_of_icons_only_makes_no_line():
    icon = _run(0, 10, 0, "")
    icon.icons.append((0.0, "github"))
    assert make_line([icon], block=0) is None


# ------------------------------------------------------------------------- columns


def _page_rows(*columns: tuple[float, float, list[str]]) -> list[list[TextRun]]:
    """Rows of a page with side-by-side columns, each (x0, x1, lines), lines 14 pt apart;
    the columns' baselines are offset so that they never share one."""
    runs = []
    for k, (x0, x1, lines) in enumerate(columns):
        runs += [_run(x0, x1, 100 + 14 * i + 5 * k, text) for i, text in enumerate(lines)]
    return group_rows(runs)


def test_a_sidebar_is_read_as_one_block_before_the_main_column():
    sidebar = ["CONTACT", "me@example.com", "SKILLS", "Python", "SQL", "Docker"]
    main = ["EXPERIENCE", "Engineer, Acme", "Built things", "Shipped things", "Fixed things", "More things"]
    blocks = split_columns(_page_rows((40.2, 150.3, sidebar), (200.4, 560.1, main)))
    assert [[row[0].text for row in block] for block in blocks] == [sidebar, main]


# A banner over two columns (html_banner_grid's synthetic warehouse lead): (x0, x1, y, text).
_BANNER_GRID = [
    (39.7, 244.4, 48.7, "Tomasz Wisniewski"),
    (39.7, 148.9, 64.5, "Warehouse Team Lead"),
    (39.7, 254.5, 81.0, "t.wisniewski@example.com · +49 30 1234567 · Berlin, DE"),
    (39.7, 68.4, 130.5, "Skills"),
    (219.5, 326.4, 130.5, "Employment History"),
    (39.7, 184.6, 149.2, "Equipment: Forklift licence, Reach"),
    (219.5, 427.9, 149.2, "Warehouse Team Lead | Nordlicht Logistik GmbH"),
    (39.7, 107.1, 161.2, "truck, Pallet jack"),
    (219.5, 317.5, 160.5, "2020-03 to Present · Berlin"),
    (231.5, 469.1, 174.0, "Run a night shift of 18 pickers."),
    (39.7, 183.4, 177.0, "Systems: SAP EWM, Handheld RF"),
    (231.5, 481.4, 186.0, "Cut mis-picks by 37%."),
    (39.7, 74.1, 189.0, "scanners"),
    (231.5, 495.1, 198.0, "Trained 25 colleagues."),
    (231.5, 455.2, 210.0, "Keep a 99.6% on-time dispatch rate."),
    (39.7, 92.8, 215.2, "Education"),
    (231.5, 446.1, 222.0, "Plan rotas within budget."),
    (39.7, 154.1, 234.0, "Zespol Szkol Technicznych"),
    (219.5, 381.4, 242.2, "Forklift Operator | Spedition Kowalski"),
    (39.7, 170.3, 246.0, "Technician Diploma in Logistics"),
    (219.5, 330.5, 253.5, "2016 to 2020 · Poznan, Poland"),
    (39.7, 57.7, 257.2, "2015"),
    (231.5, 417.7, 267.0, "Loaded up to 30 trucks per shift."),
    (39.7, 99.6, 284.2, "Certificates"),
]


def test_column_headings_on_one_baseline_under_a_banner_start_their_columns():
    """ "Skills" beside "Employment History", and each column's first line beside the
    other's, share baselines (which counts against two independent columns): they still
    open their own columns, not one line across both."""
    blocks = split_columns(group_rows([_run(x0, x1, y, text) for x0, x1, y, text in _BANNER_GRID]))
    firsts = [" ".join(run.text for run in block[0]) for block in blocks]
    assert "Skills" in firsts and "Employment History" in firsts
    sidebar = next(block for block in blocks if block[0][0].text == "Skills")
    assert sidebar[1][0].text == "Equipment: Forklift licence, Reach" and len(sidebar[1]) == 1


def test_a_date_beside_a_title_above_a_band_stays_with_it():
    runs = [_run(60, 150, 100, "Team Lead"), _run(460, 550, 100, "Mar 2021 – June 2023")]
    for i in range(8):
        runs.append(_run(80, 430, 114 + 14 * i, f"Did a thing number {i}"))
        runs.append(_run(460, 550, 121 + 14 * i, f"Note {i}"))
    blocks = split_columns(group_rows(runs))
    assert [run.text for run in blocks[0][0]] == ["Team Lead", "Mar 2021 – June 2023"]


def test_a_right_aligned_date_column_is_not_a_second_column():
    runs = []
    for i in range(8):
        runs.append(_run(40, 300, 100 + 14 * i, f"Entry {i}"))
        if i % 2 == 0:  # right-aligned dates of different widths, between the rows
            runs.append(_run(500.3 - 12 * i, 560.1, 100 + 14 * i + 7, "2019 - 2021"))
    blocks = split_columns(group_rows(runs))
    assert len(blocks) == 1


def test_a_two_column_pdf_made_by_fpdf_reads_column_by_column():
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.text(40, 60, "Jane Doe - Data Engineer - jane@example.com")
    for i in range(6):
        pdf.text(40, 100 + 14 * i, f"Skill {i}")
        pdf.text(220, 104 + 14 * i, f"Achievement number {i} at Acme")
    pages = read_pdf_lines(PdfReader(io.BytesIO(bytes(pdf.output()))))
    lines = pages[0].lines
    assert [ln.text for ln in lines] == [
        "Jane Doe - Data Engineer - jane@example.com",
        *[f"Skill {i}" for i in range(6)],
        *[f"Achievement number {i} at Acme" for i in range(6)],
    ]
    assert [ln.block for ln in lines] == [0] + [1] * 6 + [2] * 6
    assert pages[0].number == 1 and pages[0].height == 792
