"""Files that cost a reader time or memory out of all proportion to their size, built by
the tests themselves (issue 13: one upload must not stall the app)."""

from __future__ import annotations

import json

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from tests.badfiles import _document_xml, _docx, _pdf


def docx_many_paragraphs(count: int) -> bytes:
    """A Word file of `count` one-word paragraphs."""
    body = b"".join(b"<w:p><w:r><w:t>word%d</w:t></w:r></w:p>" % i for i in range(count))
    return _docx(_document_xml(body))


def docx_one_long_paragraph(runs: int) -> bytes:
    """One paragraph of `runs` runs of equal formatting (about 30 bytes of XML each)."""
    return _docx(_document_xml(b"<w:p>" + b"".join(b"<w:r><w:t>w%d </w:t></w:r>" % i for i in range(runs)) + b"</w:p>"))


def docx_huge_text_node(megabytes: int) -> bytes:
    """One text node of `megabytes` MB (lxml refuses text nodes over 10 MB)."""
    text = b" ".join(b"w%d" % i for i in range(megabytes * 1024 * 1024 // 6))[: megabytes * 1024 * 1024]
    return _docx(_document_xml(b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"))


def _font() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )


def _font_resources() -> DictionaryObject:
    return DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): _font()})})


def _page_with(writer: PdfWriter, content: bytes, resources: DictionaryObject) -> None:
    page = writer.add_blank_page(612, 792)
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    page[NameObject("/Resources")] = resources


def pdf_self_drawing_form(times: int = 10) -> bytes:
    """A form XObject that shows a word and draws itself `times` times: a few KB whose
    drawing, followed level after level, never ends."""
    writer = PdfWriter()
    form = DecodedStreamObject()
    form.set_data(b"BT /F1 10 Tf 72 700 Td (loop) Tj ET " + b"/Fm0 Do " * times)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([NumberObject(0), NumberObject(0), NumberObject(612), NumberObject(792)])
    form_ref = writer._add_object(form)
    resources = DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): _font()}),
            NameObject("/XObject"): DictionaryObject({NameObject("/Fm0"): form_ref}),
        }
    )
    form[NameObject("/Resources")] = resources
    _page_with(writer, b"/Fm0 Do", resources)
    return _pdf(writer)


def pdf_tiny_glyphs(count: int) -> bytes:
    """One page of `count` one-letter strings in a 0.5 pt font, each placed on its own."""
    parts = [b"BT /F1 0.5 Tf"]
    for i in range(count):
        parts.append(b"1 0 0 1 %d %d Tm (%c) Tj" % (20 + (i % 1100) * 0.5, 20 + (i // 1100) % 1400 * 0.5, 97 + i % 26))
    parts.append(b"ET")
    writer = PdfWriter()
    _page_with(
        writer,
        b"\n".join(parts),
        DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): _font()})}),
    )
    return _pdf(writer)


def json_resume(**fields) -> bytes:
    document = {"basics": {"name": "Ada Lovelace", "email": "ada@example.com"}}
    document.update(fields)
    return json.dumps(document).encode()


def pdf_million_pages(levels: int = 6) -> bytes:
    """A page tree of `levels` nodes, each listing the next one ten times: a few hundred
    bytes that claim 10**levels pages of one real page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        kid = b"%d 0 R " % (level + 3)
        objects.append(b"<< /Type /Pages /Count %d /Kids [ %s] >>" % (10 ** (levels - level), kid * 10))
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << >> >>")
    return _raw_pdf(objects)


def pdf_nested_crop_box(depth: int = 100_000) -> bytes:
    """A page of text whose crop box is an object nested `depth` arrays deep, read only when
    the page is laid out: pypdf's parser runs out of recursion there."""
    nested = b"[" * depth + b"]" * depth
    content = b"BT /F1 12 Tf 72 700 Td (Ada Lovelace ada@example.com) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /CropBox 6 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        nested,
    ]
    return _raw_pdf(objects)


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first one the catalog), with its xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
