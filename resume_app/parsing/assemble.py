"""Lines -> core.Resume: sections, then entries, skills and contact, with a confidence per field."""

from __future__ import annotations

import re

from resume_app.core.model import Bullet, Entry, Resume, Skill, confidence_key
from resume_app.core.sections import SECTION_SPECS
from resume_app.parsing.accounting import LinePlace, account
from resume_app.parsing.contact import extract_contact
from resume_app.parsing.entries import ParsedEntry, bullet_text, group_blocks, parse_entries, project_at_school
from resume_app.parsing.errors import LOOKS_LIKE_POSTING, NOT_A_RESUME, ParseError
from resume_app.parsing.lines import RUNNING_HEAD, Line, join_wrapped
from resume_app.parsing.sections import Section, heading_kind, split_sections
from resume_app.parsing.skills import parse_skills

# Headings of job postings: a document led by these is a posting, not a resume.
_POSTING_HEADINGS = re.compile(
    r"^\s*(responsibilities|requirements|qualifications|what you'll do|what you will do|about the role|"
    r"about the job|job description|who you are|benefits|what we offer|preferred qualifications|"
    r"minimum qualifications|key responsibilities|your role|the role|perks)\b",
    re.IGNORECASE,
)

# Entry fields by the Entry attribute the parser fills, and their JSON Resume key per section.
_ENTRY_FIELDS = ("title", "organization", "location", "start_date", "end_date")


def _json_key(kind: str, attribute: str) -> str:
    spec = SECTION_SPECS[kind].field_for_attribute(attribute)
    return spec.json_key if spec else {"start_date": "startDate", "end_date": "endDate"}.get(attribute, attribute)


# Sections whose entries have an employer and a title, both expected.
_JOB_SECTIONS = ("work", "volunteer")
# The confidence of a field the parser had to guess (below core.model.LOW_CONFIDENCE).
GUESSED_CONFIDENCE = 0.5

# Sections whose entries have one date ("2019"), not a range.
_SINGLE_DATE_KEYS = {"certificates": "date", "awards": "date", "publications": "releaseDate"}


def _to_entry(kind: str, parsed: ParsedEntry, confidence: dict[str, float]) -> Entry:
    date_key = _SINGLE_DATE_KEYS.get(kind)
    if date_key and parsed.start_date and parsed.start_date == parsed.end_date:
        parsed.details[date_key] = parsed.start_date
        parsed.start_date = parsed.end_date = ""
        # The date's confidence goes with it: the entry shows one date field, not a range.
        if "startDate" in parsed.confidence:
            parsed.confidence[date_key] = parsed.confidence.pop("startDate")
            parsed.confidence.pop("endDate", None)
    entry = Entry(
        title=parsed.title,
        organization=parsed.organization,
        location=parsed.location,
        start_date=parsed.start_date,
        end_date=parsed.end_date,
        summary=parsed.summary,
        details=dict(parsed.details),
        bullets=[Bullet(text=text) for text in parsed.bullets],
    )
    # Map the parser's field names onto the JSON Resume keys the editor shows.
    names = {"title": "title", "organization": "organization", "institution": "organization", "studyType": "title"}
    for name, value in parsed.confidence.items():
        attribute = names.get(name)
        key = _json_key(kind, attribute) if attribute else name
        confidence[confidence_key(entry.id, key)] = value
    for attribute in _ENTRY_FIELDS:
        key = _json_key(kind, attribute)
        if getattr(entry, attribute) and confidence_key(entry.id, key) not in confidence:
            confidence[confidence_key(entry.id, key)] = 0.75
    _flag_guessed_job(kind, entry, confidence)
    return entry


def _flag_guessed_job(kind: str, entry: Entry, confidence: dict[str, float]) -> None:
    """A job read without its employer or its title is a guess: the name it has may be either
    one, and a job with neither may be bullets of something else (a functional resume's skill
    group, a sidebar): its bullets are guesses too."""
    if kind not in _JOB_SECTIONS or (entry.title and entry.organization):
        return
    for attribute in ("title", "organization"):
        key = confidence_key(entry.id, _json_key(kind, attribute))
        confidence[key] = min(confidence.get(key, GUESSED_CONFIDENCE), GUESSED_CONFIDENCE)
    if not entry.title and not entry.organization:
        for bullet in entry.bullets:
            confidence[confidence_key(bullet.id, "text")] = GUESSED_CONFIDENCE


def _paragraph(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line.text.replace("\t", " "))
    return " ".join(text.split())


# "Certifications: Security+, CCNA" inside a skills section: a line labelled with the heading
# of a section of named entries lists those entries, not skills.
_LISTED_ENTRY_KINDS = ("certificates", "awards")
_LABELLED_LINE = re.compile(r"^([^:]{2,40}):\s*(.+)$")


def _split_listed_entries(lines: list[Line]) -> tuple[list[Line], list[tuple[str, str]]]:
    """The skills section's own lines, and (section, name) for each item of a line labelled
    "Certifications:" or "Awards:"."""
    kept, listed = [], []
    for line in lines:
        labelled = _LABELLED_LINE.match(line.text.strip())
        kind = heading_kind(labelled.group(1)) if labelled and not line.bullet else None
        if kind in _LISTED_ENTRY_KINDS:
            listed += [(kind, item.strip()) for item in re.split(r"\s*[;,]\s*", labelled.group(2)) if item.strip()]
        else:
            kept.append(line)
    return kept, listed


