"""What kind of file the bytes are, by their content, not by the name they came with.

A PNG renamed to .pdf must be told apart from a PDF; so must an old .doc or an
encrypted Word file (both OLE compound files) from a .docx.
"""

from __future__ import annotations

from pathlib import PurePath

from resume_app.parsing.errors import EMPTY_FILE, ENCRYPTED_DOCX, MAX_FILE_BYTES, TOO_LARGE, ParseError

PDF, DOCX, JSON = "pdf", "docx", "json"

_IMAGES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"RIFF": "an image or media file",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect(filename: str, data: bytes) -> str:
    """PDF, DOCX or JSON, or ParseError saying what the file is instead."""
    if not data:
        raise ParseError(EMPTY_FILE)
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(TOO_LARGE)
    name = PurePath(filename).name or "This file"
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise ParseError(ENCRYPTED_DOCX)
        raise ParseError(f"{name} is an old Word (.doc) or other Office file; save it as .docx or PDF and upload that.")
    for magic, kind in _IMAGES.items():
        if data.startswith(magic):
            raise ParseError(f"{name} is {kind}, not a resume document; upload a PDF, DOCX or JSON Resume file.")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return JSON
    raise ParseError(f"{name} is not a PDF, DOCX or JSON Resume file, so it cannot be read as a resume.")
