"""Which verbs of the bank fit a bullet's meaning: by the embedding model when one is at
hand (the one the ranker already loaded), by cue words otherwise (tests, no model)."""

from __future__ import annotations

import re
from typing import Protocol

import numpy as np

from resume_app.matching.suggestions.verbs import BANK, VerbGroup, inflect


class VerbPicker(Protocol):
    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]: ...


def _candidates(claims: tuple[str, ...], exclude: frozenset[str]) -> list[tuple[VerbGroup, str]]:
    groups = [group for group in BANK if group.claim in claims] if claims else list(BANK)
    return [(group, verb) for group in groups for verb in group.verbs if verb not in exclude]


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
        candidates = _candidates(claims, exclude)
        order = {claim: index for index, claim in enumerate(claims)}
        ranked = sorted(
            candidates,
            key=lambda item: (-len(words & set(item[0].cues)), order.get(item[0].claim, 0)),
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

    def pick(self, text: str, claims: tuple[str, ...], exclude: frozenset[str], count: int) -> list[str]:
        candidates = _candidates(claims, exclude)
        if not candidates:
            return []
        # One batch: the bank's phrases are encoded once per process (the embedder keeps them).
        vectors = self.embedder.encode([text] + [self._phrases[verb] for _, verb in candidates])
        scores = vectors[1:] @ vectors[0]
        ranked = [candidates[index] for index in np.argsort(-scores, kind="stable")]
        return _spread(ranked, count)
