"""Step 3: lines become segments: list items, paragraphs and headings on their own line.

Wrapped lines of a paragraph are joined again, a list item the source broke in two is merged
back, and print headers, footers and page numbers are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_app.matching.requirements.headings import heading_end, line_heading
from resume_app.matching.requirements.model import LeftOut
from resume_app.matching.requirements.words import GLYPH_BULLET_RE, NO_CUT_AFTER, YEARS_RE, opener

PRINT_STAMP_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b")
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+(?:\s+\d{1,3}/\d{1,3})?$", re.IGNORECASE)
_PAGE_LINE_RE = re.compile(r"^(?:page\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.IGNORECASE)


@dataclass
class Segment:
    text: str
    glyph: bool = False  # a list item with a bullet glyph or number
    item: bool = False  # a short line of its own: a list item whose glyph was lost
    heading: bool = False  # a heading line
    leadin: bool = False  # a paragraph that introduces the list after it ("For this position, you should")


def build_segments(lines: list[str], left_out: list[LeftOut]) -> list[Segment]:
    """The posting's segments in order; print noise goes to `left_out`."""
    segments = _merge_lines(lines, left_out)
    _mark_items_and_leadins(segments)
    return segments


def _merge_lines(lines: list[str], left_out: list[LeftOut]) -> list[Segment]:
    """Lines joined into list items, paragraphs and heading lines."""
    segments: list[Segment] = []
    blanks = 0
    for raw in lines:
        if not raw:
            blanks += 1
            continue
        line = raw
        if PRINT_STAMP_RE.match(line) or _URL_LINE_RE.match(line) or _PAGE_LINE_RE.match(line):
            left_out.append(LeftOut(line, "page header or footer"))
            continue
        bullet = GLYPH_BULLET_RE.match(line)
        if bullet and YEARS_RE.match(line):  # "1 + years" is not a numbered item
            bullet = None
        if bullet:
            line = line[bullet.end() :].strip()
            if not line:
                continue
        previous = segments[-1] if segments else None
        if bullet is None:
            merge = previous is not None and not line_heading(line) and _continues(previous, line, blanks)
        else:
            merge = previous is not None and previous.glyph and not blanks and broken_item(previous.text, line)
        if merge and previous is not None:
            previous.text = join_lines(previous.text, line)
        else:
            heading = bullet is None and line_heading(line)
            segments.append(Segment(line, glyph=bullet is not None, heading=heading))
        blanks = 0
    return segments


def _mark_items_and_leadins(segments: list[Segment]) -> None:
    """A short line with no end punctuation is a list item that lost its glyph; a paragraph
    right before a bulleted list, not ending a sentence, introduces that list."""
    for index, segment in enumerate(segments):
        if segment.glyph or segment.heading:
            continue
        words = len(segment.text.split())
        if words <= 12 and segment.text[-1] not in ".!?:;,":
            segment.item = True
        following = segments[index + 1] if index + 1 < len(segments) else None
        if following is not None and following.glyph and segment.text[-1] not in ".!?":
            segment.leadin = True
            segment.item = False


def _continues(previous: Segment, line: str, blanks: int) -> bool:
    """A wrapped line of the previous paragraph or list item."""
    if previous.heading or previous.text[-1] in ".!?:" or blanks > 1:
        return False
    if line[0].islower() or line[0] in ",;)]&":
        return True
    if blanks:
        return False
    last = previous.text.rsplit(" ", 1)[-1].lower()
    return previous.text[-1] in ",(/&-" or last in NO_CUT_AFTER - {"strong", "solid", "good", "senior", "lead"}


def broken_item(previous: str, line: str) -> bool:
    """A list item the source broke in two ("..., Incident Management, Change" / "Management, case ...")."""
    if not previous or previous[-1] in ".!?:;)":
        return False
    first = line.split(" ", 1)[0]
    if first.lower() in {"and", "or", "with", "including", "as", "of", "to", "for", "in"}:
        return True
    if line[0].islower():
        return len(previous.split()) >= 4 and ":" not in line[:40]
    tail = previous.rsplit(",", 1)
    return (
        len(tail) == 2
        and len(tail[1].split()) <= 2
        and first.endswith(",")
        and first[0].isupper()
        and opener(first) is None
        and heading_end(line, 0) is None
    )


def join_lines(left: str, right: str) -> str:
    """Two pieces of one item or paragraph, joined as they were before the line break."""
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right  # a word hyphenated at the line end keeps its hyphen ("cross-" + "device")
    return f"{left} {right}"
