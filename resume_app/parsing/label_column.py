"""Section headings set in a left label column, beside the section's first lines.

Academic CV classes (and Europass-like templates) put each section's name in a narrow column
on the left, in capitals, on the baseline of the section's first line, and wrap a long name
over two or three rows:

    EDUCATION     First American University, Springfield
                  ■ Ph.D. in Geophysical Engineering          Dec 2009 – Jul 2014
    RESEARCH      Institute for Advanced Research
    EXPERIENCE    ■ Undergraduate Research Student            May 2004 – May 2005

The reader gives such a row as one line whose first tab-separated cell is the label. This step
finds the column (several capital cells at one left edge, with the body set clearly to the
right of it) and turns each label into a heading line of its own, its wrapped rows joined
("RESEARCH EXPERIENCE"), before the section's content lines.
"""

from __future__ import annotations

import dataclasses

from resume_app.parsing.lines import Line, strip_bullet
from resume_app.parsing.sections import heading_kind

# Label rows at one left edge (within this many points), and how many a page of labels needs.
_EDGE_TOLERANCE = 1.5
_MIN_LABELS = 3
# The body starts at least this far right of the labels, on most of the other lines.
_MIN_INDENT = 40.0
_MIN_INDENTED_SHARE = 0.6
_MAX_LABEL_WORDS = 4
# A label's next row sits within this many line heights of the row before.
_WRAP_LINES = 1.8


def _label_cell(line: Line) -> str | None:
    """The capitals cell a line starts with, when it looks like a label ("AWARDS &")."""
    cell = line.text.split("\t", 1)[0].strip()
    letters = [ch for ch in cell if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters) or line.bullet:
        return None
    return cell if len(cell.split()) <= _MAX_LABEL_WORDS else None


def _label_edge(lines: list[Line]) -> float | None:
    """The left edge of a label column, if the document has one."""
    placed = [line for line in lines if line.x1 > line.x0 > 0]
    if not placed:
        return None
    edge = min(line.x0 for line in placed)
    at_edge = [line for line in placed if abs(line.x0 - edge) <= _EDGE_TOLERANCE]
    labels = [line for line in at_edge if _label_cell(line)]
    indented = sum(1 for line in placed if line.x0 >= edge + _MIN_INDENT)
    if len(labels) < _MIN_LABELS or indented < _MIN_INDENTED_SHARE * (len(placed) - len(at_edge)):
        return None
    # Everything at the edge is a label: a body line there means it is the text's own margin.
    return edge if len(labels) == len(at_edge) else None


def _interleave_heading_block(lines: list[Line]) -> list[Line]:
    """When the reader gave the label column as a block of its own (the labels stand clear of
    the text, so the column finder split them off, before or after the body), put each label
    back before the first body line at or below it on its page."""
    result = list(lines)
    for page in sorted({line.page for line in lines}):
        on_page = [line for line in result if line.page == page]
        raw, labels = _heading_block(on_page)
        if not labels:
            continue
        body = [line for line in on_page if line not in raw]
        for label in labels:
            at = next((i for i, line in enumerate(body) if line.top >= label.top - _EDGE_TOLERANCE), len(body))
            body.insert(at, label)
        start = result.index(on_page[0])
        result[start : start + len(on_page)] = body
    return result


def _heading_block(page: list[Line]) -> tuple[list[Line], list[Line]]:
    """A run of lines at one left edge, left of the page's other lines, that are all section
    names once their wrapped rows are joined ("PROFESSIONAL" + "EXPERIENCE"): the label
    column read as a block. Returns its lines and the joined labels (([], []) when none)."""
    placed = [line for line in page if line.x1 > line.x0 > 0]
    if len(placed) < 2 * _MIN_LABELS:
        return [], []
    edge = min(line.x0 for line in placed)
    block = [line for line in placed if abs(line.x0 - edge) <= _EDGE_TOLERANCE]
    others = [line for line in placed if line.x0 >= edge + _MIN_INDENT]
    indexes = [page.index(line) for line in block]
    if (
        any(_label_cell(line) != line.text for line in block)
        or len(others) < _MIN_INDENTED_SHARE * (len(placed) - len(block))
        or indexes != list(range(indexes[0], indexes[0] + len(indexes)))
    ):
        return [], []
    labels: list[Line] = []
    last_row = 0.0
    for line in sorted(block, key=lambda line: line.top):
        if labels and 0 < line.top - last_row <= _WRAP_LINES * (line.size or 10):
            labels[-1].text = f"{labels[-1].text} {line.text}"
        else:
            labels.append(dataclasses.replace(line, margin=""))
        last_row = line.top
    if len(labels) < _MIN_LABELS or not all(heading_kind(label.text) for label in labels):
        return [], []
    return block, labels


def split_label_column(lines: list[Line]) -> list[Line]:
    """Lines with each left-column label made a heading line before its section's content."""
    lines = _interleave_heading_block(lines)
    edge = _label_edge(lines)
    if edge is None:
        return lines
    result: list[Line] = []
    heading: Line | None = None
    last_row = 0.0  # where the label's last row sits
    for line in lines:
        label = _label_cell(line) if abs(line.x0 - edge) <= _EDGE_TOLERANCE else None
        if label is None:
            result.append(line)
            continue
        wraps = (
            heading is not None
            and heading.page == line.page
            and 0 < line.top - last_row <= _WRAP_LINES * (line.size or 10)
        )
        if wraps:
            heading.text = f"{heading.text} {label}"
        else:
            # The label is a heading, no longer a margin cell of its row (pdf_margin may have taken it for one).
            heading = dataclasses.replace(line, text=label, x1=line.x0, spans=[], margin="")
            result.append(heading)
        last_row = line.top
        rest = line.text.split("\t", 1)[1].strip() if "\t" in line.text else ""
        if rest:
            content_x = next((span.x0 for span in line.spans if span.x0 >= edge + _MIN_INDENT), edge + _MIN_INDENT)
            spans = [span for span in line.spans if span.x0 >= content_x - _EDGE_TOLERANCE]
            bullet = strip_bullet(rest)[1]  # "EXPERIENCE  • Led ...": the row's rest may be a list item
            result.append(
                dataclasses.replace(line, text=rest, x0=content_x, bold=False, spans=spans, margin="", bullet=bullet)
            )
    return result
