"""The parser's numeric thresholds that depend on typography, in one place.

They are read at call time (tuning.NAME, not a copy), so bench/parse_accuracy.py can try other
values and report a leave-one-family-out figure: each layout family scored with thresholds
chosen on the other families only. TUNABLE lists the values the benchmark tries.
"""

from __future__ import annotations

# A line set this much larger than the body text is a heading, even in body weight.
HEADING_SIZE_RATIO = 1.15
# A line closer to the previous than this many line heights carries on its bullet.
WRAP_GAP_LINES = 2.2

TUNABLE: dict[str, tuple[float, ...]] = {
    "HEADING_SIZE_RATIO": (1.08, 1.15, 1.25),
    "WRAP_GAP_LINES": (1.6, 2.2, 3.0),
}
