"""Step 1: checks and clean-up of the pasted text.

Empty, too short or binary input raises `InputError` with a sentence for the user; only the
first `MAX_CHARS` characters are read; text is NFKC-normalised with straight quotes and no
control characters. A PDF text layer with one word per line is rejoined."""

from __future__ import annotations

import re
import unicodedata

from resume_app.core.errors import InputError
from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.words import GLYPH_BULLET_RE

MAX_CHARS = 200_000
EMPTY_MESSAGE = "The job posting is empty; paste the posting's text."
SHORT_MESSAGE = "This is too short to be a job posting; paste the whole posting."
NOT_TEXT_MESSAGE = "This does not look like text of a job posting."
_BAD_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_WORD_OR_SPACE_RE = re.compile(r"[\w\s]+")
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"), None),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u2033"), '"'),
    **dict.fromkeys(map(ord, "\r\f\v\u2028\u2029\x85"), "\n"),
    ord("\t"): " ",
}
_WORD_RE = re.compile(r"[^\W_]+")
_SPACES_RE = re.compile(r"\s+")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_MD_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def readable_text(text: str) -> str:
    """The posting's first MAX_CHARS characters, normalised; InputError with a sentence for
    the user when it is not text, empty, or too short to be a posting."""
    if not isinstance(text, str):
        raise InputError(NOT_TEXT_MESSAGE)
    text = text[:MAX_CHARS]
    if not text.strip():
        raise InputError(EMPTY_MESSAGE)
    if _looks_binary(text):
        raise InputError(NOT_TEXT_MESSAGE)
    text = _normalize(text)
    if not _has_words(text, 3):
        raise InputError(SHORT_MESSAGE)
    return text


def _looks_binary(text: str) -> bool:
    """Control or replacement characters, or too few letters, spaces and punctuation."""
    bad = len(_BAD_CHARS_RE.findall(text))
    if bad > 0.1 * len(text):
        return True
    rest = _WORD_OR_SPACE_RE.sub("", text)  # what is neither a word character nor a space
    punctuation = sum(1 for ch in rest if unicodedata.category(ch).startswith("P"))
    good = len(text) - len(rest) + punctuation
    return good < 0.6 * len(text)


def _has_words(text: str, count: int) -> bool:
    return any(found >= count for found, _ in enumerate(_WORD_RE.finditer(text), start=1))


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").translate(_TRANSLATE))
    text = text.translate(_TRANSLATE)  # NFKC can produce new curly quotes or separators
    return _CONTROL_RE.sub(" ", text)


def split_lines(text: str) -> list[str]:
    """The text's lines with runs of spaces made one; blank lines stay (they end paragraphs)."""
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    if provenance.on("rule:markdown"):
        lines = [_plain_markdown(line) for line in lines]
    nonempty = [line for line in lines if line]
    # A PDF text layer with one word per line (Google Docs export): read it as one text.
    if len(nonempty) >= 30 and sum(1 for line in nonempty if " " not in line) >= 0.7 * len(nonempty):
        return [" ".join(nonempty)]
    return lines


def _plain_markdown(line: str) -> str:
    """A line of a posting written in Markdown (job boards, wikis, READMEs) as plain text:
    "## Requirements" and "**Requirements**" are the heading "Requirements"; bold and
    italic marks inside a line go."""
    heading = _MD_HEADING_RE.match(line)
    if heading:
        line = heading.group(1)
    if "**" in line or "__" in line:
        line = _MD_BOLD_RE.sub(r"\1", line).strip()
    return line


def clean_chunk(text: str) -> str:
    """A chunk as it is shown: no bullet glyph, single spaces, no trailing colon or dash."""
    text = GLYPH_BULLET_RE.sub("", text.strip()) if GLYPH_BULLET_RE.match(text.strip()) else text.strip()
    text = re.sub(r"\s+,\s*", ", ", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return text.rstrip(":;,-– ").strip()
