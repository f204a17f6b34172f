"""File bytes -> core.Resume, by what the file is (its content, not its name)."""

from __future__ import annotations

from resume_app.core import json_resume
from resume_app.core.model import Resume
from resume_app.parsing import filetype
from resume_app.parsing.assemble import assemble
from resume_app.parsing.docx import read_docx
from resume_app.parsing.pdf import read_pdf

SUPPORTED = "PDF, DOCX or JSON Resume"


def import_resume(filename: str, data: bytes) -> Resume:
    """Parse an uploaded resume file, or raise InputError with one sentence for the user."""
    kind = filetype.detect(filename, data)
    if kind == filetype.JSON:
        resume = json_resume.loads(data)
        resume.title = resume.title or resume.contact.name
        return resume
    if kind == filetype.PDF:
        return assemble(read_pdf(data))
    return assemble(read_docx(data))
