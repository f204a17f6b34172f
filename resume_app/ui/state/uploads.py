"""Reading an uploaded file into memory, never onto disk in a public folder."""

from __future__ import annotations

import reflex as rx

from resume_app.core.errors import InputError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


async def read_single_upload(files: list[rx.UploadFile]) -> tuple[str, bytes]:
    """The name and bytes of the one uploaded file, or InputError with a sentence for the user."""
    if not files:
        raise InputError("No file was received; choose a file and try again.")
    if len(files) > 1:
        raise InputError("Upload one file at a time.")
    upload = files[0]
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise InputError(f"This file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB, too large for a resume.")
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"This file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB, too large for a resume.")
    return upload.name or upload.filename or "upload", data
