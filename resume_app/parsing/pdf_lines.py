"""Step 4 of the PDF reader: rows and lines.

Runs whose baselines agree form a *row*; each row of a column block becomes one
``PdfTextLine``.  Its runs are joined with "" (glyphs touch), " " (word gap) or
"\\t" (a wide gap, e.g. "Title \\t Dates", or an icon between two items).  Icons
are taken out of the text and listed in ``PdfTextLine.icons`` with their names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from resume_app.parsing.lines import DISPLAY_LEAD_RATIO
from resume_app.parsing.pdf_fonts import BULLET_GLYPHS
from resume_app.parsing.pdf_interpreter import PathMark, TextRun

__all__ = ["PdfSpan", "PdfTextLine", "attach_marks", "group_rows", "make_line", "separators"]

SPACE_EM = 0.11  # a gap of >= this many ems between runs is a word space
# (Awesome-CV's TJ word gaps are 0.14-0.6 em, its kerning at most 0.04 em)
TAB_EM = 2.0  # a gap of >= this many ems becomes "\t" ...
TAB_REL_MIN_EM = 0.7  # ... and so does one of >= this many ems that is also
TAB_REL = 2.5  # >= this many times the row's normal word gap
# A word gap >= this many ems and >= SPAN_BREAK_REL times the row's usual one starts a new
# span (moderncv's 0.85 em between its date column and the text, usual gaps ~0.33 em).
SPAN_BREAK_EM = 0.5
SPAN_BREAK_REL = 1.8
TYPICAL_SPACE_EM = 0.33
ROW_TOL = 0.3  # baselines closer than this fraction of the font size share a row

_MULTI_SPACE = re.compile(r" {2,}")
_TAB_SPACES = re.compile(r" *\t[ \t]*")  # one tab, no spaces around it


@dataclass(slots=True)
class PdfSpan:
    """Where a stretch of a line in one font, size and weight lies (words joined
    with spaces; a tab, or a word gap much wider than the row's usual one, starts a
    new span: the edge of a narrow column, see pdf_margin)."""

    x0: float
    x1: float
    text: str


@dataclass(slots=True)
class PdfTextLine:
    """One row of text of a column block, in points from the crop box's top-left."""

    x0: float
    x1: float
    y: float  # baseline, top-down (the baseline carrying most characters)
    text: str  # spans joined by "", " " or "\t" (wide gap, or an icon between items)
    size: float  # dominant size of the leading segment (text before the first tab)
    bold: bool  # most characters of the leading segment are bold
    spans: list[PdfSpan]
    block: int = 0  # column block on the page, in reading order
    # Icon glyphs removed from the text (icon fonts, private-use code points,
    # glyph names that are no character), as (x, name) in line order: "linkedin",
    # "github", "envelope" where the font tells, else "U+EBC2".
    icons: list[tuple[float, str]] = field(default_factory=list)
    # A list marker drawn as a path just left of the text (see attach_marks).
    marker: bool = False


# A path-drawn list marker: at most this many ems wide (Chromium's disc, circle and
# square are about 0.33 em; timeline dots and icons are bigger), ending at most this
# many ems before the line's text, its middle between these heights above the baseline.
MARKER_MAX_EM, MARKER_GAP_EM = 0.5, 1.6
MARKER_LOW_EM, MARKER_HIGH_EM = -0.1, 0.9


def attach_marks(lines: list[PdfTextLine], marks: list[PathMark]) -> None:
    """Set ``marker`` on lines that a small painted shape stands just before.

    Browsers print CSS list markers (``list-style: disc | circle | square``) as
    filled or stroked paths, so the text layer has no bullet glyph; every web
    resume builder printed by Chromium is like this.  A shape counts when it is
    about as big as a glyph of the line, on the line's x-height band, and just to
    the left of its first character; and only where it makes a list: two or more
    lines on the page with the same shape at the same place.  A dot drawn
    before each centred heading, one timeline dot per entry, or a row of shapes
    before a heading (LaTeX CV classes) is decoration.
    """
    if not marks:
        return
    found: dict[tuple[int, float, float], list[PdfTextLine]] = {}
    for line in lines:
        em = line.size or 10.0
        near = [
            mark
            for mark in marks
            if mark.x1 <= line.x0 + 0.1 * em
            and line.x0 - mark.x1 <= 2 * MARKER_GAP_EM * em
            and MARKER_LOW_EM * em <= line.y - (mark.top + mark.bottom) / 2 <= MARKER_HIGH_EM * em
        ]
        if len(near) != 1:
            continue
        mark = near[0]
        if mark.x1 - mark.x0 <= MARKER_MAX_EM * em and line.x0 - mark.x1 <= MARKER_GAP_EM * em:
            # Keyed on the shape's own place: the text after it starts a little further left
            # or right with its first letter's side bearing ("Co-Invented" 0.4 pt left of "Formed").
            key = (round(mark.x0), round(mark.x1 - mark.x0, 1))
            found.setdefault(key, []).append(line)
    for group in found.values():
        if len(group) >= 2:
            for line in group:
                line.marker = True


