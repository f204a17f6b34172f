"""PDF bytes -> Lines, refusing files that can't or shouldn't be read.

The layout work (content stream, glyph positions, columns) is in pdf_layout.py;
this module opens the file safely and turns its lines into parsing.lines.Line.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PasswordType, PdfReader

from resume_app.parsing import pdf_layout
from resume_app.parsing.errors import (
    DAMAGED_PDF,
    ENCRYPTED_PDF,
    MAX_PAGES,
    NO_TEXT_LAYER,
    TOO_MANY_PAGES,
    ParseError,
)
from resume_app.parsing.label_column import split_label_column
from resume_app.parsing.lines import RUNNING_HEAD, Line, clean_text, strip_bullet
from resume_app.parsing.pdf_margin import margin_cells

log = logging.getLogger(__name__)
# pypdf logs every harmless repair ("Ignoring wrong pointing object"); keep the app's log readable.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Fewer letters than this on every page together: nothing to read, a scan or a picture.
MIN_TEXT_CHARACTERS = 40


def _open(data: bytes) -> PdfReader:
    # A file cut short loses its cross-reference table and trailer at the end.
    if b"%%EOF" not in data[-4096:]:
        raise ParseError(DAMAGED_PDF)
    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs are encrypted with an empty password ("no password to open"): read those.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ParseError(ENCRYPTED_PDF)
        page_count = len(reader.pages)
    except ParseError:
        raise
    except Exception as error:  # pypdf raises many types for broken files
        log.info("unreadable PDF: %s", error)
        raise ParseError(DAMAGED_PDF) from None
    if page_count == 0:
        raise ParseError(DAMAGED_PDF)
    if page_count > MAX_PAGES:
        raise ParseError(TOO_MANY_PAGES)
    return reader


def read_pdf(data: bytes) -> list[Line]:
    """The PDF's lines in reading order, or ParseError with a sentence for the user."""
    reader = _open(data)
    try:
        pages = pdf_layout.read_pdf_lines(reader)
    except ParseError:
        raise
    except Exception as error:
        log.warning("PDF layout failed: %s", error, exc_info=True)
        raise ParseError(DAMAGED_PDF) from None
    lines: list[Line] = []
    for page in pages:
        previous = None
        cells = margin_cells(page.lines)
        for index, layout_line in enumerate(page.lines):
            text = clean_text(layout_line.text)
            if not text:
                continue
            same_block = previous is not None and previous.block == layout_line.block
            line = Line(
                text=text,
                page=page.number,
                x0=layout_line.x0,
                x1=layout_line.x1,
                top=layout_line.y,
                size=layout_line.size,
                bold=layout_line.bold,
                bullet=strip_bullet(text)[1] or layout_line.marker,
                gap_before=layout_line.y - previous.y if same_block else 0.0,
                spans=layout_line.spans,
            )
            lines += _split_margin(line, cells.get(index, 0))
            previous = layout_line
    if sum(len(line.text) for line in lines) < MIN_TEXT_CHARACTERS:
        raise ParseError(NO_TEXT_LAYER)
    lines = split_label_column(lines)
    return _mark_running_heads(lines, {page.number: page.height for page in pages})


def _split_margin(line: Line, cut: int) -> list[Line]:
    """A line with a margin cell (pdf_margin): "cell \t text", with Line.margin set. A cell
    beside a bullet becomes a line of its own before the bullet ("Present" / "• Triage ..."),
    so the bullet stays a bullet and the cell still reaches its entry."""
    if not cut:
        return [line]
    margin = clean_text(" ".join(span.text for span in line.spans[:cut]))
    flat = line.text.replace("\t", " ")
    if not margin or not flat.startswith(margin):
        return [line]
    rest = line.text[len(margin) :].strip(" \t")
    if not rest:
        return [Line(**{**line.__dict__, "margin": line.text, "bullet": False})]
    _, rest_bullet = strip_bullet(rest)
    if not rest_bullet:
        return [Line(**{**line.__dict__, "text": f"{margin}\t{rest}", "margin": margin})]
    cell_spans, text_spans = line.spans[:cut], line.spans[cut:]
    cell = Line(**{**line.__dict__, "text": margin, "margin": margin, "bullet": False, "x1": cell_spans[-1].x1})
    cell.spans = cell_spans
    body = Line(**{**line.__dict__, "text": rest, "bullet": True, "x0": text_spans[0].x0})
    body.spans = text_spans
    return [cell, body]


_DIGITS = re.compile(r"\d+")
# "3", "Page 2", "2 / 3", "Page 1 of 2"; four digits would be a year.
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.IGNORECASE)


def _mark_running_heads(lines: list[Line], heights: dict[int, float]) -> list[Line]:
    """Mark page headers and footers (source "running"): page numbers, and lines near the top
    or bottom edge that come back on other pages ("Jane Doe - Page 2", "February 10, 2026 ... 1").
    The resume leaves them out; the import report lists them."""

    def at_edge(line: Line) -> bool:
        height = heights.get(line.page, 792.0)
        return line.top < height * 0.08 or line.top > height * 0.92

    def shape(line: Line) -> str:
        return _DIGITS.sub("#", line.text.lower())

    pages_by_shape: dict[str, set[int]] = {}
    for line in lines:
        if at_edge(line):
            pages_by_shape.setdefault(shape(line), set()).add(line.page)
    for line in lines:
        repeated = len(heights) > 1 and at_edge(line) and len(pages_by_shape[shape(line)]) > 1
        if _PAGE_NUMBER.match(line.text) or repeated:
            line.source = RUNNING_HEAD
    return lines
