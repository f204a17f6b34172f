"""Each step of the DOCX reader on small files the tests make: the package check,
styles and list numbering, and the walker."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from resume_app.parsing.docx_layout import read_docx_lines
from resume_app.parsing.docx_package import DocxRejected, validate_docx
from resume_app.parsing.docx_styles import ListNumbering, StyleSheet
from resume_app.parsing.docx_walker import DocxWalker


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The same package with some members' content replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.pop(info.filename, source.read(info.filename)))
        for name, content in replace.items():
            target.writestr(name, content)
    return out.getvalue()


# ------------------------------------------------------------------------- package


def test_a_plain_word_file_passes_the_package_check():
    validate_docx(_save(docx.Document()))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda good: b"plain text, not a zip", "not a valid Word document"),
        (lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-format Word file"),
        (
            lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        (
            lambda good: _rezip(
                good,
                {
                    "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                    b"<w:document " + nsdecls("w").encode() + b"/>"
                },
            ),
            "XML features that are not allowed",
        ),
        (lambda good: _rezip(good, {"word/big.bin": b"\0" * (3 * 1024 * 1024)}), "compressed in a way"),
        (lambda good: _one_member_zip("readme.txt", b"hello"), "not a Word document"),
    ],
    ids=["not-a-zip", "legacy-doc", "encrypted", "dtd", "zip-bomb", "zip-not-word"],
)
def test_the_package_check_refuses_with_one_sentence(make, words):
    with pytest.raises(DocxRejected, match=words):
        validate_docx(make(_save(docx.Document())))


def _one_member_zip(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(name, content)
    return out.getvalue()


def test_a_refused_package_is_refused_by_the_entry_point_too():
    with pytest.raises(DocxRejected):
        read_docx_lines(b"PK\x03\x04 cut short")


# -------------------------------------------------------------------------- styles


def _styled_document():
    document = docx.Document()
    base = document.styles.add_style("Entry Title", 1)  # paragraph style
    base.font.bold = True
    base.font.size = Pt(13)
    child = document.styles.add_style("Entry Title Caps", 1)
    child.base_style = base
    child.font.all_caps = True
    return document


def test_run_formatting_comes_through_the_style_chain():
    document = _styled_document()
    styles = StyleSheet(document)
    sid = document.styles["Entry Title Caps"].style_id
    props = styles.inherited_run_props(sid, None, None)
    assert props[qn("w:b")] is True  # from the base style
    assert props[qn("w:caps")] is True
    assert props[qn("w:sz")] == 13
    assert styles.style_name(sid) == "Entry Title Caps"
    assert styles.para_style_id(None) == document.styles["Normal"].style_id


def test_list_membership_from_the_paragraph_or_its_style():
    document = docx.Document()
    bullet = document.add_paragraph("by style", style="List Bullet")
    document.add_paragraph("not a list")
    removed = document.add_paragraph("numbering removed", style="List Bullet")
    removed._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    )
    document = docx.Document(io.BytesIO(_save(document)))
    styles, lists = StyleSheet(document), ListNumbering(document)

    def level(paragraph):
        ppr = paragraph._p.pPr
        return lists.list_level(ppr, styles.inherited_para_props(styles.para_style_id(ppr)))

    by_style, plain, off = document.paragraphs
    assert bullet.text == by_style.text
    assert (level(by_style), level(plain), level(off)) == (0, None, None)


# -------------------------------------------------------------------------- walker

_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def _lines(document):
    return DocxWalker(docx.Document(io.BytesIO(_save(document)))).read()


def test_paragraph_lines_carry_style_list_weight_size_and_caps():
    document = _styled_document()
    document.add_paragraph("ACME CORP", style="Entry Title Caps")
    document.add_paragraph("Shipped the thing", style="List Bullet")
    mixed = document.add_paragraph()
    mixed.add_run("Mostly bold words here").bold = True
    mixed.add_run(" x")
    title, item, half = _lines(document)
    assert (title.style, title.bold, title.font_size, title.all_caps, title.is_list) == (
        "Entry Title Caps",
        True,
        13,
        True,
        False,
    )
    assert (item.is_list, item.list_level, item.source) == (True, 0, "body")
    assert half.bold  # more than half of the visible characters


def test_a_manual_line_break_continues_the_paragraph():
    document = docx.Document()
    paragraph = document.add_paragraph("First half")
    paragraph.add_run().add_break()
    paragraph.add_run("second half")
    first, second = _lines(document)
    assert (first.text, first.continued, second.text, second.continued) == (
        "First half",
        False,
        "second half",
        True,
    )


def test_tables_are_read_row_by_row_and_merged_cells_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Header across"
    table.cell(1, 0).text = "Left"
    table.cell(1, 1).text = "Right"
    lines = _lines(document)
    assert [(ln.text, ln.source) for ln in lines] == [
        ("Header across", "table"),
        ("Left", "table"),
        ("Right", "table"),
    ]


def test_hidden_deleted_and_field_code_text_is_not_read_but_symbols_are():
    document = docx.Document()
    paragraph = document.add_paragraph("Shown")
    paragraph.add_run(" hidden").font.hidden = True
    paragraph._p.append(
        parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>')
    )
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> HYPERLINK "x" </w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> </w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0A7"/></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> end</w:t></w:r>'))
    assert [ln.text for ln in _lines(document)] == ["Shown ▪ end"]


def test_text_boxes_come_before_their_anchor_and_headers_first():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.com | +1 555 0100"
    anchor = document.add_paragraph("Body text")
    box = parse_xml(
        f"<w:r {nsdecls('w', 'a', 'wp')} {_WPS}><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    anchor._p.append(box)
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    lines = _lines(document)
    assert [(ln.text, ln.source) for ln in lines] == [
        ("jane@example.com | +1 555 0100", "header"),
        ("In the box", "textbox"),
        ("Body text", "body"),
        ("Page footer", "footer"),
    ]


def test_a_block_content_control_is_read_through():
    document = docx.Document()
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    assert [ln.text for ln in _lines(document)] == ["Inside a control"]
