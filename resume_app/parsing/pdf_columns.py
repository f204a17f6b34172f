"""Step 5 of the PDF reader: columns.

Rows of a page (``pdf_lines.group_rows``) are ordered into blocks: bands top to
bottom, columns of a band left to right, so that a sidebar comes out as one block
before or after the main column instead of interleaving with it.
"""

from __future__ import annotations

from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.pdf_interpreter import TextRun

__all__ = ["split_columns"]

GUTTER_MIN = 7.0  # a column gutter is at least this wide (points)
COL_MIN_ROWS = 4  # each side of a column split needs this many rows of text
COL_MAX_PAIRED = 0.5  # ... and at most this share of them on a shared baseline

Row = list[TextRun]


def split_columns(rows: list[Row]) -> list[list[Row]]:
    """Order rows into blocks: bands top to bottom, columns of a band left to right.

    A gutter is a vertical line that no text crosses over a run of consecutive
    rows.  It splits the band into columns only if both sides are independent
    text: several rows each, few shared baselines (a sidebar's lines meet the
    main column's only by accident, a date column sits on its titles' baselines),
    and neither side right-aligned (Europass label columns, date columns).
    Applied recursively, so header bands, 3 columns and footers work too.
    """
    if len(rows) < 2 * COL_MIN_ROWS:
        return [rows]
    segs = [_segments(row) for row in rows]
    best = _find_gutter(rows, segs)
    if best is None:
        return [rows]
    start, end, gx, right_edge = best
    start = _headings_above(rows, start, gx, right_edge)
    left: list[Row] = []
    right: list[Row] = []
    for row in rows[start:end]:
        lpart = [r for r in row if r.x0 + r.x1 < 2 * gx]
        rpart = [r for r in row if r.x0 + r.x1 >= 2 * gx]
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    blocks: list[list[Row]] = []
    for part in (rows[:start], left, right, rows[end:]):
        if part:
            blocks.extend(split_columns(part))
    return blocks


def _segments(row: Row) -> list[tuple[float, float]]:
    """x-extents of the row's text, split where runs are >= GUTTER_MIN apart."""
    segs: list[list[float]] = []
    for r in row:
        if not r.text.strip():
            continue
        if segs and r.x0 - segs[-1][1] < GUTTER_MIN:
            segs[-1][1] = max(segs[-1][1], r.x1)
        else:
            segs.append([r.x0, r.x1])
    return [(a, b) for a, b in segs]


def _crosses(segs: list[tuple[float, float]], x: float) -> bool:
    for a, b in segs:  # noqa: SIM110 - hot loop; any() over a generator is slower
        if a < x < b:
            return True
    return False


def _find_gutter(rows: list[Row], segs: list[list[tuple[float, float]]]):
    """(first row, end row, gutter x, right column's left edge) of the best column split, or None.

    Candidate lines sit just beside segment ends and starts.  For each, every
    maximal run of consecutive rows not crossing it is a band; its gutter is the
    free x-interval common to all its rows.
    """
    ends = [b for row in segs for _, b in row]
    starts = [a for row in segs for a, _ in row]
    if not starts:
        return None
    lo, hi = min(starts) + GUTTER_MIN, max(ends) - GUTTER_MIN
    cands = sorted({round(b + 0.5) for b in ends} | {round(a - 0.5) for a in starts})
    n = len(rows)
    best = None
    best_score = 0.0
    seen: set = set()
    for gx in cands:
        if not lo < gx < hi:
            continue
        i = 0
        while i < n:
            while i < n and _crosses(segs[i], gx):
                i += 1
            j = i
            while j < n and not _crosses(segs[j], gx):
                j += 1
            if j - i >= 2 * COL_MIN_ROWS:
                gl = max((b for k in range(i, j) for _, b in segs[k] if b < gx), default=None)
                gr = min((a for k in range(i, j) for a, _ in segs[k] if a > gx), default=None)
                key = (i, j, gl, gr)  # neighbouring candidates find the same band
                if gl is not None and gr is not None and gr - gl >= GUTTER_MIN and key not in seen:
                    seen.add(key)
                    score = _band_score(rows[i:j], (gl + gr) / 2, gr - gl)
                    if score > best_score:
                        best_score, best = score, (i, j, (gl + gr) / 2, gr)
            i = j
    return best


def _headings_above(rows: list[Row], start: int, gx: float, right_edge: float) -> int:
    """The band's first row, taking in the rows right above it that are split at its gutter
    too: both sides there, the right one starting at the column's exact edge. Column
    headings and first lines sit side by side on one baseline ("Skills" beside "Employment
    History" under a banner: html_banner_grid), which the band's score counts against
    independent columns, so the best band starts below them and they would read as one line.
    A date on the right is the dates column of the title beside it (RenderCV): it stays."""
    while start > 0:
        texts = [run for run in rows[start - 1] if run.text.strip()]
        right = [run for run in texts if run.x0 >= gx]
        left = [run for run in texts if run.x0 < gx]
        if not (left and right) or abs(right[0].x0 - right_edge) > 1.0 or max(run.x1 for run in left) > gx:
            break
        if find_date_ranges(" ".join(run.text for run in right)):
            break
        start -= 1
    return start


def _band_score(band: list[Row], gx: float, width: float) -> float:
    """How strongly the band reads as two independent columns split at gx (0: not)."""
    n_left = n_right = paired = 0
    left_ext: list[tuple[float, float]] = []
    right_ext: list[tuple[float, float]] = []
    for row in band:
        lr = [r for r in row if r.x1 <= gx and r.text.strip()]
        rr = [r for r in row if r.x0 >= gx and r.text.strip()]
        if lr:
            n_left += 1
            left_ext.append((lr[0].x0, max(r.x1 for r in lr)))
        if rr:
            n_right += 1
            right_ext.append((rr[0].x0, max(r.x1 for r in rr)))
        # Strictly the same baseline: rows group baselines up to ROW_TOL apart,
        # and independent columns often come that close by accident.
        if lr and rr and any(abs(a.y - b.y) < 0.6 for a in lr for b in rr):
            paired += 1
    if n_left < COL_MIN_ROWS or n_right < COL_MIN_ROWS:
        return 0.0
    if _right_aligned(left_ext) or _right_aligned(right_ext):
        return 0.0
    share = paired / min(n_left, n_right)
    if share > COL_MAX_PAIRED:
        return 0.0
    height = band[-1][0].y - band[0][0].y
    # Wide gutters win: a narrow one is often a header line ending by chance
    # just before where a column starts further down.
    return height * (1.0 - share) * min(1.0, width / (2 * GUTTER_MIN))


def _right_aligned(ext: list[tuple[float, float]]) -> bool:
    """Lines share their right edge but not their left edge."""

    def aligned(vals: list[float]) -> float:
        med = sorted(vals)[len(vals) // 2]
        return sum(abs(v - med) <= 1.5 for v in vals) / len(vals)

    return aligned([b for _, b in ext]) >= 0.7 and aligned([a for a, _ in ext]) < 0.5
