"""A posting pasted into the tailoring page's box, as the text to store.

Two pastes carry HTML: a rich paste from a browser (copied from a job board's page: the
clipboard's text/html, sent by assets/keyboard.js beside the box's text and where the paste
went), and HTML source pasted as text (a page's source, an ATS's description field). Both
are read by `parsing.posting_html`, which keeps headings and list items on their own lines
and reads schema.org JobPosting data; plain text is stored as it was typed.
"""

from __future__ import annotations

from resume_app.core.errors import InputError
from resume_app.parsing.posting_file import MAX_DOCUMENT_BYTES
from resume_app.parsing.posting_html import html_to_posting, looks_like_html

PASTED = "The pasted HTML"
# HTML source is read up to the size of a saved page file; longer text is left to the
# posting's own length limit (and its sentence).
MAX_HTML_CHARS = MAX_DOCUMENT_BYTES


def is_html(text: str) -> bool:
    """Whether the box's text is HTML source (cheap: the first few KB are looked at)."""
    return len(text) <= MAX_HTML_CHARS and looks_like_html(text)


def _utf16_index(text: str, offset: int) -> int:
    """A browser's caret offset (UTF-16 code units) as an index into the Python string."""
    encoded = text.encode("utf-16-le", errors="surrogatepass")
    offset = max(0, min(offset, len(encoded) // 2))
    return len(encoded[: offset * 2].decode("utf-16-le", errors="ignore"))


def _span(text: str, span: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in span.split(","))
    except ValueError:
        return len(text), len(text)  # no caret position: the paste goes at the end
    start, end = _utf16_index(text, start), _utf16_index(text, end)
    return min(start, end), max(start, end)


def posting_from_box(text: str, html: str = "", plain: str = "", span: str = "") -> str:
    """The posting to store for the box's text, after a paste.

    html (a rich paste): the clipboard's HTML read as text replaces the box's selection at
    span ("start,end" in the browser's UTF-16 offsets); the clipboard's plain text is used
    instead when the HTML holds no text. Otherwise, text that is HTML source is read as a
    page; plain text comes back as it is. Raises InputError with a sentence for the person."""
    if html:
        if len(html) > MAX_HTML_CHARS:
            raise InputError(f"{PASTED} is larger than {MAX_HTML_CHARS // (1024 * 1024)} MB; paste the posting's text.")
        try:
            pasted = html_to_posting(html, PASTED)
        except InputError:
            pasted = plain
        start, end = _span(text, span)
        return text[:start] + pasted + text[end:]
    if is_html(text):
        return html_to_posting(text, PASTED)
    return text