def group_rows(runs: list[TextRun]) -> list[list[TextRun]]:
    """Group runs by baseline; rows top to bottom, runs left to right."""
    rows: list[list[TextRun]] = []
    ref_y = ref_size = 0.0
    for run in sorted(runs, key=lambda r: (r.y, r.x0)):
        # max(): a superscript or an icon stays on the row of the text beside it. A lowered
        # letter (the E of the TeX logo) is measured from the row's own baseline, not from a
        # raised letter (LaTeX's A) that happened to open the row.
        tolerance = ROW_TOL * max(run.size, ref_size)
        if rows and (run.y - ref_y <= tolerance or run.y - _baseline(rows[-1]) <= tolerance):
            rows[-1].append(run)
        else:
            rows.append([run])
            ref_y, ref_size = run.y, run.size
    for row in rows:
        row.sort(key=lambda r: r.x0)
        # Some producers overprint a string to fake bold: keep one copy, as bold.
        kept = [row[0]]
        for r in row[1:]:
            p = kept[-1]
            if r.text == p.text and abs(r.x0 - p.x0) < 0.5 and abs(r.y - p.y) < 0.5:
                p.bold = True
            else:
                kept.append(r)
        row[:] = kept
    _move_markers_to_their_text(rows)
    return rows


def _move_markers_to_their_text(rows: list[list[TextRun]]) -> None:
    """A list marker that a row to its left took in belongs to the row it marks: CV classes
    with section labels in a left margin ("& ACTIVITIES   ■ Member   2009 - Present") set
    the label's baseline a little above the entry's, and a small raised marker can fall
    within the label row's tolerance. It moves when it ends its row, the next row starts
    just right of it, and that row's baseline is the nearer."""
    for row, below in zip(rows, rows[1:], strict=False):
        marker = row[-1]
        if len(row) < 2 or marker.text.strip() not in BULLET_GLYPHS or not marker.text.strip():
            continue
        follows = 0 <= below[0].x0 - marker.x1 <= 2 * below[0].size
        if follows and abs(_baseline(below) - marker.y) < abs(_baseline(row[:-1]) - marker.y):
            below.insert(0, row.pop())


def _baseline(row: list[TextRun]) -> float:
    """The baseline carrying most of the row's characters."""
    weights: dict[float, int] = {}
    for run in row:
        weights[round(run.y, 1)] = weights.get(round(run.y, 1), 0) + len(run.text)
    return max(weights, key=lambda y: weights[y])