# The least words an achievement has (shorter bullets are a list of skills).
_ACHIEVEMENT_WORDS = 4
# Headings that may head a functional resume's group of achievements: a skill area the
# heading words do not know ("Communication"), or one read as experience or skills.
_GROUP_KINDS = (None, "work", "skills")


def _achievement_groups(sections: list[Section]) -> dict[int, Skill]:
    """Functional resumes put achievements under skill headings ("Adult Care Experience",
    "Communication") and list the jobs after them, dated, without bullets. Where a resume
    has such a work history, a section that is bullets only (no entry line: no names, no
    dates) and whose bullets are mostly sentences is a skill group: the heading names the skill,
    the bullets are its keywords (JSON Resume's skills[] {name, keywords}). By section id."""
    has_history = any(
        section.kind == "work"
        and any(
            (entry.start_date or entry.end_date) and not entry.bullets for entry in parse_entries("work", section.lines)
        )
        for section in sections
    )
    if not has_history:
        return {}
    groups = {}
    for section in sections:
        if section.kind not in ("work", "skills", "other") or heading_kind(section.heading) not in _GROUP_KINDS:
            continue
        blocks = group_blocks(list(section.lines), section.kind)
        if len(blocks) != 1 or blocks[0].header or not blocks[0].bullets:
            continue
        achievements = [bullet_text(lines) for lines in blocks[0].bullets]
        # Mostly sentences: a list of skills is mostly one to three words an item.
        if sum(len(text.split()) >= _ACHIEVEMENT_WORDS for text in achievements) * 2 > len(achievements):
            groups[id(section)] = Skill(name=section.heading, keywords=achievements)
    return groups


def _check_is_resume(lines: list[Line], sections: list[Section], resume: Resume) -> None:
    posting_headings = sum(1 for line in lines if _POSTING_HEADINGS.match(line.text) and len(line.text.split()) <= 5)
    resume_sections = {section.kind for section in sections} & {"work", "education", "skills", "projects"}
    has_contact = bool(resume.contact.email or resume.contact.phone)
    if posting_headings >= 2 and posting_headings > len(resume_sections):
        raise ParseError(LOOKS_LIKE_POSTING)
    if not resume_sections and not (has_contact and resume.entries()):
        raise ParseError(NOT_A_RESUME)


# Page furniture (lines.RUNNING_HEAD) is left out of the resume but listed with this reason.
_RUNNING_HEAD_REASON = "page header, footer or number"
# The confidence of a section whose heading was found but nothing under it was read.
EMPTY_SECTION_CONFIDENCE = 0.2


def _places(sections: list[Section], furniture: list[Line]) -> dict[int, LinePlace]:
    places = {id(line): LinePlace("header", "", skipped=_RUNNING_HEAD_REASON) for line in furniture}
    for section in sections:
        if section.heading_line is not None:
            places[id(section.heading_line)] = LinePlace(section.kind, section.heading, is_heading=True)
        for line in section.lines:
            places[id(line)] = LinePlace(section.kind, section.heading)
    return places


def _flag_empty_sections(resume: Resume) -> None:
    """A heading with nothing read under it is a guess, never a confident empty section."""
    for section in resume.sections:
        if not section.entries and not section.skills:
            resume.confidence[confidence_key(section.id, "entries")] = EMPTY_SECTION_CONFIDENCE


def assemble(lines: list[Line]) -> Resume:
    furniture = [line for line in lines if line.source == RUNNING_HEAD]
    body = [line for line in lines if line.source != RUNNING_HEAD]
    header, sections = split_sections(body)
    resume = Resume()
    # A "Profiles" or "Contact" section (a sidebar) holds what a header usually does.
    contact_lines = header + [line for section in sections if section.kind == "contact" for line in section.lines]
    guess = extract_contact(contact_lines, body)
    resume.contact = guess.contact
    for name, value in guess.confidence.items():
        resume.confidence[confidence_key("contact", name)] = value
    summaries: list[Line] = []
    achievement_groups = _achievement_groups(sections)
    for section in sections:
        if id(section) in achievement_groups:
            resume.ensure_section("skills").skills.append(achievement_groups[id(section)])
        elif section.kind == "summary":
            summaries += section.lines
        elif section.kind == "skills":
            skill_lines, listed = _split_listed_entries(section.lines)
            resume.ensure_section("skills").skills += parse_skills(skill_lines)
            for kind, name in listed:
                target = resume.ensure_section(kind)
                target.entries.append(
                    _to_entry(kind, ParsedEntry(title=name, confidence={"title": 0.7}), resume.confidence)
                )
        elif section.kind in SECTION_SPECS:
            resume.ensure_section(section.kind)
            for parsed in parse_entries(section.kind, section.lines):
                project = project_at_school(parsed) if section.kind == "education" else None
                kind, parsed = ("projects", project) if project else (section.kind, parsed)
                if parsed.title or parsed.organization or parsed.bullets:
                    resume.ensure_section(kind).entries.append(_to_entry(kind, parsed, resume.confidence))
    if summaries:
        resume.summary = _paragraph(summaries)
        resume.confidence[confidence_key("contact", "summary")] = 0.8
    _check_is_resume(body, sections, resume)
    resume.title = resume.contact.name or "Imported resume"
    _flag_empty_sections(resume)
    resume.import_report = account(lines, _places(sections, furniture), resume)
    return resume
