"""A job posting from a file: plain text, PDF, DOCX or a saved web page -> the posting's text.

PDF and DOCX go through the same safe readers as resumes (damaged, encrypted, scanned
and zip-bomb files are refused with their sentence); list items keep a "- " so the
posting analysis still sees them as items. A saved web page (.html/.htm, or .mhtml from
Chrome's "Save as single file"), or a text file that holds HTML source, is read by
`posting_html`: its schema.org JobPosting data when it has some, else its main content.
"""

from __future__ import annotations

from pathlib import PurePath

from resume_app.parsing import filetype
from resume_app.parsing.docx import read_docx
from resume_app.parsing.errors import MAX_FILE_BYTES, MAX_PAGES, TOO_MANY_PAGES, ParseError
from resume_app.parsing.lines import Line, strip_bullet
from resume_app.parsing.pdf import read_pdf
from resume_app.parsing.posting_html import decode_html, html_to_posting, looks_like_html, looks_like_mhtml, mhtml_page

_MB = 1024 * 1024
MAX_TEXT_BYTES = _MB
# A posting's PDF or DOCX is read like a resume, under the same size limit.
MAX_DOCUMENT_BYTES = MAX_FILE_BYTES
SUPPORTED = "a text, PDF, DOCX or HTML file"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MHTML_SUFFIXES = (".mhtml", ".mht")


def _as_text(lines: list[Line]) -> str:
    return "\n".join(f"- {strip_bullet(line.text)[0]}" if line.bullet else line.text for line in lines)


def _decode(name: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # Notepad's "Unicode"
    if b"\0" in data[:8192]:
        raise ParseError(f"{name} is not {SUPPORTED}; save the posting as plain text or paste it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows' "ANSI" text, the other encoding a saved posting comes in.
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text[:8192]) * 0.01:
        raise ParseError(f"{name} is not {SUPPORTED}; save the posting as plain text or paste it.")
    return text


def posting_text(filename: str, data: bytes) -> str:
    """The text of an uploaded posting, or ParseError with one sentence for the user."""
    name = PurePath(filename).name or "This file"
    if not data:
        raise ParseError(f"The job posting is empty: {name} has no text.")
    head = data[:1024]
    if b"%PDF-" in head or data.startswith(b"PK\x03\x04"):
        _check_size(name, data, MAX_DOCUMENT_BYTES)
        try:
            return _as_text(read_pdf(data) if b"%PDF-" in head else read_docx(data))
        except ParseError as error:
            if str(error) == TOO_MANY_PAGES:
                raise ParseError(f"{name} has more than {MAX_PAGES} pages, too long for a job posting.") from None
            raise
    suffix = PurePath(name).suffix.lower()
    if suffix in _MHTML_SUFFIXES or looks_like_mhtml(data):
        _check_size(name, data, MAX_DOCUMENT_BYTES)
        return html_to_posting(mhtml_page(data, name), name)
    if suffix in _HTML_SUFFIXES or looks_like_html(data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff")):
        # A saved page carries scripts and styles: the document limit, not the text one.
        _check_size(name, data, MAX_DOCUMENT_BYTES)
        return html_to_posting(decode_html(data), name)
    if data.startswith(filetype.OLE_MAGIC):
        # An encrypted Word file or an old .doc: the resume importer's sentence says which.
        filetype.detect(name, data)
    _check_size(name, data, MAX_TEXT_BYTES)
    return _decode(name, data)


def _check_size(name: str, data: bytes, limit: int) -> None:
    if len(data) > limit:
        raise ParseError(f"{name} is larger than {limit // _MB} MB, too large for a job posting.")
