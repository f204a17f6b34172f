"""Which verbs of the bank fit a bullet's meaning: by the embedding model when one is at
hand (the one the ranker already loaded), by cue words otherwise (tests, no model)."""

from __future__ import annotations

import re
from typing import Protocol

import numpy as np

from resume_app.matching.keywords import stem
from resume_app.matching.suggestions.verbs import BANK, OBJECTS, VerbGroup, inflect


class VerbPicker(Protocol):
    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]:
        """Up to `count` verb lemmas of the bank's `claims` (all when empty) that fit `text`,
        the words the verb will govern, best first."""


# Where the verb's object ends: "the onboarding | of new nurses", "customer complaints | at ...".
_OBJECT_END = frozenset(
    """of for on in at to with and or by from into across through during via using that which who while
    before after under over per as""".split()
)
# Extra weight of a verb whose object is one it names (OBJECTS): "Resolved" for complaints
# comes before verbs that fit any object.
SPECIFIC_BONUS = 0.1


def object_head(text: str) -> str:
    """The last word of the noun phrase the verb governs, lower case ("complaints")."""
    phrase: list[str] = []
    for word in re.findall(r"[a-z][a-z'-]*|[,;:()]", text.lower()):
        if word in _OBJECT_END or not word[0].isalpha():
            break
        phrase.append(word)
    return phrase[-1] if phrase else ""


def fit(verb: str, text: str) -> int:
    """How `verb` fits the object `text`: 2 when its object is one the verb names (OBJECTS),
    1 when the verb takes any object, 0 when it does not fit (it needs another object, or
    the object already says the verb: "Analyzed data analysis")."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(verb) >= 5 and any(word[:5] == verb[:5] for word in words):
        return 0
    needed = OBJECTS.get(verb)
    if needed is None:
        return 1
    head = object_head(text)
    return 2 if head and stem(head) in {stem(word) for word in needed} else 0


def _candidates(text: str, claims: tuple[str, ...], exclude: frozenset[str]) -> list[tuple[VerbGroup, str]]:
    groups = [group for group in BANK if group.claim in claims] if claims else list(BANK)
    return [(group, verb) for group in groups for verb in group.verbs if verb not in exclude and fit(verb, text)]


def _spread(ranked: list[tuple[VerbGroup, str]], count: int) -> list[str]:
    # At most two verbs of one claim, so the three choices differ in what they say.
    chosen: list[str] = []
    per_claim: dict[str, int] = {}
    for group, verb in ranked:
        if per_claim.get(group.claim, 0) < 2 and verb not in chosen:
            chosen.append(verb)
            per_claim[group.claim] = per_claim.get(group.claim, 0) + 1
    for _, verb in ranked:  # one claim only: fill up from it
        if len(chosen) >= count:
            break
        if verb not in chosen:
            chosen.append(verb)
    return chosen[:count]


class LexicalPicker:
    """Claims ranked by the cue words the bullet names; the bank's order within a claim."""

    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]:
        words = set(re.findall(r"[a-z]+", text.lower()))
        candidates = _candidates(text, claims, exclude)
        order = {claim: index for index, claim in enumerate(claims)}
        ranked = sorted(
            candidates,
            key=lambda item: (-fit(item[1], text), -len(words & set(item[0].cues)), order.get(item[0].claim, 0)),
        )
        return _spread(ranked, count)


class EmbeddingPicker:
    """Each verb is read as "<Verb> <what its claim covers>"; the verbs nearest the bullet's
    object (its words after the verb) in the embedding space come first."""

    def __init__(self, embedder):
        self.embedder = embedder
        self._phrases = {
            verb: f"{inflect(verb, 'past').capitalize()} {group.gloss}" for group in BANK for verb in group.verbs
        }

    def prefetch(self, texts: list[str]) -> None:
        """Encode these objects (and the bank) in one batch: one model call for a resume's
        bullets costs a fraction of one call per bullet."""
        self.embedder.encode(list(texts) + list(self._phrases.values()))

    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]:
        candidates = _candidates(text, claims, exclude)
        if not candidates:
            return []
        # One batch: the bank's phrases are encoded once per process (the embedder keeps them).
        vectors = self.embedder.encode([text] + [self._phrases[verb] for _, verb in candidates])
        bonus = np.array([SPECIFIC_BONUS * (fit(verb, text) == 2) for _, verb in candidates], dtype=np.float32)
        scores = vectors[1:] @ vectors[0] + bonus
        ranked = [candidates[index] for index in np.argsort(-scores, kind="stable")]
        return _spread(ranked, count)


class RecordingPicker(LexicalPicker):
    """Notes every object it is asked about (and answers by cue words): a first pass over
    a resume with it tells which texts the model will be asked about."""

    def __init__(self):
        self.texts: list[str] = []

    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]:
        self.texts.append(text)
        return super().pick(text, claims, exclude, count)
