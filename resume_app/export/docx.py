"""core.Resume -> an ATS-safe DOCX (../shared/DESIGN.md, "ATS-safe DOCX rules").

One column in the body only (empty header and footer); no tables, text boxes, shapes
or images; built-in Heading styles with standard section names; real Word list
bullets (the List Bullet style, which carries Word numbering); dates right-aligned
by a tab stop; one font (Calibri, Arial or Georgia) at 10-12 pt; plain ASCII
punctuation; the name first and the contact details as plain text. Hidden sections,
entries and bullets are left out, so a tailored version exports only what it chose.
The layout is one our importer reads back into the same resume.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from resume_app.core.dates import display_date
from resume_app.core.errors import InputError
from resume_app.core.model import Entry, Resume, Section
from resume_app.core.sections import SECTION_SPECS

FONTS = ("Calibri", "Arial", "Georgia")
PAGE_SIZES = {"letter": (Inches(8.5), Inches(11)), "a4": (Inches(8.27), Inches(11.69))}
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
class DocxOptions:
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
        if self.page not in PAGE_SIZES:
            raise InputError("Choose Letter or A4 paper.")


def plain(text: str) -> str:
    """The text in plain ASCII punctuation (letters with accents stay as they are)."""
    return " ".join(text.translate(_ASCII).split())


def resume_to_docx(resume: Resume, options: DocxOptions | None = None) -> bytes:
    options = options or DocxOptions()
    options.check()
    document = docx.Document()
    _set_up_page(document, options)
    _set_up_styles(document, options)
    text_width = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin

    name = document.add_paragraph()
    name_run = name.add_run(plain(resume.contact.name))
    name_run.bold = True
    name_run.font.size = Pt(options.size + 7)
    contact_line = " | ".join(part for part in contact_parts(resume) if part)
    if contact_line:
        document.add_paragraph(contact_line)
    if resume.summary.strip() and _included("summary", options):
        document.add_heading("Summary", level=1)
        document.add_paragraph(plain(resume.summary))
    for section in resume.sections:
        if section.hidden or not _included(section.kind, options):
            continue
        if section.kind == "skills":
            _skills(document, section)
        elif any(not entry.hidden for entry in section.entries):
            document.add_heading(SECTION_SPECS[section.kind].heading, level=1)
            for entry in section.entries:
                if not entry.hidden:
                    _entry(document, section.kind, entry, text_width)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _included(kind: str, options: DocxOptions) -> bool:
    return options.sections is None or kind in options.sections


def _set_up_page(document, options: DocxOptions) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZES[options.page]
    margin = Inches(options.margins)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin


def _set_up_styles(document, options: DocxOptions) -> None:
    for style_name in ("Normal", "List Bullet", "Heading 1"):
        style = document.styles[style_name]
        style.font.name = options.font
        # East Asian text would otherwise fall back to the theme font.
        style.element.rPr.rFonts.set(qn("w:eastAsia"), options.font)
    normal = document.styles["Normal"]
    normal.font.size = Pt(options.size)
    normal.paragraph_format.space_after = Pt(2)
    heading = document.styles["Heading 1"]
    heading.font.size = Pt(options.size + 2)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(3)


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


def _entry(document, kind: str, entry: Entry, text_width) -> None:
    line = document.add_paragraph()
    line.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    line.paragraph_format.keep_with_next = True
    line.paragraph_format.space_before = Pt(6)
    title, organization = plain(entry.title), plain(entry.organization)
    if kind == "education":
        area = plain(str(entry.details.get("area", "")))
        title = f"{title} in {area}" if title and area else title or area
    line.add_run(title or organization).bold = True
    if title and organization:
        line.add_run(f", {organization}")
    dates = entry_dates(entry)
    if dates:
        line.add_run(f"\t{dates}")
    details = [plain(entry.location)]
    if kind == "education" and entry.details.get("score"):
        details.append(f"GPA: {plain(str(entry.details['score']))}")
    if any(details):
        document.add_paragraph(" | ".join(part for part in details if part))
    if entry.summary.strip():
        document.add_paragraph(plain(entry.summary))
    for bullet in entry.bullets:
        if not bullet.hidden and bullet.text.strip():
            document.add_paragraph(plain(bullet.text), style="List Bullet")


def _skills(document, section: Section) -> None:
    skills = [skill for skill in section.skills if not skill.hidden]
    if not skills:
        return
    document.add_heading("Skills", level=1)
    grouped = [skill for skill in skills if skill.keywords]
    loose = [plain(skill.name) for skill in skills if not skill.keywords and skill.name]
    for skill in grouped:
        document.add_paragraph(f"{plain(skill.name)}: {', '.join(plain(keyword) for keyword in skill.keywords)}")
    if loose:
        document.add_paragraph(", ".join(loose))
