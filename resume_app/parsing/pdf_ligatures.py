"""Step 3 of the PDF reader: dropped ligatures.

Some producers (Chromium via pdf-lib, pdfTeX with subset fonts) map a ligature
glyph to U+0000 in ToUnicode ("Pro\\0les").  While reading, each distinct
(font, code) gets a placeholder character; once the whole document is read, the
placeholders are replaced by "fi", "fl", "ff", "ffi" or "ffl".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resume_app.parsing.pdf_fonts import PdfFont
    from resume_app.parsing.pdf_interpreter import TextRun

__all__ = ["DroppedLigatures"]

# Placeholders: noncharacters U+FDD0..U+FDEF never occur in real text.
_BASE = 0xFDD0
_MAX = 32
_PLACEHOLDER = re.compile("[\ufdd0-\ufdef]")

# Letters after a dropped "f?" ligature: after "fl" come o/a/u/i/y ("flow",
# "fluent", "flight") and "ex/ec/ee/ed" ("flexible", "reflect"); after "fi"
# consonants ("files", "first"), "eld" and "-ied" ("field", "certified").
_AFTER_FL = set("oauyi")
_AFTER_FL_2 = ("ex", "ec", "ee", "ed")
_AFTER_FI_2 = ("el",)
_LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")


class DroppedLigatures:
    """The placeholders handed out for one document, and their resolution."""

    __slots__ = ("_markers",)

    def __init__(self) -> None:
        self._markers: dict[tuple[int, int], str] = {}  # (font key, code) -> placeholder

    def __len__(self) -> int:
        return len(self._markers)

    def marker(self, font: PdfFont, code: int) -> str:
        """The placeholder for a dropped ligature glyph; "fi" once too many are out."""
        key = (font.key, code)
        marker = self._markers.get(key)
        if marker is None:
            if len(self._markers) >= _MAX:
                return "fi"
            marker = self._markers[key] = chr(_BASE + len(self._markers))
        return marker

    def resolve(self, runs: Iterable[TextRun], fonts: Mapping[int, PdfFont]) -> None:
        """Replace the placeholders in the runs' text by "fi", "fl", "ff", "ffi" or "ffl".

        The glyph's identity is gone (subset font without glyph names, ToUnicode
        maps it to U+0000), so two weak clues are combined per glyph over the
        document: its advance width against f, i and l of the same font separates
        2- from 3-letter ligatures and ff from fi/fl; the letters after each
        occurrence vote for an i or l ending.  With no clue at all, fonts order fi
        before fl.
        """
        if not self._markers:
            return
        runs = [run for run in runs if _PLACEHOLDER.search(run.text)]
        votes: dict[str, Counter] = {m: Counter() for m in self._markers.values()}
        for run in runs:
            text = run.text
            for i, ch in enumerate(text):
                if ch not in votes:
                    continue
                nxt = text[i + 1 : i + 3].lower()
                prev = text[i - 1 : i].lower()
                if not nxt or not nxt[0].isalpha():
                    votes[ch]["i"] += 0.5  # word end: "wifi", "sci-fi"
                elif nxt[:2] in _AFTER_FI_2 or (nxt[0] == "e" and prev == "i"):
                    votes[ch]["i"] += 1
                elif nxt[:2] in _AFTER_FL_2 or nxt[0] in _AFTER_FL:
                    votes[ch]["l"] += 1
                else:
                    votes[ch]["i"] += 1
        resolved: dict[str, str] = {}
        per_font: Counter = Counter()
        for (font_key, code), marker in sorted(self._markers.items()):
            candidates = list(_LIGATURES)
            font = fonts.get(font_key)
            if font is not None:
                lig_w = font.glyph(code)[1]
                w = {c: font.char_width(c) for c in "fil"}
                if lig_w > 0 and all(w.values()):
                    err = {lg: abs(lig_w / sum(w[c] for c in lg) - 1) for lg in _LIGATURES}
                    best = min(err.values())
                    candidates = [lg for lg in _LIGATURES if err[lg] <= best + 0.08]
            v = votes[marker]
            ending = ("l" if v["l"] > v["i"] else "i") if v else ("i" if per_font[font_key] == 0 else "l")
            per_font[font_key] += 1
            pick = [c for c in candidates if c.endswith(ending)] or candidates
            resolved[marker] = min(pick, key=len)  # widths cannot tell: the common 2-letter one
        for run in runs:
            run.text = _PLACEHOLDER.sub(lambda mm: resolved.get(mm.group(0), "fi"), run.text)