def _gaps(row: list[TextRun]) -> tuple[list[float], list[float], float]:
    """The gaps between the row's runs (points), the em at each, and the row's usual word
    gap in ems."""
    pairs = list(zip(row, row[1:], strict=False))  # (previous run, run)
    gaps = [r.x0 - p.x1 for p, r in pairs]
    ems = [(r.size + p.size) / 2 for p, r in pairs]
    word_gaps = sorted(g / e for g, e in zip(gaps, ems, strict=True) if g >= SPACE_EM * e)
    if len(word_gaps) >= 3:
        usual = word_gaps[len(word_gaps) // 2]
    else:  # too few gaps to learn from: the font's own space, or a typical one
        usual = next((r.font.space_em for r in row if r.font.space_em), 0.25)
    return gaps, ems, usual


def separators(row: list[TextRun]) -> list[str]:
    """What goes before each run: "" (touching), " " (word gap) or "\\t" (field break).

    A field break is a gap >= TAB_EM, or >= TAB_REL_MIN_EM and several times the
    row's usual word gap: that catches moderncv's narrow date column ("May 2023 |
    Princeton", 0.85 em) while a justified line, whose stretched gaps are alike,
    gets none.  An icon between two items is a field break too.
    """
    gaps, ems, usual = _gaps(row)
    seps = [""]
    text_seen = False  # visible text before `prev`
    for prev, gap, em in zip(row, gaps, ems, strict=False):  # row has one more
        g = gap / em
        is_icon = prev.icons and not prev.text.strip()
        after_text, text_seen = text_seen, text_seen or not is_icon
        if is_icon and after_text:
            # An icon between two items ("phone [icon] email") is a field break.
            seps.append("\t")
        elif prev.text.strip() in BULLET_GLYPHS:
            # Word indents list text with a tab after the bullet: not a field break.
            seps.append(" " if g >= SPACE_EM else "")
        elif g >= TAB_EM or (g >= TAB_REL_MIN_EM and g >= TAB_REL * usual):
            seps.append("\t")
        elif g >= SPACE_EM:
            seps.append(" ")
        else:
            seps.append("")
    _break_after_display_lead(row, seps)
    return seps


def _letters(runs: list[TextRun]) -> int:
    return sum(ch.isalpha() for run in runs for ch in run.text)


def _break_after_display_lead(row: list[TextRun], seps: list[str]) -> None:
    """A row that opens with a stretch set much larger than the rest, ended by a word gap
    (lines.DISPLAY_LEAD_RATIO: a name and its headline in one line of a Word page header),
    gets a field break there, so the name is a field of its own and sets the line's size.
    Fake small caps ("J" large, "OHN" small, touching) and a large bullet glyph are not one."""
    texts = [index for index, run in enumerate(row) if run.text.strip()]
    if len(texts) < 2:
        return
    lead_size = row[texts[0]].size
    end = next((index for index in texts if abs(row[index].size - lead_size) >= 0.05), None)
    if end is None or "\t" in seps[texts[0] + 1 : end + 1]:
        return
    lead, rest = row[:end], [run for run in row[end:] if run.text.strip()]
    spaced = seps[end] == " " or row[end - 1].text.endswith(" ") or row[end].text.startswith(" ")
    if (
        spaced
        and lead_size >= DISPLAY_LEAD_RATIO * max(run.size for run in rest)
        and _letters(lead) >= 2
        and _letters(rest) >= 2
    ):
        seps[end] = "\t"


def make_line(row: list[TextRun], block: int) -> PdfTextLine | None:
    """The line of one row, or None for a row without visible text."""
    icons = [icon for r in row for icon in r.icons]
    texts = [r for r in row if r.text.strip()]
    if not texts:
        return None  # blank, or icons only
    # Icon runs stay in as empty text: an icon between two items is a field
    # break ("phone [icon] email" -> "phone\temail"), see separators().
    row = [r for r in row if r.text.strip() or r.icons]
    seps = separators(row)
    gaps, ems, usual = _gaps(row)
    word_gaps = [g / e for g, e in zip(gaps, ems, strict=True) if g >= SPACE_EM * e]
    if len(word_gaps) < 3:
        # Too few gaps to learn from (fonts report odd spaces): the narrowest, or a typical one.
        usual = min([*word_gaps, TYPICAL_SPACE_EM])
    wide = [False] + [g / e >= max(SPAN_BREAK_EM, SPAN_BREAK_REL * usual) for g, e in zip(gaps, ems, strict=True)]
    pieces: list[str] = []
    spans: list[PdfSpan] = []
    span_style: tuple[str, float, bool] | None = None  # font, size, weight of spans[-1]
    for r, sep, wide_gap in zip(row, seps, wide, strict=True):
        text = r.text
        if sep == "\t":
            # The tab replaces the spaces around it, so "A\tB" splits cleanly.
            pieces[-1] = pieces[-1].rstrip(" ")
            text = text.lstrip(" ")
        elif sep == " " and (pieces[-1].endswith(" ") or text.startswith(" ")):
            sep = ""
        pieces.append(sep + text)
        if not text.strip():
            continue
        if (
            span_style is not None
            and sep != "\t"
            and not wide_gap
            and span_style[0] == r.font.name
            and abs(span_style[1] - r.size) < 0.05
            and span_style[2] == r.bold
        ):
            cur = spans[-1]
            cur.text += sep + text
            cur.x1 = r.x1
        else:
            spans.append(PdfSpan(r.x0, r.x1, text))
            span_style = (r.font.name, round(r.size, 2), r.bold)
    for s in spans:
        s.text = _MULTI_SPACE.sub(" ", s.text).strip(" ")
    # Style comes from the leading segment (up to the first tab), counted in
    # visible characters: in "Company \t City" the company's weight is what marks
    # an entry title, and a bullet glyph or icon must not decide the size.
    lead = row[: seps.index("\t")] if "\t" in seps else row
    if not any(r.text.strip() for r in lead):
        lead = texts
    sizes: Counter = Counter()
    chars = bold_chars = 0
    for r in lead:
        n = len(r.text) - r.text.count(" ")
        sizes[round(r.size, 1)] += n
        chars += n
        bold_chars += n if r.bold else 0
    baselines: Counter = Counter()
    for r in texts:
        baselines[round(r.y, 1)] += len(r.text)
    return PdfTextLine(
        x0=texts[0].x0,
        x1=max(r.x1 for r in texts),
        y=baselines.most_common(1)[0][0],
        text=_TAB_SPACES.sub("\t", _MULTI_SPACE.sub(" ", "".join(pieces))).strip(" \t"),
        size=sizes.most_common(1)[0][0],
        bold=bold_chars * 2 > chars,
        spans=spans,
        block=block,
        icons=icons,
    )
