"""Step 2: the posting-site header and the job title.

A header ("Title: / Company: / Location: / Category: / Posted: / URL:", on its own lines or
run together on one) gives the title and company and is dropped; without one, a short first
line that names a job ("Senior Data Engineer at Acme") is the title."""

from __future__ import annotations

import re

from resume_app.matching.requirements.headings import classify_heading
from resume_app.matching.requirements.model import LeftOut
from resume_app.matching.requirements.words import GLYPH_BULLET_RE, JOB_NOUN_RE

_HEADER_KEYS = ("title", "company", "location", "category", "posted", "url")
_HEADER_LINE_RE = re.compile(r"^(title|company|location|category|posted|url)\s*:\s*(.*)$", re.IGNORECASE)
_INLINE_HEADER_KEY_RE = re.compile(r"\b(Title|Company|Location|Category|Posted|URL):\s*")
_CITY_RE = re.compile(r"(?:remote|[A-Z][\w.' -]{1,40}?, [A-Z]{2}(?: \d{5})?)\b", re.IGNORECASE)


def take_header(lines: list[str], left_out: list[LeftOut]) -> tuple[dict[str, str], list[str]]:
    """The posting-site header ("Title: ...", "Company: ...", ...), on its own lines or run together."""
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index]:
        index += 1
    if index < len(lines) and lines[index].lower().startswith("title:"):
        first = lines[index]
        keys = list(_INLINE_HEADER_KEY_RE.finditer(first[:800]))
        if len(keys) >= 2 and keys[1].group(1).lower() == "company":
            rest = _parse_inline_header(first, keys, header)
            left_out.append(LeftOut(first[: len(first) - len(rest)].strip(), "job details"))
            return header, [rest, *lines[index + 1 :]]
    while index < len(lines):
        line = lines[index]
        match = _HEADER_LINE_RE.match(line)
        if match and match.group(1).lower() not in header and len(line) <= 300:
            header[match.group(1).lower()] = match.group(2).strip()
            left_out.append(LeftOut(line, "job details"))
        elif line or not header:
            break
        index += 1
    return header, lines[index:]


def _parse_inline_header(line: str, keys: list[re.Match[str]], header: dict[str, str]) -> str:
    """Read "Title: X Company: Y Location: Z ..." at the start of a line; return the rest of the line."""
    order = [key.group(1).lower() for key in keys]
    used: list[re.Match[str]] = []
    for key, name in zip(keys, order, strict=True):
        expected = _HEADER_KEYS.index(name)
        if used and expected <= _HEADER_KEYS.index(used[-1].group(1).lower()):
            break
        used.append(key)
    for current, following in zip(used, used[1:], strict=False):
        header[current.group(1).lower()] = line[current.end() : following.start()].strip()
    last = used[-1]
    name = last.group(1).lower()
    tail = line[last.end() :]
    if name in ("url", "posted", "category"):
        value = tail.split(" ", 1)[0]
    elif name == "location" and (city := _CITY_RE.match(tail)):
        value = city.group(0)
    else:
        header[name] = ""
        return tail
    header[name] = value
    return tail[len(value) :].strip()


def title_from_first_line(lines: list[str], company: str, left_out: list[LeftOut]) -> tuple[str, str, list[str]]:
    """A short first line that names a job ("Senior Data Engineer at Acme") is the title."""
    for index, line in enumerate(lines):
        if not line:
            continue
        label = re.match(r"(?:job title|position|role)\s*:\s*(.+)$", line, re.IGNORECASE)
        if label and len(label.group(1).split()) <= 12:
            left_out.append(LeftOut(line, "job details"))
            return label.group(1).strip(), company, lines[index + 1 :]
        words = line.split()
        if (
            len(words) > 12
            or line[-1] in ".!?:,;"
            or GLYPH_BULLET_RE.match(line)
            or not JOB_NOUN_RE.search(line)
            or classify_heading(line)
        ):
            return "", company, lines
        title = line
        at = re.match(r"(.+?)\s+(?:at|@)\s+([A-Z].+)$", line)
        if at:
            title = at.group(1).strip()
            company = company or at.group(2).strip()
        left_out.append(LeftOut(line, "job details"))
        return title, company, lines[index + 1 :]
    return "", company, lines
