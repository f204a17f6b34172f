"""Positioned text lines from resume PDFs, using only pypdf.

``read_pdf_lines(reader)`` runs the reader's steps, one module each:

1. ``pdf_fonts``: per font resource, each code's text, width and icon name
   (pypdf's font decoding; glyph names read by the Adobe Glyph List rules);
2. ``pdf_interpreter``: each page's content stream -> *runs*, glyphs drawn back
   to back in one font and size on one baseline (a text-state object, one
   method per operator);
3. ``pdf_ligatures``: ligature glyphs that ToUnicode drops, resolved over the
   whole document;
4. ``pdf_lines``: runs -> *rows* (runs whose baselines agree) -> ``PdfTextLine``;
5. ``pdf_columns``: rows -> *blocks*, a recursive column split at vertical
   gutters, so a sidebar is emitted as one block before/after the main column.

Coordinates are PDF points relative to the page's crop box.  ``y`` is the
baseline measured **top-down** from the top edge of the crop box (0 = top), so
sorting by ``y`` is reading order; ``x`` grows to the right from its left edge.

Only pypdf is used.  One import is private: ``pypdf.generic._font.Font``
(pypdf 7.1.1; it is what ``extract_text`` itself uses to decode fonts and to
measure glyph widths).  Pin pypdf accordingly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf import PdfReader

from resume_app.parsing.pdf_columns import split_columns
from resume_app.parsing.pdf_fonts import glyph_name_text
from resume_app.parsing.pdf_interpreter import ContentInterpreter, FontCache, PathMark, TextRun
from resume_app.parsing.pdf_lines import PdfSpan, PdfTextLine, attach_marks, group_rows, make_line

__all__ = ["PdfPage", "PdfSpan", "PdfTextLine", "glyph_name_text", "read_pdf_lines"]


@dataclass(slots=True)
class PdfPage:
    number: int  # 1-based
    height: float  # of the crop box, in points
    lines: list[PdfTextLine] = field(default_factory=list)


def read_pdf_lines(reader: PdfReader) -> list[PdfPage]:
    """Positioned lines of every page of an opened PDF, in reading order.

    Lines are ordered block by block (``PdfTextLine.block``); a two-column page
    gives the header band, then the left column, then the right column.
    """
    fonts = FontCache()
    collected: list[tuple[int, float, list[TextRun], list[PathMark]]] = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.cropbox
        interpreter = ContentInterpreter(reader, fonts, (float(box.left), float(box.top)))
        runs = interpreter.read_page(page)
        collected.append((number, float(box.height), runs, interpreter.marks))

    # Ligature glyphs are resolved over the whole document: more context.
    fonts.ligatures.resolve([run for _, _, runs, _ in collected for run in runs], fonts.fonts)

    pages: list[PdfPage] = []
    for number, height, runs, marks in collected:
        page = PdfPage(number, height)
        rows = group_rows([r for r in runs if r.text.strip() or r.icons])
        for block in split_columns(rows):
            block_no = page.lines[-1].block + 1 if page.lines else 0
            page.lines.extend(ln for row in block if (ln := make_line(row, block_no)) is not None)
        attach_marks(page.lines, marks)
        pages.append(page)
    return pages
