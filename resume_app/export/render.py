"""One resume -> one file to hand over: the single way the editor, the tailoring page and
the CLI make a DOCX, PDF or JSON Resume file."""

from __future__ import annotations

from dataclasses import dataclass

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.export.docx import resume_to_docx
from resume_app.export.layout import ExportOptions
from resume_app.export.pdf import page_count, resume_to_pdf

MIME_TYPES = {
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
# Most recruiters read one or two pages; a longer resume gets a warning (not a refusal).
RECOMMENDED_PAGES = 2


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    mime_type: str
    filename: str
    # The resume's length in pages as the PDF lays it out (whatever the format).
    pages: int

    @property
    def too_long(self) -> bool:
        return self.pages > RECOMMENDED_PAGES

    @property
    def length_warning(self) -> str:
        """A sentence for the page when the resume runs past the recommended length; "" if not."""
        if not self.too_long:
            return ""
        return f"This resume runs to {self.pages} pages; most recruiters read one or two."


def file_name(title: str, fmt: str, fallback: str = "resume") -> str:
    """A file name safe on every system: letters, digits, "-" and "_" kept, the rest "_"."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in title) or fallback
    return f"{stem}.{fmt}"


def render(
    resume: Resume, fmt: str, options: ExportOptions | None = None, *, title: str = "", fallback: str = "resume"
) -> ExportFile:
    """The resume as a `fmt` ("docx", "pdf" or "json") file named after `title` (default:
    the resume's title). Raises InputError for an unknown format or bad options."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in MIME_TYPES:
        raise InputError("Choose JSON Resume (.json), DOCX (.docx) or PDF (.pdf).")
    options = options or ExportOptions()
    pdf = resume_to_pdf(resume, options)
    if fmt == "pdf":
        data = pdf
    elif fmt == "docx":
        data = resume_to_docx(resume, options)
    else:
        data = json_resume.dumps(resume).encode("utf-8")
    name = file_name(title or resume.title, fmt, fallback)
    return ExportFile(data=data, mime_type=MIME_TYPES[fmt], filename=name, pages=page_count(pdf))
