"""Step 4c: segments become chunks grouped in sections.

Each segment is cut into sentences and run-on pieces (chunks); a heading at the start of a
chunk, or a lead-in such as "For this position, you should", opens a new section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.headings import NEUTRAL, chunk_heading, classify_heading, is_leadin
from resume_app.matching.requirements.runon import split_runon
from resume_app.matching.requirements.segments import PRINT_STAMP_RE, Segment, broken_item, join_lines
from resume_app.matching.requirements.sentences import split_sentences

_INLINE_NUMBER_RE = re.compile(r"(?<=[\s:])(\d{1,2})[.)]\s+(?=[A-Z])")
_INLINE_BULLET_RE = re.compile(r"\s[•●○◦▪▫■□►▸‣⁃✓✔➢➤◆◇❖]\s*")
_PRINT_NOISE_INLINE_RE = re.compile(
    r"\s*\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b(?:\s+[^\s/]+){0,8}?\s+https?://\S+"
    r"(?:\s+\d{1,3}/\d{1,3}\b)?"
)
_MARK_SPLIT_RE = re.compile(r"(?:(?<=\(required\))|(?<=\(preferred\)))\s+(?=\S)", re.IGNORECASE)


@dataclass
class Chunk:
    """A sentence or list item: a candidate requirement."""

    text: str
    bullet: bool  # a list item (with or without its glyph): one word can be a requirement


@dataclass
class Section:
    """The chunks under one heading; `kind` is a RequirementKind, BOILERPLATE or NEUTRAL."""

    heading: str
    kind: str
    chunks: list[Chunk]


def build_sections(segments: list[Segment]) -> list[Section]:
    """Chunks in posting order, grouped under the heading (or lead-in) they follow; the
    first section holds what comes before any heading."""
    sections = [Section("", NEUTRAL, [])]

    def open_section(label: str) -> None:
        label = label.strip().rstrip(":").strip()
        sections.append(Section(label, classify_heading(label) or NEUTRAL, []))

    for segment in segments:
        if segment.heading:
            open_section(segment.text)
            continue
        chunks = list(_chunks(segment))
        for position, (text, bullet, first_of_item) in enumerate(chunks):
            labels, rest = _leading_labels(text, list_item=bullet and first_of_item, short_line=segment.item)
            for label in labels:
                open_section(label)
            if not rest:
                continue
            last = position == len(chunks) - 1
            if (not last or segment.leadin) and is_leadin(rest):
                open_section(rest)
                continue
            sections[-1].chunks.append(Chunk(rest, bullet or segment.item))
    return sections


def _leading_labels(text: str, *, list_item: bool, short_line: bool) -> tuple[list[str], str]:
    """The headings a chunk starts with and the content after them.

    A list item is content, even "Enterprise Scheduler: Obsidian"; a short line of its own
    starts with a heading only when the label is of a known kind."""
    labels: list[str] = []
    rest = text
    if list_item:
        return labels, rest
    for _ in range(3):  # a heading run such as "QUALIFICATIONS Education" or "EXPERIENCE: Essential:"
        label_end = chunk_heading(rest, known_only=short_line)
        if label_end is None:
            break
        labels.append(rest[: label_end[0]])
        rest = rest[label_end[1] :].strip()
    return labels, rest


def _mark_inline_numbers(text: str) -> str:
    """A numbered list flattened to one line ("... 1. Assess patients 2. Administer ...") gets a
    bullet glyph before each number, when the numbers run 1, 2, 3 in order."""
    marks = list(_INLINE_NUMBER_RE.finditer(text))
    run: list[re.Match[str]] = []
    for mark in marks:
        if int(mark.group(1)) == len(run) + 1:
            run.append(mark)
    if len(run) < 2:
        return text
    for mark in reversed(run):
        text = f"{text[: mark.start()]} • {text[mark.end() :]}"
    return text


def _chunks(segment: Segment) -> Iterator[tuple[str, bool, bool]]:
    """(text, bullet, first chunk of a list item) for each chunk of a segment."""
    text = _PRINT_NOISE_INLINE_RE.sub(" ", segment.text)
    text = PRINT_STAMP_RE.sub(" ", text)
    pieces: list[str] = []
    if provenance.on("runon:inline-numbers"):
        text = _mark_inline_numbers(text)
    for piece in _INLINE_BULLET_RE.split(f" {text} "):
        piece = piece.strip()
        if pieces and piece and broken_item(pieces[-1], piece):
            pieces[-1] = join_lines(pieces[-1], piece)  # "... Incident Management, Change • Management, case ..."
        elif piece or not pieces:
            pieces.append(piece)
    for number, piece in enumerate(pieces):
        if not piece:
            continue
        bullet = segment.glyph if number == 0 else True
        first = True
        # A list item on its own line is cut only where a heading or an opener restarts, never
        # before a mere capital ("developing Java applications"): that cut is for flattened lists.
        list_item = segment.glyph and number == 0 and provenance.on("rule:list-item-not-cut")
        for sentence in split_sentences(piece):
            for part in _MARK_SPLIT_RE.split(sentence):
                for chunk in split_runon(part, list_item=list_item):
                    yield chunk, bullet, first
                    first = False
