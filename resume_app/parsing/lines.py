"""The common currency of the parser: lines of text with their typography.

pdf.py and docx.py produce Lines; every later step (sections, entries, contact)
reads only Lines, so a resume parses the same way whichever file it came in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from resume_app.parsing.vocabulary import english_words

# Glyphs people and templates put before bullets.
BULLET_GLYPHS = "•●◦○▪▫■□◆◇►▶▸‣⁃∙·–—-*✓✔➢➤→"
_LEADING_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_GLYPHS)}]\s+|^\s*[{re.escape('•●◦○▪▫■□◆◇►▶▸‣⁃∙·✓✔➢➤→')}]\s*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]+")


# A line that opens with a stretch this many times larger than the rest of it, ended by a
# space, is a display line: the name at 20 pt, then the headline at 11 pt ("Justin Time
# Assistant to the Traveling Secretary"), typed in one paragraph of a Word page header or
# title. The stretch is a field of its own (docx_walker, pdf_lines).
DISPLAY_LEAD_RATIO = 1.4

# The source of a PDF's running header or footer or page number: kept out of the resume.
RUNNING_HEAD = "running"


@dataclass
class Line:
    text: str
    page: int = 0
    # Position in points from the page's top-left (PDF); zero for DOCX.
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    size: float = 0.0
    bold: bool = False
    # Set in capitals by formatting (Word's "All caps"), whatever the letters typed.
    caps: bool = False
    # A list item: a glyph in the text, or Word list numbering.
    bullet: bool = False
    level: int = 0
    style: str = ""
    # Where in the document: body, table, header, footer, textbox, or RUNNING_HEAD.
    source: str = "body"
    # Vertical distance from the previous line's top (PDF), to see paragraph breaks.
    gap_before: float = 0.0
    spans: list = field(default_factory=list, repr=False)
    # The text of a left margin column beside the line (CV classes such as moderncv set an
    # entry's dates there, right of nothing and left of its title): the line's text starts
    # with it, then a tab. A line that is this text alone has margin == text.
    margin: str = ""
    # All its text is a hyperlink's (DOCX): "GitHub Repo" under the skills is a link, not a skill.
    link: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


def clean_text(text: str) -> str:
    """Plain text as a person reads it: ligatures spelt out, icons and odd spaces gone."""
    text = unicodedata.normalize("NFKC", text)
    text = _PRIVATE_USE.sub(" ", text)
    text = text.replace("\u00ad", "-").replace("\x00", "")
    text = "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch)[0] != "C")
    return "\t".join(_SPACES.sub(" ", part).strip() for part in text.split("\t")).strip("\t ")


def strip_bullet(text: str) -> tuple[str, bool]:
    """The text without a leading bullet glyph, and whether there was one."""
    match = _LEADING_BULLET.match(text)
    if not match:
        return text, False
    return text[match.end() :].strip(), True


_WORD_BEFORE_HYPHEN = re.compile(r"([A-Za-z]+)-$")
_WORD_AFTER = re.compile(r"^([A-Za-z]+)")


def join_wrapped(first: str, second: str) -> str:
    """Join a line wrapped onto the next, undoing a hyphenation at the break.

    "submis-" + "sions" -> "submissions" (typesetters hyphenate words), but "cross-" +
    "device" -> "cross-device" (a hyphen the writer typed): when the two halves are
    words of their own and the joined word is not, the hyphen was the writer's.
    """
    first, second = first.rstrip(), second.lstrip()
    if not first:
        return second
    before, after = _WORD_BEFORE_HYPHEN.search(first), _WORD_AFTER.match(second)
    if before and after and second[:1].islower():
        head, tail = before.group(1).lower(), after.group(1).lower()
        words = english_words()
        if head + tail not in words and head in words and tail in words:
            return first + second
        return first[:-1] + second
    return f"{first} {second}"
