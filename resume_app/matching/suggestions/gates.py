"""The gates every suggestion passes before anyone sees it.

Facts: every number, amount, percentage, date, proper noun and tool name of the old
bullet is in the new text in the same form, and the new text has none the old one did
not (an invented figure is refused like a dropped one); every posting keyword the old
bullet names it still names, in the same words. Checks: the new text passes the ats.py
check the suggestion was made for and fails none the old one passed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from resume_app.matching.ats import bullet_checks
from resume_app.matching.keywords import Keyword, mention_spans

# Spelled-out quantities are facts like digits ("four offices", "dozens of sites").
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions dozen dozens percent half double
    twice triple""".split()
)
# The check each kind is made to clear (a split clears it in each part).
TARGETS = {
    "weak-opener": frozenset({"weak-opener", "action-verb"}),
    "stronger-verb": frozenset({"weak-opener", "action-verb"}),
    "pronoun": frozenset({"pronoun"}),
    "split": frozenset({"length"}),
    "metric": frozenset({"metric"}),
}
_TOKEN = re.compile(r"\S+")
_EDGE = "()[]{},;:!?\"'\u201c\u201d\u2018\u2019"
_SEPARATORS = frozenset({"-", "\u2013", "\u2014", "|", "\u2022"})


def _technical(word: str) -> bool:
    """Tool and product names: EC2, C#, Node.js, CI/CD, PostgreSQL, AWS."""
    if len(word) < 2:
        return False
    if any(ch in word for ch in "+#/.&") and any(ch.isalpha() for ch in word):
        return True
    if word.isupper():
        return True
    return word[:1].isalpha() and any(ch.isupper() for ch in word[1:]) and not word.isupper()


def facts(text: str) -> Counter:
    """The bullet's facts, each in the form it is written."""
    found: Counter = Counter()
    sentence_start = True
    for match in _TOKEN.finditer(text):
        token = match.group()
        core = token.strip(_EDGE)
        core = core[:-1] if core.endswith(".") and not core[:-1].endswith(".") else core
        if any(ch.isdigit() for ch in core) or any(ch in core for ch in "$€£¥%"):
            found[core] += 1
        elif core.lower() in NUMBER_WORDS:
            found[core.lower()] += 1
        elif core and core != "I" and (_technical(core) or (core[:1].isupper() and not sentence_start)):
            found[core] += 1
        sentence_start = token.endswith((".", "!", "?", ":", ";")) or token in _SEPARATORS
    return found


def _keyword_forms(text: str, keywords: Iterable[Keyword]) -> list[str]:
    return [text[start:end].lower() for start, end in mention_spans(text, list(keywords))]


def check_codes(text: str) -> set[str]:
    return {check.code for check in bullet_checks("", text)}


def refusal(
    old: str,
    kind: str,
    parts: tuple[str, ...],
    keywords: Iterable[Keyword] = (),
    allowed: Counter | None = None,
) -> str:
    """Why the rewrite of `old` into `parts` (one text, or two for a split) may not be
    shown, or "" when it passes every gate. `allowed`: facts the person typed (a figure)."""
    new_facts = sum((facts(part) for part in parts), Counter())
    expected = facts(old) + (allowed or Counter())
    if new_facts != expected:
        lost, added = expected - new_facts, new_facts - expected
        if lost:
            return f"drops or changes {', '.join(sorted(lost))}"
        return f"adds {', '.join(sorted(added))}"
    keywords = list(keywords)
    if keywords:
        joined = " ".join(parts).lower()
        lost_keywords = [form for form in _keyword_forms(old, keywords) if form not in joined]
        if lost_keywords:
            return f"drops the posting keyword {lost_keywords[0]}"
    before = check_codes(old)
    targets = TARGETS.get(kind, frozenset())
    for part in parts:
        after = check_codes(part)
        if after & targets:
            return f"still fails {', '.join(sorted(after & targets))}"
        # A split keeps the figure in one part; the other may have none.
        new_failures = after - before - ({"metric"} if kind == "split" else set())
        if new_failures:
            return f"fails {', '.join(sorted(new_failures))}"
    return ""
