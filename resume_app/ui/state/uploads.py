"""Reading an uploaded resume: in memory, never onto disk in a public folder."""

from __future__ import annotations

import logging

import reflex as rx

from resume_app.core.errors import InputError
from resume_app.core.json_resume import MAX_JSON_BYTES
from resume_app.core.model import Resume
from resume_app.parsing import sandbox
from resume_app.parsing.errors import MAX_FILE_BYTES, MAX_PAGES, TOO_LARGE
from resume_app.parsing.importer import import_resume
from resume_app.storage import repository

log = logging.getLogger(__name__)
_MB = 1024 * 1024
# The import limits as the import box (and the README) state them.
IMPORT_LIMITS = (
    f"PDF or DOCX up to {MAX_FILE_BYTES // _MB} MB and {MAX_PAGES} pages, JSON Resume up to {MAX_JSON_BYTES // _MB} MB"
)
# A file read but not stored (a database error): the spinner stops with this.
IMPORT_NOT_SAVED = "The file was read but could not be saved; try again."
UNREADABLE = "This file could not be read as a resume; try a PDF or DOCX exported from the original."


async def read_single_upload(files: list[rx.UploadFile]) -> tuple[str, bytes]:
    """The name and bytes of the one uploaded file, or InputError with a sentence for the user."""
    if not files:
        raise InputError("No file was received; choose a file and try again.")
    if len(files) > 1:
        raise InputError("Upload one file at a time.")
    upload = files[0]
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        raise InputError(TOO_LARGE)
    data = await upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(TOO_LARGE)
    return upload.name or upload.filename or "upload", data


async def import_upload(files: list[rx.UploadFile], workspace_key: str) -> Resume:
    """Parse the uploaded resume in a worker process, under a time and memory budget
    (parsing.sandbox), so other people's pages stay responsive. The import counts against
    the workspace's upload limit first, and is refused when the library is full.

    Raises InputError with one sentence for the user; never anything else.
    """
    repository.charge_upload(workspace_key, "import", new_resume=True)
    filename, data = await read_single_upload(files)
    try:
        return await sandbox.run_async(import_resume, filename, data)
    except InputError:
        raise
    except Exception:
        log.exception("importing %s failed", filename)
        raise InputError(UNREADABLE) from None
