"""PDF bytes -> Lines, refusing files that can't or shouldn't be read.

The layout work (content stream, glyph positions, columns) is in pdf_layout.py;
this module opens the file safely and turns its lines into parsing.lines.Line.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

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
from resume_app.parsing.pdf_date_column import attach_date_columns
from resume_app.parsing.pdf_margin import margin_cells
from resume_app.parsing.sections import heading_kind

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
        # The page tree says how many pages it has: a few hundred bytes can claim a million
        # (a node listing the next one ten times, six levels deep). Refused before counting.
        if _claimed_pages(reader) > MAX_PAGES:
            raise ParseError(TOO_MANY_PAGES)
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


def _claimed_pages(reader: PdfReader) -> int:
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
    except Exception:  # noqa: BLE001 - no count: the pages are counted one by one instead
        return 0
    return count if isinstance(count, int) else 0


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
    cuts: dict[int, int] = {}
    blocks: list[_PageBlock] = []
    for page in pages:
        cells = margin_cells(page.lines)
        cuts.update({id(line): cells.get(index, 0) for index, line in enumerate(page.lines)})
        blocks = continue_columns(blocks, _page_blocks(page), page.number)
    line_blocks: list[list[Line]] = []
    for block in blocks:
        lines: list[Line] = []
        previous = None
        for layout_line in block.lines:
            text = clean_text(layout_line.text)
            if not text:
                continue
            line = Line(
                text=text,
                page=block.page,
                x0=layout_line.x0,
                x1=layout_line.x1,
                top=layout_line.y,
                size=layout_line.size,
                bold=layout_line.bold,
                bullet=strip_bullet(text)[1] or layout_line.marker,
                gap_before=layout_line.y - previous.y if previous is not None else 0.0,
                spans=layout_line.spans,
            )
            lines += _split_margin(line, cuts.get(id(layout_line), 0))
            previous = layout_line
        line_blocks.append(lines)
    lines = [line for block in attach_date_columns(line_blocks) for line in block]
    if sum(len(line.text) for line in lines) < MIN_TEXT_CHARACTERS:
        raise ParseError(NO_TEXT_LAYER)
    lines = split_label_column(lines)
    return _mark_running_heads(lines, {page.number: page.height for page in pages})


# A column that continues from the page before starts this close to the page's first line.
_TOP_BAND = 30.0
# ... and is narrower than this share of the document's text width.
_COLUMN_MAX_SHARE = 0.8


@dataclass
class _PageBlock:
    """One column block of a page (pdf_columns), in the order the resume is read."""

    page: int
    lines: list[pdf_layout.PdfTextLine]


def _page_blocks(page: pdf_layout.PdfPage) -> list[_PageBlock]:
    blocks: list[_PageBlock] = []
    for line in page.lines:
        if blocks and blocks[-1].lines[0].block == line.block:
            blocks[-1].lines.append(line)
        else:
            blocks.append(_PageBlock(page.number, [line]))
    return blocks


def _extent(block: _PageBlock) -> tuple[float, float, float, float]:
    lines = block.lines
    return min(ln.x0 for ln in lines), max(ln.x1 for ln in lines), lines[0].y, lines[-1].y


def continue_columns(before: list[_PageBlock], page: list[_PageBlock], number: int) -> list[_PageBlock]:
    """The blocks read so far, then this page's. A column of a multi-page two-column resume
    that goes on at the top of a later page without a heading (the jobs of the page before,
    while the sidebar beside it opens "EDUCATION") follows the same column's last block of the
    earlier pages, so it continues the section it started there instead of falling under
    whatever the other column read last."""
    if number == 1 or not page:
        return before + page
    page_top = min(block.lines[0].y for block in page)
    text_left = min(_extent(block)[0] for block in before + page)
    text_width = max(_extent(block)[1] for block in before + page) - text_left
    blocks = list(before)
    for block in page:
        x0, x1, top, _ = _extent(block)
        # A column, not the page's full width (a page that goes on as one column is read in order).
        is_column = x1 - x0 < _COLUMN_MAX_SHARE * text_width
        continues = is_column and top <= page_top + _TOP_BAND and heading_kind(block.lines[0].text) is None
        same_column = [i for i, earlier in enumerate(blocks) if _overlaps(_extent(earlier), (x0, x1))]
        # Only past the other column's own sections: a column of dates and places beside the
        # entries (RenderCV's classic theme) is read after its entries' column, page by page.
        passed = blocks[same_column[-1] + 1 :] if same_column else []
        if continues and any(_has_heading(other) for other in passed):
            blocks.insert(same_column[-1] + 1, block)
        else:
            blocks.append(block)
    return blocks


def _has_heading(block: _PageBlock) -> bool:
    return any(heading_kind(line.text) is not None for line in block.lines)


def _overlaps(extent: tuple[float, float, float, float], span: tuple[float, float]) -> bool:
    """Each covers most of the other's width: the same column."""
    shared = min(extent[1], span[1]) - max(extent[0], span[0])
    return shared > 0.6 * max(span[1] - span[0], extent[1] - extent[0])


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
    or bottom edge that come back on other pages ("Jane Doe - Page 2", "February 10, 2026 ... 1"),
    except a header's first copy. The resume leaves them out; the import report lists them."""

    def at_top(line: Line) -> bool:
        return line.top < heights.get(line.page, 792.0) * 0.08

    def at_edge(line: Line) -> bool:
        return at_top(line) or line.top > heights.get(line.page, 792.0) * 0.92

    def shape(line: Line) -> str:
        return _DIGITS.sub("#", line.text.lower())

    pages_by_shape: dict[str, set[int]] = {}
    for line in lines:
        if at_edge(line):
            pages_by_shape.setdefault(shape(line), set()).add(line.page)
    for line in lines:
        pages = pages_by_shape.get(shape(line), set())
        repeated = len(heights) > 1 and at_edge(line) and len(pages) > 1
        # A Word page header is printed on every page, the first copy included: there it is
        # the top of the resume (the name and contact), only its copies are furniture.
        first_copy = at_top(line) and line.page == min(pages, default=-1)
        if _PAGE_NUMBER.match(line.text) or (repeated and not first_copy):
            line.source = RUNNING_HEAD
    return lines
