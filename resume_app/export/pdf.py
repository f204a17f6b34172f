"""core.Resume -> a text-based PDF with the DOCX's layout.

Rendered with fpdf2: pure Python, maintained, installs from PyPI with no system
libraries (WeasyPrint needs Pango; ReportLab would do too but is larger than this
needs), and it embeds a TrueType font so any script in a name or bullet prints.
The font is DejaVu Sans (or Liberation Sans) from the system's fonts, which the
setup script installs. pypdf then sets the title and author and reads the text back
in reading order.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.export.layout import (
    BULLET_INDENT_EMS,
    ENTRY_SPACE_EMS,
    HEADING_SPACE_AFTER_EMS,
    HEADING_SPACE_BEFORE_EMS,
    LINE_HEIGHT_EMS,
    NAME_LINE_HEIGHT_EMS,
    PARAGRAPH_SPACE_POINTS,
    ExportOptions,
    layout,
    plain,
)

_FONT_FILES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)
PAGE_FORMATS = {"letter": "Letter", "a4": "A4"}
POINTS_PER_INCH = 72


def _font_files() -> tuple[str, str]:
    for regular, bold in _FONT_FILES:
        if Path(regular).exists() and Path(bold).exists():
            return regular, bold
    raise InputError("PDF export needs the DejaVu fonts; install them with: apt-get install fonts-dejavu-core.")


class _ResumePdf(FPDF):
    def __init__(self, options: ExportOptions):
        super().__init__(orientation="portrait", unit="pt", format=PAGE_FORMATS[options.page])
        margin = options.margins * POINTS_PER_INCH
        self.set_margins(margin, margin, margin)
        self.set_auto_page_break(True, margin)
        regular, bold = _font_files()
        self.add_font("Body", "", regular)
        self.add_font("Body", "B", bold)
        self.size = options.size
        self.line = options.size * LINE_HEIGHT_EMS
        self.add_page()

    def text_line(self, text: str, bold: bool = False, size: float | None = None, height: float | None = None) -> None:
        self.set_font("Body", "B" if bold else "", size or self.size)
        self.multi_cell(0, height or self.line, text, new_x="LMARGIN", new_y="NEXT", align="L")

    def heading(self, text: str) -> None:
        self.ln(self.size * HEADING_SPACE_BEFORE_EMS)
        self.text_line(text, bold=True, size=self.size + 2)
        y = self.get_y()
        self.line_width = 0.5
        self.line_between(y)
        self.ln(self.size * HEADING_SPACE_AFTER_EMS)

    def keep_room(self, lines: float) -> None:
        """Start a new page unless `lines` lines still fit on this one: a heading or an entry's
        title is kept with what follows it, never left alone at the foot of a page (Word's
        "keep with next", which the DOCX export sets)."""
        if self.get_y() + lines * self.line > self.page_break_trigger:
            self.add_page()

    def line_between(self, y: float) -> None:
        self.set_draw_color(0, 0, 0)
        super().line(self.l_margin, y, self.w - self.r_margin, y)

    def fits_one_line(self, left: str, right: str) -> bool:
        self.set_font("Body", "B", self.size)
        needed = self.get_string_width(left) + (self.get_string_width(right) + 2 * self.size if right else 0)
        return needed <= self.w - self.l_margin - self.r_margin

    def two_sided_line(self, left: str, right: str, bold: bool = False) -> None:
        """`left` at the margin and `right` flush right on its line, with two ems between
        them so they read as two columns. When both do not fit, `right` goes flush right on
        a line of its own: a name wrapped beside it would read as two names."""
        if right and not self.fits_one_line(left, right):
            self.text_line(left, bold=bold)
            self.set_font("Body", "", self.size)
            self.multi_cell(0, self.line, right, new_x="LMARGIN", new_y="NEXT", align="R")
            return
        width = self.w - self.l_margin - self.r_margin
        self.set_font("Body", "", self.size)
        right_width = self.get_string_width(right) + 2 if right else 0
        room = width - right_width - (2 * self.size if right else 0)
        self.set_font("Body", "B" if bold else "", self.size)
        rows = len(self.multi_cell(room, self.line, left, dry_run=True, output="LINES"))
        # Both sides start on the same page: a page break inside `left` would leave `right`
        # behind on the page before.
        if self.get_y() + rows * self.line > self.page_break_trigger:
            self.add_page()
        start_y = self.get_y()
        self.multi_cell(room, self.line, left, align="L", new_x="LMARGIN", new_y="NEXT")
        end_y = self.get_y()
        if right:
            self.set_font("Body", "", self.size)
            self.set_xy(self.w - self.r_margin - right_width, start_y)
            self.cell(right_width, self.line, right, align="R")
        self.set_xy(self.l_margin, max(end_y, start_y + self.line))

    def bullet(self, text: str) -> None:
        self.set_font("Body", "", self.size)
        indent = self.size * BULLET_INDENT_EMS
        self.cell(indent, self.line, "\u2022")
        self.set_left_margin(self.l_margin + indent)
        self.multi_cell(0, self.line, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_left_margin(self.l_margin - indent)
        self.set_x(self.l_margin)


def resume_to_pdf(resume: Resume, options: ExportOptions | None = None) -> bytes:
    options = options or ExportOptions()
    options.check()
    pdf = _ResumePdf(options)
    for block in layout(resume, options):
        if block.kind == "name":
            name_size = options.size + 7
            pdf.text_line(block.text, bold=True, size=name_size, height=name_size * NAME_LINE_HEIGHT_EMS)
        elif block.kind == "heading":
            pdf.keep_room(4)  # the heading, its rule and the first two lines under it
            pdf.heading(block.text)
        elif block.kind == "entry":
            pdf.ln(pdf.size * ENTRY_SPACE_EMS)
            pdf.keep_room(3)  # title, employer and the first line of the entry
            pdf.two_sided_line(block.text, block.dates, bold=True)
        elif block.kind == "organization":
            pdf.two_sided_line(block.text, block.place)
        elif block.kind == "bullet":
            pdf.bullet(block.text)
        else:
            pdf.text_line(block.text)
            # Paragraph spacing, as the DOCX's: a line wrapped inside a paragraph sits closer.
            pdf.ln(PARAGRAPH_SPACE_POINTS)
    return _with_metadata(bytes(pdf.output()), resume)


def _with_metadata(data: bytes, resume: Resume) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    name = plain(resume.contact.name) or "Resume"
    writer.add_metadata({"/Title": f"{name} - Resume", "/Author": name, "/Producer": "resume_app"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
