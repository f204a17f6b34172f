"""A left margin column of labels beside the main text (dates, skill groups).

CV classes such as LaTeX's moderncv (and Europass-like templates) set each entry's dates,
or a skill group's name, in a narrow column left of the text, right-aligned against it, on
the baseline of the entry's title:

    Apr 2019 –  Senior Staff Nurse, Emergency Department, St Thomas' Hospital
       Present  • Triage up to 40 patients per shift ...

The gap between the two columns is narrow (under an em), so the row reader may join them
with a plain space ("Apr 2019 – Senior Staff ..."), and a date wrapped onto the second line
lands in front of the first bullet. This step finds such a column on a page: many rows with
a span that starts at one x (the main column's left edge, where headings and bullets start
too), after a gap, with everything before it in a narrow band on the left. Those leading
spans are the row's margin cell.

A sidebar is not a margin column: its lines do not share baselines with the main column's
(``pdf_columns`` emits it as a block of its own), so it never shows up as a cell in a row.
"""

from __future__ import annotations

from resume_app.parsing.pdf_fonts import BULLET_GLYPHS
from resume_app.parsing.pdf_lines import PdfTextLine

__all__ = ["margin_cells"]

# The margin column is at most this share of the page's text width (moderncv's is ~15 %).
MARGIN_MAX_SHARE = 0.3
# Rows that must have a margin cell before the page is said to have a margin column.
MIN_CELLS = 3
# Lines that must start at the main column's edge (headings, bullets, text without a cell).
MIN_EDGE_STARTS = 2
# Spans of one column start within this many points of each other (bullets sit a little
# left of the text: moderncv's "•" at 120.1 beside titles at 122.3).
EDGE_WINDOW = 4.0
# A cell's aligned edge is within this many points of the column's.
ALIGN_TOLERANCE = 3.0
# The gap between a cell and the main column, at least (points).
MIN_GAP = 2.0


def _first_boundary(line: PdfTextLine, left: float, limit: float) -> int:
    """Index of the first span that starts after a gap, in the margin band's reach, with the
    line's first span well left of it; 0 when there is none."""
    spans = line.spans
    for index in range(1, len(spans)):
        span, previous = spans[index], spans[index - 1]
        if span.x0 - left > limit:
            return 0
        if span.x0 - previous.x1 >= MIN_GAP and spans[0].x0 < span.x0 - 10:
            # A bullet glyph hanging left of its text is a list, not a cell.
            lead = "".join(part.text for part in spans[:index]).replace(" ", "")
            return 0 if all(ch in BULLET_GLYPHS for ch in lead) else index
    return 0


def margin_cells(lines: list[PdfTextLine]) -> dict[int, int]:
    """For the lines of one page: line index -> how many leading spans form its margin cell.
    A line that lies wholly in the margin column maps to its span count. Empty when the page
    has no margin column."""
    if not lines:
        return {}
    left = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left
    limit = MARGIN_MAX_SHARE * width
    boundaries = {index: _first_boundary(line, left, limit) for index, line in enumerate(lines)}
    starts = sorted(lines[index].spans[cut].x0 for index, cut in boundaries.items() if cut)
    if len(starts) < MIN_CELLS:
        return {}
    # The main column's edge: the window holding the most cell-to-text boundaries.
    best_low, best_count = 0.0, 0
    for low in starts:
        count = sum(1 for x in starts if low <= x <= low + EDGE_WINDOW)
        if count > best_count:
            best_low, best_count = low, count
    high = best_low + EDGE_WINDOW
    edge_starts = sum(1 for line in lines if best_low - 1 <= line.x0 <= high + 1)
    if best_count < MIN_CELLS or edge_starts < MIN_EDGE_STARTS:
        return {}
    cells: dict[int, int] = {}
    for index, line in enumerate(lines):
        cut = boundaries[index]
        if cut and best_low - 1 <= line.spans[cut].x0 <= high + 1:
            cells[index] = cut
    # A line wholly in the margin (a date wrapped onto a row of its own) is a cell when it is
    # aligned like the others: on their right edge (moderncv) or their left one.
    rights = sorted(lines[index].spans[cut - 1].x1 for index, cut in cells.items())
    lefts = sorted(lines[index].x0 for index in cells)
    right_aligned = rights[-1] - rights[0] < lefts[-1] - lefts[0]
    anchor = rights[len(rights) // 2] if right_aligned else lefts[len(lefts) // 2]
    for index, line in enumerate(lines):
        if index in cells or not line.spans or line.x1 >= best_low - MIN_GAP:
            continue
        if abs((line.x1 if right_aligned else line.x0) - anchor) <= ALIGN_TOLERANCE:
            cells[index] = len(line.spans)
    return cells
