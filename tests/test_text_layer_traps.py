"""Text that the usual libraries do not show, and that the readers must still read.

- Word smart tags (w:smartTag) and their kin (w:customXml, inline w:sdt, w:ins,
  w:hyperlink, w:fldSimple) wrap runs; python-docx's ``Paragraph.text`` skips the
  runs inside some of them, so a university's name or a job's dates vanish.
- A PDF font without ToUnicode whose /Differences names its glyphs "/one.lnum",
  "/f_i" or "/map_marker": pypdf writes the names into the text ("Sep
  /one.lnum/five.lnum"); the reader maps them back by the Adobe Glyph List rules and
  treats names that are no character as icons.

The documents are made here; the two corpus files with these traps are checked too.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from resume_app.parsing import docx_layout, pdf_layout
from resume_app.parsing.importer import import_resume
from tests.corpus import CORPUS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --------------------------------------------------------------------------- DOCX


def _wrap(run, *tags: str) -> None:
    """Put ``run`` inside nested wrapper elements, outermost first (w:smartTag...)."""
    parent, index = run.getparent(), run.getparent().index(run)
    outer = inner = None
    for tag in tags:
        element = etree.Element(qn(tag))
        if tag == "w:smartTag":
            element.set(qn("w:uri"), "urn:schemas-microsoft-com:office:smarttags")
            element.set(qn("w:element"), "place")
        if tag == "w:sdt":  # a content control: properties, then content
            etree.SubElement(element, qn("w:sdtPr"))
            content = etree.SubElement(element, qn("w:sdtContent"))
            inner_target = content
        else:
            inner_target = element
        if inner is None:
            outer = element
        else:
            inner.append(element)
        inner = inner_target
    parent.remove(run)
    inner.append(run)
    parent.insert(index, outer)


def _paragraph(document, pieces: list[tuple[str, tuple[str, ...]]], style: str | None = None, bold: bool = False):
    """A paragraph of runs, each wrapped in the given elements (none: a plain run)."""
    paragraph = document.add_paragraph(style=style)
    for text, wrappers in pieces:
        run = paragraph.add_run(text)
        run.bold = bold
        if wrappers:
            _wrap(run._r, *wrappers)
    return paragraph


def _smart_tag_resume() -> bytes:
    document = docx.Document()
    _paragraph(document, [("Molly ", ()), ("Adams", ("w:smartTag",))], style="Title")
    _paragraph(document, [("molly.adams@example.com | (858) 555-1001", ())])
    document.add_heading("Experience", level=1)
    _paragraph(
        document,
        [
            ("Senior Web Developer, ", ()),
            ("Convergence", ("w:customXml",)),
            (" Inc.", ("w:hyperlink",)),
            ("\t", ()),
            ("March 2003", ("w:sdt",)),
            (" – ", ()),
            ("October 2004", ("w:ins",)),
        ],
        bold=True,
    )
    _paragraph(
        document,
        [("Planned meetings at 200 hotels in ", ()), ("Connecticut", ("w:smartTag", "w:smartTag"))],
        style="List Bullet",
    )
    _paragraph(document, [("Built the booking tool in ", ()), ("ASP.NET", ("w:fldSimple",))], style="List Bullet")
    document.add_heading("Education", level=1)
    _paragraph(
        document,
        [
            ("California ", ("w:smartTag",)),
            ("State", ("w:smartTag", "w:smartTag")),
            (" University", ("w:smartTag",)),
            (", Chico", ()),
            ("\t1996 – 1999", ()),
        ],
        bold=True,
    )
    _paragraph(document, [("Bachelor of Science in Business Administration", ())])
    # A deleted run inside the same paragraph must stay out.
    gone = document.paragraphs[-1].add_run(" (draft)")
    _wrap(gone._r, "w:del")
    for t in gone._r.iter(qn("w:t")):
        t.tag = qn("w:delText")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_python_docx_alone_loses_the_wrapped_text():
    """The trap is real: python-docx's paragraph text skips smart-tag runs."""
    document = docx.Document(io.BytesIO(_smart_tag_resume()))
    texts = " ".join(p.text for p in document.paragraphs)
    assert "Connecticut" not in texts
    assert "California" not in texts


