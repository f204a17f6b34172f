"""What a suggestion is: plain strings, numbers and ids, so the page and the CLI can hold it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# Kinds a person applies with one click (the text is ready); the others need them.
AUTOMATIC = frozenset(
    {"weak-opener", "tense", "pronoun", "filler", "spacing", "period", "stronger-verb", "repeated-verb", "split"}
)
# "metric": a question, the bullet is rewritten only with the figure the person types.
# "include-bullet": a posting keyword other bullets of the master name; "add-skill": a keyword
# nowhere in the resume, added only when the person confirms they have it.


@dataclass(frozen=True)
class Suggestion:
    kind: str
    reason: str
    bullet_id: str = ""
    # The bullet as it would read; for "split" the first part (`parts` holds both).
    text: str = ""
    # Changed words in `text`, as (start, end) character offsets, for the preview.
    spans: tuple[tuple[int, int], ...] = ()
    # Words of the old text that the suggestion removes, as offsets in the old text.
    removed: tuple[tuple[int, int], ...] = ()
    parts: tuple[str, ...] = ()
    # "metric": the question and the key fill_figure() takes.
    question: str = ""
    figure_kind: str = ""
    # "include-bullet": the bullets that name the keyword; "add-skill"/"include-bullet": the keyword.
    bullet_ids: tuple[str, ...] = ()
    keyword: str = ""

    @property
    def automatic(self) -> bool:
        return self.kind in AUTOMATIC

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "reason": self.reason,
            "bullet_id": self.bullet_id,
            "text": self.text,
            "spans": [list(span) for span in self.spans],
            "removed": [list(span) for span in self.removed],
            "parts": list(self.parts),
            "question": self.question,
            "figure_kind": self.figure_kind,
            "bullet_ids": list(self.bullet_ids),
            "keyword": self.keyword,
            "automatic": self.automatic,
        }


@dataclass(frozen=True)
class BulletContext:
    """A bullet with what the rules need to know of its job and resume."""

    text: str
    bullet_id: str = ""
    # The job's bullets (texts, in order, this one included at `index`).
    job_bullets: tuple[str, ...] = ()
    index: int = 0
    # Whether the job is current, and whether its dates tell at all (no dates: no tense rule).
    current: bool = False
    dated: bool = True
    position: str = ""
    # "present" or "past": the tense the person chose for their current role.
    current_tense: str = "present"
    # Bullets of the resume's other jobs (texts), and the posting's keyword terms, if any.
    other_bullets: tuple[str, ...] = ()
    keywords: tuple = field(default=(), repr=False)

    @property
    def tense(self) -> str:
        return self.current_tense if self.current else "past"


_WORD = re.compile(r"\S+")


def changed_spans(old: str, new: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Words of `new` that are not in `old` (inserted or replaced) and words of `old` that
    are gone, as character offsets, by a word diff."""
    old_words, new_words = list(_WORD.finditer(old)), list(_WORD.finditer(new))
    matcher = difflib.SequenceMatcher(
        a=[m.group() for m in old_words], b=[m.group() for m in new_words], autojunk=False
    )
    added, removed = [], []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if b2 > b1:
            added.append((new_words[b1].start(), new_words[b2 - 1].end()))
        if a2 > a1:
            removed.append((old_words[a1].start(), old_words[a2 - 1].end()))
    return tuple(added), tuple(removed)
