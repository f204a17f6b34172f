"""File bytes -> core.Resume, by the kind of file."""

from __future__ import annotations

from pathlib import PurePath

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import Resume

SUPPORTED_SUFFIXES = (".json",)


def import_resume(filename: str, data: bytes) -> Resume:
    """Parse an uploaded resume file, or raise InputError with one sentence for the user."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{PurePath(filename).name} is not a file this app can read; choose a JSON Resume (.json) file."
        )
    resume = json_resume.loads(data)
    resume.title = resume.title or resume.contact.name
    return resume