def test_the_docx_reader_reads_every_run_in_document_order():
    lines = [line.text for line in docx_layout.read_docx_lines(_smart_tag_resume())]
    assert "Molly Adams" in lines
    assert "Senior Web Developer, Convergence Inc.\tMarch 2003 – October 2004" in lines
    assert "Planned meetings at 200 hotels in Connecticut" in lines
    assert "Built the booking tool in ASP.NET" in lines
    assert "California State University, Chico\t1996 – 1999" in lines
    assert "Bachelor of Science in Business Administration" in lines  # no deleted "(draft)"


def test_smart_tag_text_reaches_the_imported_resume():
    resume = import_resume("molly.docx", _smart_tag_resume())
    assert resume.contact.name == "Molly Adams"
    job = resume.section("work").entries[0]
    assert (job.title, job.start_date, job.end_date) == ("Senior Web Developer", "2003-03", "2004-10")
    assert job.organization.startswith("Convergence Inc")
    assert [b.text for b in job.bullets] == [
        "Planned meetings at 200 hotels in Connecticut",
        "Built the booking tool in ASP.NET",
    ]
    school = resume.section("education").entries[0]
    assert school.organization.startswith("California State University")
    assert (school.start_date, school.end_date) == ("1996", "1999")


def test_an_unknown_inline_wrapper_is_looked_through():
    """A wrapper the reader has no rule for (here a made-up w14 element) hides nothing."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Visible ")
    run = paragraph.add_run("wrapped")
    wrapper = etree.Element("{http://schemas.microsoft.com/office/word/2010/wordml}customWrapper")
    paragraph._p.remove(run._r)
    wrapper.append(run._r)
    paragraph._p.append(wrapper)
    buffer = io.BytesIO()
    document.save(buffer)
    assert [line.text for line in docx_layout.read_docx_lines(buffer.getvalue())] == ["Visible wrapped"]


def test_the_textkernel_smart_tag_resume_loses_no_text():
    path = CORPUS / "edge" / "textkernel_molly_adams.docx"
    data = path.read_bytes()
    lines = [line.text for line in docx_layout.read_docx_lines(data)]
    for words in (
        "California State University, Chico",
        "1234 Farmington Way",
        "FIRST LIEUTENANT, US Army, Vietnam theatre, 1966-1967",
    ):
        assert words in lines
    assert any("hotels in Connecticut for the Connecticut Tourism Department" in line for line in lines)
    resume = import_resume(path.name, data)
    schools = [entry.organization for entry in resume.section("education").entries]
    assert any(s.startswith("California State University") for s in schools)


# ---------------------------------------------------------------------------- PDF

_DIGIT_NAMES = "zero one two three four five six seven eight nine".split()


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of the given objects (numbered from 1; object 1 is the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _glyph_name_pdf(lines: list[tuple[float, float, float, bytes]], font_type: str = "Type1") -> bytes:
    """One page; font F1 has no ToUnicode and a /Differences array that names the
    digits "/one.lnum"..., the fi ligature "/f_i" (code 28), small caps "/a.sc"
    (code 29) and three icons: /map_marker (1), /phone (2), /envelope (3).
    ``lines`` are (x, y, size, text) with y from the bottom, as in PDF."""
    differences = b"[1 /map_marker /phone /envelope 28 /f_i /a.sc 48 " + b" ".join(
        b"/%s.lnum" % name.encode() for name in _DIGIT_NAMES
    )
    differences += b"]"
    content = b"".join(b"BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, text) for x, y, size, text in lines)
    if font_type == "Type3":
        # Glyph procedures draw nothing; widths are in the 1/1000 glyph space.
        procs = b" ".join(b"/%s 6 0 R" % name for name in (b"a", b"b"))
        font = (
            b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
            b" /CharProcs << " + procs + b" >> /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding"
            b" /Differences " + differences + b" >>"
            b" /FirstChar 1 /LastChar 122 /Widths [" + b" ".join([b"556"] * 122) + b"] >>"
        )
    else:
        font = (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
            b" /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences " + differences + b" >> >>"
        )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
            b" /Contents 4 0 R >>",
            _stream(content),
            font,
            _stream(b"556 0 0 0 500 700 d1"),
        ]
    )


_RESUME_LINES = [
    (72, 720, 20, b"Jane Smith"),
    (72, 700, 10, b"\x01 Berlin, Germany"),
    (250, 700, 10, b"\x02 +49 178 910 11 12"),
    (400, 700, 10, b"\x03 jane.smith@example.com"),
    (72, 660, 14, b"Experience"),
    (72, 640, 10, b"Data Engineer, Acme GmbH"),
    (450, 640, 10, b"Sep 2015 - Mar 2019"),
    (72, 626, 10, b"\x95 Cut cloud costs by 20% across 3 teams"),
    (72, 612, 10, b"\x95 Con\x1cgured 150 nightly jobs"),
    (72, 580, 14, b"Education"),
    (72, 560, 10, b"Technische Universit\xe4t Berlin"),
    (450, 560, 10, b"2010 - 2014"),
    (72, 546, 10, b"M.Sc. in Computer Science"),
]


@pytest.mark.parametrize("font_type", ["Type1", "Type3"])
def test_pypdf_alone_spells_the_glyph_names(font_type):
    """The trap is real: pypdf's own text extraction writes the names."""
    reader = PdfReader(io.BytesIO(_glyph_name_pdf(_RESUME_LINES, font_type)))
    text = reader.pages[0].extract_text()
    assert "/two.lnum/zero.lnum/one.lnum/five.lnum" in text


