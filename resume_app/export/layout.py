"""What an exported resume says, in order, whatever the file format.

The DOCX and PDF writers both render this list of blocks, so the two files carry the
same text in the same order and only typesetting differs. Hidden sections, entries
and bullets are left out here, once; every string is in plain ASCII punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_app.core.dates import display_date
from resume_app.core.errors import InputError
from resume_app.core.model import Entry, Resume
from resume_app.core.sections import SECTION_SPECS

FONTS = ("Calibri", "Arial", "Georgia")
PAGE_SIZES_INCHES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
# The vertical measures both writers use, in ems of the body font size unless named in
# points: the PDF draws with them and the DOCX sets them as paragraph spacing, so a page
# of one is a page of the other.
LINE_HEIGHT_EMS = 1.35  # the pitch of body lines (fixed, whatever the font)
NAME_LINE_HEIGHT_EMS = 1.2  # of the name's own size (body size + 7 pt)
PARAGRAPH_SPACE_POINTS = 2  # after a plain paragraph; lines wrapped inside one sit closer
ENTRY_SPACE_EMS = 0.4  # above an entry's title
HEADING_SPACE_BEFORE_EMS = 0.6
HEADING_SPACE_AFTER_EMS = 0.3
BULLET_INDENT_EMS = 1.2  # a bullet's text from the margin
# Typographic characters an ATS may garble, and their plain ASCII forms.
_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2022": "-",
        "\u00a0": " ",
        "\u2026": "...",
        "\u00b7": "|",
    }
)


@dataclass(frozen=True)
class ExportOptions:
    font: str = "Calibri"
    size: float = 11.0
    margins: float = 0.75  # inches, all four sides
    page: str = "letter"  # or "a4"
    # JSON Resume keys of the sections to include (None: every visible section).
    sections: frozenset[str] | None = field(default=None)

    def check(self) -> None:
        if self.font not in FONTS:
            raise InputError(f"Choose one of these fonts: {', '.join(FONTS)}.")
        if not 10 <= self.size <= 12:
            raise InputError("Choose a font size from 10 to 12 points.")
        if not 0.5 <= self.margins <= 1.5:
            raise InputError("Choose margins from 0.5 to 1.5 inches.")
        if self.page not in PAGE_SIZES_INCHES:
            raise InputError("Choose Letter or A4 paper.")

    def includes(self, kind: str) -> bool:
        return self.sections is None or kind in self.sections


@dataclass(frozen=True)
class Block:
    """One line or paragraph of the resume.

    kind: "name", "contact", "heading", "entry" (title in bold, dates flush right),
    "organization" (the entry's employer or school on a line of its own under the title,
    its place flush right), "line" (plain paragraph) or "bullet" (a list item).
    """

    kind: str
    text: str
    dates: str = ""
    place: str = ""


# Characters a resume never shows and Word's XML refuses (NUL, BEL, ESC...), or that turn
# the text around on screen (RLO and the other direction overrides): left out of exports.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def plain(text: str) -> str:
    """The text in plain ASCII punctuation (letters with accents stay as they are), without
    control characters."""
    return " ".join(_HIDDEN.sub("", text.translate(_ASCII)).split())


def contact_parts(resume: Resume) -> list[str]:
    contact = resume.contact
    place = ", ".join(part for part in (contact.location.city, contact.location.region) if part)
    profiles = [profile.url or f"{profile.network}: {profile.username}" for profile in contact.profiles]
    return [plain(part) for part in (place, contact.phone, contact.email, contact.url, *profiles) if part]


def entry_dates(entry: Entry) -> str:
    if not entry.start_date and not entry.end_date:
        return ""
    if entry.start_date == entry.end_date:
        return display_date(entry.start_date)
    return f"{display_date(entry.start_date, '')} - {display_date(entry.end_date)}".strip(" -")


def _entry_blocks(kind: str, entry: Entry) -> list[Block]:
    title, organization = plain(entry.title), plain(entry.organization)
    if kind == "education":
        area = plain(str(entry.details.get("area", "")))
        title = f"{title} in {area}" if title and area else title or area
    # Title and employer on lines of their own (title and dates, then employer and place: the
    # four-corner header most templates use): "Title, Employer" on one line is ambiguous as
    # soon as either name holds a comma ("Co-Founder, Import/Export", "Play Now, Inc.").
    blocks = [Block("entry", title or organization, dates=entry_dates(entry))]
    place = plain(entry.location)
    if title and organization:
        blocks.append(Block("organization", organization, place=place))
    elif place:
        blocks.append(Block("line", place))
    if kind == "education" and entry.details.get("score"):
        blocks.append(Block("line", f"GPA: {plain(str(entry.details['score']))}"))
    if entry.summary.strip():
        blocks.append(Block("line", plain(entry.summary)))
    blocks += [Block("bullet", plain(b.text)) for b in entry.bullets if not b.hidden and b.text.strip()]
    return blocks


def _list_text(items: list[str]) -> str:
    """Items joined by commas, or by semicolons when an item holds a comma ("Microsoft Word,
    Excel & Outlook"), so that every item still reads as one."""
    return ("; " if any("," in item for item in items) else ", ").join(items)


def layout(resume: Resume, options: ExportOptions) -> list[Block]:
    blocks = [Block("name", plain(resume.contact.name))]
    if contact_parts(resume):
        blocks.append(Block("contact", " | ".join(contact_parts(resume))))
    if resume.summary.strip() and options.includes("summary"):
        blocks += [Block("heading", "Summary"), Block("line", plain(resume.summary))]
    for section in resume.sections:
        if section.hidden or not options.includes(section.kind):
            continue
        if section.kind == "skills":
            skills = [skill for skill in section.skills if not skill.hidden]
            if not skills:
                continue
            blocks.append(Block("heading", "Skills"))
            blocks += [
                Block("line", f"{plain(skill.name)}: {_list_text([plain(word) for word in skill.keywords])}")
                for skill in skills
                if skill.keywords
            ]
            loose = [plain(skill.name) for skill in skills if not skill.keywords and skill.name]
            if loose:
                blocks.append(Block("line", _list_text(loose)))
            continue
        entries = [entry for entry in section.entries if not entry.hidden]
        if entries:
            blocks.append(Block("heading", SECTION_SPECS[section.kind].heading))
            for entry in entries:
                blocks += _entry_blocks(section.kind, entry)
    return blocks
