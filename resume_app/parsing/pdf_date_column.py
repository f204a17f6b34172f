"""Dates stacked in a narrow column of their own, left of the entries ("2020" / "|" / "2022").

HTML/CSS templates set an entry's years in a left column, one above the other, and the PDF's
column split reads that column as a block of its own, far from the entries. Each stack of
dates goes back beside the entry line that shares its first baseline, as a margin cell
(Line.margin), the way CV classes' margin dates are read (pdf_margin).
"""

from __future__ import annotations

import re

from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.lines import Line

# What a stacked date cell may hold besides a date: the separator between the two years,
# and the words templates print for an open or unknown end.
_FILLER = re.compile(r"^(?:[|–—-]|to|present|current|now|n/a|ongoing)$", re.IGNORECASE)
_SAME_BASELINE = 2.0  # points
_STACK_GAP_EM = 1.8  # lines of one stack are at most this many ems apart


def _is_date_cell(text: str) -> bool:
    text = text.strip()
    if _FILLER.match(text):
        return True
    ranges = find_date_ranges(text)
    return bool(ranges) and ranges[0].begin == 0 and ranges[-1].finish >= len(text.rstrip(" ,"))


def _stacks(column: list[Line]) -> list[list[Line]]:
    stacks: list[list[Line]] = []
    for line in column:
        if stacks and 0 < line.top - stacks[-1][-1].top <= _STACK_GAP_EM * max(line.size, 1.0):
            stacks[-1].append(line)
        else:
            stacks.append([line])
    return stacks


def _stack_text(stack: list[Line]) -> str:
    """ "2020", "|", "2022" -> "2020 – 2022": a lone bar between two dates is the range's dash."""
    return " ".join("–" if line.text.strip() == "|" else line.text.strip() for line in stack)


def attach_date_columns(blocks: list[list[Line]]) -> list[list[Line]]:
    """Blocks of lines in reading order, each stacked-date column block given back to the
    block right of it on its page: every stack a margin line before the entry line on its
    first baseline. A stack with no such line stays where it was."""
    result = [list(block) for block in blocks]
    for column in result:
        if len(column) < 2 or not all(_is_date_cell(line.text) for line in column):
            continue
        right_edge = max(line.x1 for line in column)
        targets = [
            block
            for block in result
            if block is not column
            and block
            and block[0].page == column[0].page
            and min(line.x0 for line in block) >= right_edge
        ]
        kept: list[Line] = []
        for stack in _stacks(column):
            host = next(
                (
                    (block, index)
                    for block in targets
                    for index, line in enumerate(block)
                    if abs(line.top - stack[0].top) <= _SAME_BASELINE and not line.margin
                ),
                None,
            )
            if host is None:
                kept += stack
                continue
            block, index = host
            text = _stack_text(stack)
            cell = Line(**{**stack[0].__dict__, "text": text, "margin": text, "x1": stack[-1].x1})
            block.insert(index, cell)
        column[:] = kept
    return [block for block in result if block]
