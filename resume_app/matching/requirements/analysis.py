"""The posting analysis from end to end: clean-up, header, segments, sections, then each
chunk kept or dropped, given its kind and weight."""

from __future__ import annotations

from resume_app.matching.requirements.classify import requirement_kind, settle_neutral_sections
from resume_app.matching.requirements.cleanup import clean_chunk, readable_text, split_lines
from resume_app.matching.requirements.header import take_header, title_from_first_line
from resume_app.matching.requirements.model import (
    KIND_WEIGHTS,
    PREFERRED,
    REQUIRED,
    RESPONSIBILITY,
    PostingAnalysis,
    Requirement,
)
from resume_app.matching.requirements.sections import Section, build_sections
from resume_app.matching.requirements.segments import build_segments
from resume_app.matching.requirements.selection import MAX_REQUIREMENT_CHARS, keep
from resume_app.matching.requirements.sentences import split_long


def analyze_posting(text: str) -> PostingAnalysis:
    """Split a job posting (structured or flattened to one line) into requirements.

    Raises InputError with a sentence for the user when the text is empty, too short to be a
    posting, or not text at all. Reads at most the first MAX_CHARS characters."""
    lines = split_lines(readable_text(text))
    dropped: list[str] = []
    header, lines = take_header(lines, dropped)
    title = header.get("title", "")
    company = header.get("company", "")
    if not title:
        title, company, lines = title_from_first_line(lines, company, dropped)

    sections = build_sections(build_segments(lines, dropped))
    requirements = _pick(sections, dropped)
    return PostingAnalysis(title=title, company=company, requirements=requirements, dropped=dropped)


def _pick(sections: list[Section], dropped: list[str]) -> list[Requirement]:
    """The requirements of all sections in order, each once; what is not kept goes to `dropped`."""
    # Asked before neutral sections are settled: only the posting's own headings count here.
    has_headings = any(section.kind in (REQUIRED, PREFERRED, RESPONSIBILITY) for section in sections)
    settle_neutral_sections(sections)

    requirements: list[Requirement] = []
    seen: set[str] = set()
    for section in sections:
        for chunk in section.chunks:
            text = clean_chunk(chunk.text)
            if len(text) > MAX_REQUIREMENT_CHARS or not keep(text, chunk.bullet, section.kind, has_headings):
                dropped.append(text)
                continue
            for piece in split_long(text):
                key = piece.casefold()
                if key in seen:
                    continue
                seen.add(key)
                kind = requirement_kind(piece, section.kind)
                requirements.append(Requirement(piece, kind, section.heading, KIND_WEIGHTS[kind]))
    return requirements
