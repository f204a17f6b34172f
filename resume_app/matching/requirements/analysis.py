"""The posting analysis from end to end: clean-up, header, segments, sections, then each
chunk a requirement (with its kind and weight), an eligibility line, or left out with its
reason."""

from __future__ import annotations

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.classify import requirement_kind, settle_neutral_sections
from resume_app.matching.requirements.cleanup import clean_chunk, readable_text, split_lines
from resume_app.matching.requirements.eligibility import is_eligibility
from resume_app.matching.requirements.header import take_header, title_from_first_line
from resume_app.matching.requirements.headings import NEUTRAL, boilerplate_reason_of_heading
from resume_app.matching.requirements.model import (
    KIND_WEIGHTS,
    PREFERRED,
    REQUIRED,
    RESPONSIBILITY,
    Eligibility,
    LeftOut,
    PostingAnalysis,
    Requirement,
)
from resume_app.matching.requirements.sections import Section, build_sections
from resume_app.matching.requirements.segments import build_segments
from resume_app.matching.requirements.selection import (
    MAX_REQUIREMENT_CHARS,
    NOT_ABOUT_THE_JOB,
    boilerplate_reason,
    left_out_reason,
    names_company_first,
    states_experience,
)
from resume_app.matching.requirements.sentences import split_long


def analyze_posting(text: str) -> PostingAnalysis:
    """Split a job posting (structured or flattened to one line) into requirements,
    eligibility, and what was left out (with why).

    Raises InputError with a sentence for the user when the text is empty, too short to be a
    posting, or not text at all. Reads at most the first MAX_CHARS characters."""
    lines = split_lines(readable_text(text))
    left_out: list[LeftOut] = []
    header, lines = take_header(lines, left_out)
    title = header.get("title", "")
    company = header.get("company", "")
    if not title:
        title, company, lines = title_from_first_line(lines, company, left_out)

    sections = build_sections(build_segments(lines, left_out))
    eligibility: list[Eligibility] = []
    requirements = _pick(sections, company, eligibility, left_out)
    return PostingAnalysis(
        title=title, company=company, requirements=requirements, eligibility=eligibility, left_out=left_out
    )


def _pick(
    sections: list[Section], company: str, eligibility: list[Eligibility], left_out: list[LeftOut]
) -> list[Requirement]:
    """The requirements of all sections in order, each once; eligibility lines and what is
    left out (with its reason) go to their own lists."""
    # Asked before neutral sections are settled: only the posting's own headings count here.
    has_headings = any(section.kind in (REQUIRED, PREFERRED, RESPONSIBILITY) for section in sections)
    settle_neutral_sections(sections)

    requirements: list[Requirement] = []
    seen: set[str] = set()
    for section in sections:
        if section.heading:
            left_out.append(LeftOut(section.heading, "heading"))
        listed = False  # a list item has been seen in this section
        for chunk in section.chunks:
            text = clean_chunk(chunk.text)
            if not text:
                continue
            kind = section.kind
            if listed and not chunk.bullet and kind in (REQUIRED, PREFERRED, RESPONSIBILITY) and after_list_on():
                kind = NEUTRAL  # prose after the list, with no heading to close it: judged on its own words
            listed = listed or chunk.bullet
            reason = _reason(text, chunk.bullet, kind, has_headings, company)
            if reason == NOT_ABOUT_THE_JOB:
                reason = boilerplate_reason_of_heading(section.heading)
                if reason == "working conditions" and len(text.split()) >= 3 and working_conditions_on():
                    reason = ELIGIBILITY  # under "Physical Requirements:", "Work Environment:"
            if reason == ELIGIBILITY:
                eligibility.append(Eligibility(text, section.heading))
                continue
            if reason is not None:
                left_out.append(LeftOut(text, reason))
                continue
            for piece in split_long(text):
                key = piece.casefold()
                if key in seen:
                    continue
                seen.add(key)
                piece_kind = requirement_kind(piece, section.kind)
                requirements.append(Requirement(piece, piece_kind, section.heading, KIND_WEIGHTS[piece_kind]))
    return requirements


ELIGIBILITY = "eligibility"


def _reason(text: str, bullet: bool, section_kind: str, has_headings: bool, company: str) -> str | None:
    """ELIGIBILITY, a left-out reason, or None for a requirement."""
    if len(text) > MAX_REQUIREMENT_CHARS:
        return "too long to be one requirement"
    reason = boilerplate_reason(text)
    if reason == "equal opportunity statement":
        return reason  # it may name citizenship or disability: a statement, not a condition
    if is_eligibility(text) and not (provenance.on("eligibility:not-experience-items") and states_experience(text)):
        return ELIGIBILITY  # "... night shifts, every third weekend and rotating holidays"
    if reason is not None:
        return reason
    if provenance.on("left-out:company-subject") and names_company_first(text, company):
        return "about the company"  # "Acme Health runs twelve clinics ..."
    return left_out_reason(text, bullet, section_kind, has_headings, boilerplate_checked=True)


def working_conditions_on() -> bool:
    return provenance.on("eligibility:working-conditions-section")


def after_list_on() -> bool:
    return provenance.on("rule:prose-after-list")
