"""core.Resume -> an ATS-safe DOCX (../shared/DESIGN.md, "ATS-safe DOCX rules").

One column in the body only (empty header and footer); no tables, text boxes, shapes
or images; built-in Heading styles with standard section names; real Word list
bullets (the List Bullet style, which carries Word numbering); dates right-aligned
by a tab stop; one font (Calibri, Arial or Georgia) at 10-12 pt; plain ASCII
punctuation; the name first and the contact details as plain text. What it says comes
from export.layout, shared with the PDF; our importer reads it back as the same resume.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from resume_app.core.model import Resume
from resume_app.export.layout import (
    BULLET_INDENT_EMS,
    ENTRY_SPACE_EMS,
    HEADING_SPACE_AFTER_EMS,
    HEADING_SPACE_BEFORE_EMS,
    LINE_HEIGHT_EMS,
    NAME_LINE_HEIGHT_EMS,
    PAGE_SIZES_INCHES,
    PARAGRAPH_SPACE_POINTS,
    ExportOptions,
    layout,
)

# The options of every export format; kept under this name for the DOCX callers.
DocxOptions = ExportOptions


def resume_to_docx(resume: Resume, options: ExportOptions | None = None) -> bytes:
    options = options or ExportOptions()
    options.check()
    document = docx.Document()
    _set_up_page(document, options)
    _set_up_styles(document, options)
    page = document.sections[0]
    text_width = page.page_width - page.left_margin - page.right_margin
    blocks = layout(resume, options)
    for index, block in enumerate(blocks):
        # An entry's title and employer stay with what follows them inside the entry, never
        # with the next entry: a list of bullet-less entries (awards, certificates) chained by
        # "keep with next" would move to a page of its own as a whole.
        inside = index + 1 < len(blocks) and blocks[index + 1].kind in ("organization", "line", "bullet")
        if block.kind == "name":
            name = document.add_paragraph()
            run = name.add_run(block.text)
            run.bold = True
            run.font.size = Pt(options.size + 7)
            name.paragraph_format.line_spacing = Pt((options.size + 7) * NAME_LINE_HEIGHT_EMS)
            name.paragraph_format.space_after = Pt(0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "entry":
            line = _two_sided_line(document, block.text, block.dates, text_width, inside)
            line.runs[0].bold = True
            line.paragraph_format.space_before = Pt(options.size * ENTRY_SPACE_EMS)
        elif block.kind == "organization":
            _two_sided_line(document, block.text, block.place, text_width, inside)
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _two_sided_line(document, left: str, right: str, text_width, keep_with_next: bool):
    """A paragraph with `left` at the margin and `right` flush right at a tab stop, kept
    with the next line when asked (an entry's header stays with its first bullet)."""
    line = document.add_paragraph()
    line.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    line.paragraph_format.keep_with_next = keep_with_next
    line.paragraph_format.space_after = Pt(0)
    line.add_run(left)
    if right:
        line.add_run(f"\t{right}")
    return line


def _set_up_page(document, options: ExportOptions) -> None:
    section = document.sections[0]
    width, height = PAGE_SIZES_INCHES[options.page]
    section.page_width, section.page_height = Inches(width), Inches(height)
    margin = Inches(options.margins)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin


def _set_up_styles(document, options: ExportOptions) -> None:
    for style_name in ("Normal", "List Bullet", "Heading 1"):
        style = document.styles[style_name]
        style.font.name = options.font
        # East Asian text would otherwise fall back to the theme font.
        style.element.rPr.rFonts.set(qn("w:eastAsia"), options.font)
    # The PDF's vertical measures (export.layout), so that both files break pages alike: a
    # fixed line pitch, whatever font the reader substitutes for Calibri.
    normal = document.styles["Normal"]
    normal.font.size = Pt(options.size)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(options.size * LINE_HEIGHT_EMS)
    normal.paragraph_format.space_after = Pt(PARAGRAPH_SPACE_POINTS)
    bullet = document.styles["List Bullet"].paragraph_format
    bullet.left_indent = Pt(options.size * BULLET_INDENT_EMS)
    bullet.first_line_indent = -Pt(options.size * BULLET_INDENT_EMS)
    bullet.space_after = Pt(0)
    heading = document.styles["Heading 1"]
    heading.font.size = Pt(options.size + 2)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    heading.paragraph_format.line_spacing = Pt(options.size * LINE_HEIGHT_EMS)
    heading.paragraph_format.space_before = Pt(options.size * HEADING_SPACE_BEFORE_EMS)
    heading.paragraph_format.space_after = Pt(options.size * HEADING_SPACE_AFTER_EMS)
