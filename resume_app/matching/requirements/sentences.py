"""Step 4a: cutting text into sentences.

Abbreviations ("e.g.", "U.S.", "B.S.") and decimals do not end a sentence. A requirement too
long to read as one is cut again at its sentence ends, or failing that at semicolons."""

from __future__ import annotations

import re

from resume_app.matching.requirements.words import ABBREVIATIONS, opener

LONG_REQUIREMENT_WORDS = 60
_BOUNDARY_RE = re.compile(r"([.!?]+|[。！？])([\"')\]]*)(?:\s+|(?<=[!?])(?=[A-Z])|(?<=[。！？]))")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+")


def split_sentences(text: str) -> list[str]:
    """Sentences, never cut before a lowercase word ("Know SQL. and Python" is one)."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        following = match.end()
        if following >= len(text) or text[following].islower():
            continue
        punctuation = match.group(1)
        if punctuation == ".":
            space = text.rfind(" ", start, match.start(1))
            word = text[space + 1 : match.end(1)].lower().lstrip("\"'([")
            if _is_abbreviation(word) and not (word == "etc." and opener(_word_at(text, following)) is not None):
                continue
        out.append(text[start : match.end(2)].strip())
        start = following
    out.append(text[start:].strip())
    return [sentence for sentence in out if sentence]


def _is_abbreviation(word: str) -> bool:
    if word in ABBREVIATIONS:
        return True
    return _DOTTED_RE.fullmatch(word) is not None  # "U.S.A.", an initial "J."


def _word_at(text: str, position: int) -> str:
    return text[position : position + 60].split(" ", 1)[0]


def split_long(text: str) -> list[str]:
    """Requirements over LONG_REQUIREMENT_WORDS words are cut at sentence ends, then at semicolons."""
    if len(text.split()) <= LONG_REQUIREMENT_WORDS:
        return [text]
    pieces = split_sentences(text)
    if len(pieces) == 1:
        pieces = [piece.strip() for piece in text.split(";")]
    return [piece for piece in pieces if piece]
