"""Okapi BM25 of each bullet against a posting's requirements: the ranker's lexical signal.

The embedding reads meaning but blurs names: "Terraform", "GAAP" or "Helm" weigh little
in a sentence vector, while a recruiter looks for exactly them. BM25 rewards a bullet for
naming the posting's terms, the more so the rarer a term is among the resume's bullets
(idf), and saturates repeated words (k1) and long bullets (b), so a bullet naming one rare
skill of the posting beats one naming three common words.

Terms are stems (keywords.stems) with every alias spelling folded into one token
(keywords.canonical_stems: "k8s" counts as "Kubernetes"), without stop words and bare
numbers. The query is the set of distinct terms of the posting's requirements, each
weighted by the heaviest kind of requirement it appears in (requirements.KIND_WEIGHTS),
so a term only a "nice to have" names counts less. The document collection is the
resume's own bullets.

Written here rather than taken from rank_bm25 (not installed): the formula is a dozen
lines, and the ranker needs it on its own cached, alias-folded terms.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np

from resume_app.matching.keywords import _STOP, canonical_stems, stem

K1 = 1.2
B = 0.75


@cache
def _stop_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in _STOP)


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[str, ...]:
    """The BM25 terms of a text, in order, repeats kept."""
    stop = _stop_stems()
    return tuple(term for term in canonical_stems(text) if term not in stop and not term.isdigit())


def query_terms(requirements: Sequence[tuple[str, float]]) -> dict[str, float]:
    """Distinct terms of (requirement text, weight) pairs, each with its largest weight."""
    query: dict[str, float] = {}
    for text, weight in requirements:
        for term in terms(text):
            query[term] = max(weight, query.get(term, 0.0))
    return query


def bm25(documents: Sequence[str], query: dict[str, float], k1: float = K1, b: float = B) -> np.ndarray:
    """The BM25 score of each document (a bullet text) for the weighted query, the
    documents being the whole collection:
        idf(t)   = ln(1 + (N - n_t + 0.5) / (n_t + 0.5))      (Lucene's; never negative)
        score(D) = sum over query terms t in D of
                   w_t * idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |D| / avgdl))
    """
    counted = [_counts(text) for text in documents]
    if not counted:
        return np.zeros(0, dtype=np.float32)
    lengths = np.array([sum(counts.values()) for counts in counted], dtype=np.float64)
    average = float(lengths.mean()) or 1.0
    frequency = Counter(term for counts in counted for term in counts if term in query)
    total = len(counted)
    idf = {term: query[term] * math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
    norms = k1 * (1 - b + b * lengths / average)
    scores = np.zeros(total, dtype=np.float64)
    for row, counts in enumerate(counted):
        # A bullet has a dozen terms, a query hundreds: walk the bullet's.
        scores[row] = sum(
            idf[term] * count * (k1 + 1) / (count + norms[row]) for term, count in counts.items() if term in idf
        )
    return scores.astype(np.float32)


@lru_cache(maxsize=16384)
def _counts(text: str) -> dict[str, int]:
    # Shared between calls: read only.
    return dict(Counter(terms(text)))