@pytest.mark.parametrize("font_type", ["Type1", "Type3"])
def test_the_pdf_reader_maps_glyph_names_to_characters_and_icons(font_type):
    pages = pdf_layout.read_pdf_lines(PdfReader(io.BytesIO(_glyph_name_pdf(_RESUME_LINES, font_type))))
    text = "\n".join(line.text for line in pages[0].lines)
    assert "/" not in text.replace("+49", "")  # no glyph name is left
    assert "Sep 2015 - Mar 2019" in text
    assert "+49 178 910 11 12" in text
    assert "Configured 150 nightly jobs" in text
    assert "2010 - 2014" in text
    contact = next(line for line in pages[0].lines if "Berlin, Germany" in line.text)
    assert [name for _, name in contact.icons] == ["location", "phone", "envelope"]
    assert contact.text == "Berlin, Germany\t+49 178 910 11 12\tjane.smith@example.com"


def test_glyph_name_digits_reach_the_imported_resume():
    resume = import_resume("jane.pdf", _glyph_name_pdf(_RESUME_LINES))
    assert resume.contact.phone == "+49 178 910 11 12"
    assert resume.contact.email == "jane.smith@example.com"
    job = resume.section("work").entries[0]
    assert (job.start_date, job.end_date) == ("2015-09", "2019-03")
    assert [b.text for b in job.bullets] == ["Cut cloud costs by 20% across 3 teams", "Configured 150 nightly jobs"]
    school = resume.section("education").entries[0]
    assert school.organization == "Technische Universität Berlin"
    assert (school.start_date, school.end_date) == ("2010", "2014")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("/one.lnum", "1"),
        ("/zero.osf", "0"),
        ("/a.sc", "a"),
        ("/f_i", "fi"),
        ("/f_f_l", "ffl"),
        ("/uni0041", "A"),
        ("/uni00410042.alt", "AB"),
        ("/u1F600", "\U0001f600"),
        ("/Asmall", "a"),  # the AGL's private-use small capital
        ("/oneoldstyle", "1"),
        ("/map_marker", None),
        ("/.notdef", None),
        ("/uniD800", None),  # a surrogate is no character
    ],
)
def test_glyph_names_by_the_adobe_glyph_list_rules(name, text):
    assert pdf_layout.glyph_name_text(name) == text


def test_the_glyph_name_cv_gets_its_digits():
    path = CORPUS / "edge" / "latexcv_sidebarleft_ilya_rumyantsev.pdf"
    data = path.read_bytes()
    pages = pdf_layout.read_pdf_lines(PdfReader(io.BytesIO(data)))
    text = "\n".join(line.text for page in pages for line in page.lines)
    assert ".lnum" not in text and "/f_" not in text
    for words in ("Sep 15 - NOW", "Example St. 1", "12345 Somewhere", "Ansible module for SLES12", "configuration"):
        assert words in text
    resume = import_resume(path.name, data)
    assert resume.contact.phone == "+49 178 910 11 12 13"
    assert any("5+ yrs" in line for line in text.splitlines())
