"""The naive baseline: pypdf's extract_text (python-docx paragraph texts for DOCX) plus regexes.

This is what a quick script achieves, written once from general resume conventions and not
tuned to the corpus; parse_accuracy.py scores it next to the real importer so that the
importer's figures have something to be compared with. Rules, line by line:

- name: the first non-empty line; email and phone: the first regex match in the text;
- section headings: short lines containing a keyword (Experience, Education, Skills, ...);
- experience: a line with a date range starts an entry; position = the line's text before
  the dates, or else the previous line; company = the line before the position's line;
- bullets: lines starting with a bullet glyph, glyph removed (a wrapped bullet keeps only
  its first line, as a line-based script does);
- education: lines containing University/College/Institute/School are institutions;
- skills: comma-separated items of the Skills section's lines ("Label: a, b" -> label a, b).

Run directly to print its JSON for one file: .venv/bin/python bench/naive_parser.py FILE
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import PurePath
from typing import Any

BULLET_GLYPHS = "•●◦-*▪"

# Checked in this order, so "Volunteer Experience" is an experience heading.
SECTION_KEYWORDS = (
    ("summary", ("summary", "objective", "profile", "about")),
    ("work", ("experience", "employment", "work history", "career")),
    ("education", ("education",)),
    ("skills", ("skill",)),
    ("projects", ("project",)),
    (
        "other",
        (
            "certification",
            "award",
            "honor",
            "publication",
            "language",
            "reference",
            "volunteer",
            "interest",
            "activities",
            "coursework",
            "involvement",
        ),
    ),
)
HEADING_MAX_WORDS = 4

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")

MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\b{_MONTH}\s+)?(?:19|20)\d{{2}}\b|\b\d{{1,2}}/(?:19|20)\d{{2}}\b"
DATE_RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:-|–|—|\bto\b)\s*(?P<end>{_DATE}|present\b|current\b|now\b)", re.IGNORECASE
)
INSTITUTION = re.compile(r"\b(?:university|college|institute|school)\b", re.IGNORECASE)


def extract_text(filename: str, data: bytes) -> str:
    """The document's text the way a quick script gets it: one string, lines as extracted."""
    if PurePath(filename).suffix.lower() == ".docx":
        import docx

        return "\n".join(paragraph.text for paragraph in docx.Document(BytesIO(data)).paragraphs)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


def parse(filename: str, data: bytes) -> dict[str, Any]:
    """A JSON Resume dict for a PDF or DOCX file."""
    return parse_text(extract_text(filename, data))


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,|–—-·:")


def _bullet_text(line: str) -> str | None:
    """The bullet's text without its glyph, or None when the line is no bullet."""
    stripped = line.strip()
    if stripped and stripped[0] in BULLET_GLYPHS:
        return _clean(stripped[1:]) or None
    return None


def heading_section(line: str) -> str | None:
    """Which section a heading line opens, or None for a line that is not a heading."""
    text = _clean(line).lower()
    if not text or len(text.split()) > HEADING_MAX_WORDS or re.search(r"[\d,@]", text):
        return None
    for section, keywords in SECTION_KEYWORDS:
        if any(keyword in text for keyword in keywords):
            return section
    return None


def iso_date(text: str) -> str:
    """'Oct. 2021' -> '2021-10', '09/2018' -> '2018-09', '2020' -> '2020', 'Present' -> ''."""
    text = text.strip().lower()
    slash = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if slash:
        return f"{slash.group(2)}-{int(slash.group(1)):02d}"
    named = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", text)
    if named and named.group(1)[:3] in MONTH_NUMBERS:
        return f"{named.group(2)}-{MONTH_NUMBERS[named.group(1)[:3]]:02d}"
    year = re.fullmatch(r"\d{4}", text)
    return year.group(0) if year else ""


def _work_entry(line: str, match: re.Match[str], plain_lines: list[str]) -> dict[str, Any]:
    before_dates = _clean(line[: match.start()])
    if before_dates:
        position, company = before_dates, (plain_lines[-1] if plain_lines else "")
    else:
        position = plain_lines[-1] if plain_lines else ""
        company = plain_lines[-2] if len(plain_lines) > 1 else ""
    entry = {"name": company, "position": position, "startDate": iso_date(match.group("start"))}
    end = iso_date(match.group("end"))
    if end:
        entry["endDate"] = end
    entry["highlights"] = []
    return {key: value for key, value in entry.items() if value or key == "highlights"}


def _skill_entry(line: str) -> dict[str, Any] | None:
    text = _bullet_text(line) or _clean(line)
    label, _, items = text.rpartition(":")
    keywords = [_clean(item) for item in items.split(",") if _clean(item)]
    if not keywords:
        return None
    return {"name": _clean(label), "keywords": keywords} if _clean(label) else {"keywords": keywords}


def parse_text(text: str) -> dict[str, Any]:
    lines = [line for line in text.splitlines() if line.strip()]
    basics = {"name": _clean(lines[0]) if lines else ""}
    email, phone = EMAIL.search(text), PHONE.search(text)
    basics.update({"email": email.group(0) if email else "", "phone": phone.group(0) if phone else ""})

    work: list[dict[str, Any]] = []
    project_bullets: list[str] = []
    institutions: list[str] = []
    skills: list[dict[str, Any]] = []
    section = None
    plain_lines: list[str] = []  # non-bullet lines since the last entry or bullet
    for line in lines[1:]:
        bullet = _bullet_text(line)
        opened = heading_section(line) if bullet is None else None
        if opened:
            section, plain_lines = opened, []
            continue
        if section == "work":
            match = DATE_RANGE.search(line)
            if bullet is not None:
                if work:
                    work[-1]["highlights"].append(bullet)
                plain_lines = []
            elif match:
                work.append(_work_entry(line, match, plain_lines))
                plain_lines = []
            else:
                plain_lines.append(_clean(line))
        elif section == "projects" and bullet is not None:
            project_bullets.append(bullet)
        elif section == "education" and bullet is None and INSTITUTION.search(line):
            institutions.append(_clean(DATE_RANGE.sub(" ", line)))
        elif section == "skills":
            skill = _skill_entry(line)
            if skill:
                skills.append(skill)

    document: dict[str, Any] = {"basics": {key: value for key, value in basics.items() if value}}
    if work:
        document["work"] = [{key: value for key, value in entry.items() if value} for entry in work]
    if institutions:
        document["education"] = [{"institution": institution} for institution in institutions]
    if skills:
        document["skills"] = skills
    if project_bullets:
        document["projects"] = [{"highlights": project_bullets}]
    return document


if __name__ == "__main__":
    import json
    import sys
    from pathlib import Path

    path = Path(sys.argv[1])
    print(json.dumps(parse(path.name, path.read_bytes()), ensure_ascii=False, indent=2))
