"""Rank every bullet of a resume against a job posting, and explain each match.

A bullet's score (0-100) combines, with weights tuned on the graded development set
only (../shared/corpus/labeled, bench/rank_quality.py):
- its best semantic match to one requirement of the posting (cosine of sentence
  embeddings, scaled by the requirement's kind: a preferred item counts 80 % of a
  required one, so "nice to have" matches don't outrank the core of the job),
- keyword evidence (posting terms the bullet names, by stem and acronym), which
  separates "Java developer" from "Java coffee" where the embedding hesitates,
- a small writing-quality term (action verb first, a number, not too long).
A similarity to the posting's centroid was tried and dropped: it lowered NDCG.

The overall match score (0-100) is 70 % requirement coverage (each requirement's best
bullet similarity, scaled, weighted by kind) and 30 % keyword coverage (share of the
posting's keyword weight the resume mentions). See MATCH_WEIGHTS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from resume_app.core.model import Resume
from resume_app.matching.ats import writing_quality
from resume_app.matching.embedder import Embedder
from resume_app.matching.keywords import Keyword, keywords_in, posting_keywords
from resume_app.matching.requirements import (
    PostingAnalysis,
    Requirement,
    RequirementKind,
    analyze_posting,
)

# score = sum(weight * component), each component in 0..1.
SCORE_WEIGHTS = {"semantic": 0.60, "keywords": 0.25, "quality": 0.05}
# match score = 100 * sum(weight * coverage).
MATCH_WEIGHTS = {"requirements": 0.70, "keywords": 0.30}
# How much the kind weight scales a semantic match: factor = KIND_FLOOR + (1 - KIND_FLOOR) * weight.
KIND_FLOOR = 0.5
# A bullet covers a requirement when their cosine reaches this (MiniLM: 0.45 reads as
# "the same thing said differently"; checked on the development postings).
COVER_THRESHOLD = 0.45
# Cosine below which a requirement counts as not covered at all, and above which fully.
COVERAGE_FLOOR, COVERAGE_CEILING = 0.25, 0.60
# Bullets this similar to an already suggested one are near-duplicates (the development
# set's rewordings of one achievement sit at 0.88 and 0.98; distinct bullets stay under 0.6).
DUPLICATE_THRESHOLD = 0.80
SUGGESTED_PER_ENTRY = 5


@dataclass(frozen=True)
class RankedBullet:
    id: str
    entry: str
    entry_id: str
    text: str
    score: float
    requirement: str
    keywords: tuple[str, ...]
    covers: tuple[int, ...]


@dataclass(frozen=True)
class RequirementCoverage:
    text: str
    kind: RequirementKind
    covered_by: tuple[str, ...]


@dataclass(frozen=True)
class KeywordReport:
    matched: tuple[str, ...]
    missing_in_resume: tuple[str, ...]
    missing_but_in_master: tuple[str, ...]


@dataclass(frozen=True)
class Ranking:
    match_score: int
    requirements: tuple[RequirementCoverage, ...]
    bullets: tuple[RankedBullet, ...]
    keywords: KeywordReport
    # Bullet ids suggested for the tailored version: the best, without near-duplicates.
    suggested: tuple[str, ...] = ()
    analysis: PostingAnalysis | None = field(default=None, repr=False)

    def as_contract(self) -> dict:
        """The `resume-app rank --json` document (../shared/DESIGN.md)."""
        analysis = self.analysis or PostingAnalysis("", "", [])
        return {
            "match_score": self.match_score,
            "requirements": [
                {"text": item.text, "kind": item.kind, "covered_by": list(item.covered_by)}
                for item in self.requirements
            ],
            "bullets": [
                {
                    "id": bullet.id,
                    "entry": bullet.entry,
                    "text": bullet.text,
                    "score": bullet.score,
                    "requirement": bullet.requirement,
                    "keywords": list(bullet.keywords),
                }
                for bullet in self.bullets
            ],
            "keywords": {
                "matched": list(self.keywords.matched),
                "missing_in_resume": list(self.keywords.missing_in_resume),
                "missing_but_in_master": list(self.keywords.missing_but_in_master),
            },
            # Conditions of employment (never scored) and what the analysis left out, with why.
            "eligibility": [{"text": item.text, "section": item.section} for item in analysis.eligibility],
            "left_out": [{"text": item.text, "reason": item.reason} for item in analysis.left_out],
        }


@lru_cache(maxsize=8192)
def _quality(text: str) -> float:
    return writing_quality(text)


def _entry_label(title: str, organization: str) -> str:
    return ", ".join(part for part in (title, organization) if part) or "Untitled entry"


@dataclass
class PreparedPosting:
    """What a ranking needs of a posting, worked out once: re-ranking after every reorder
    or edit then costs lookups and one matrix product."""

    analysis: PostingAnalysis
    keywords: list[Keyword]
    weights: np.ndarray
    # Bullet text -> the posting keywords it names (filled as bullets are seen).
    bullet_keywords: dict[str, list[Keyword]] = field(default_factory=dict)

    def keywords_of(self, text: str) -> list[Keyword]:
        if text not in self.bullet_keywords:
            self.bullet_keywords[text] = keywords_in(text, self.keywords)
        return self.bullet_keywords[text]


@lru_cache(maxsize=32)
def prepare(posting: str) -> PreparedPosting:
    """Analyse a posting once (raises InputError for text that is not a posting)."""
    return _prepared(analyze_posting(posting))


def _prepared(analysis: PostingAnalysis) -> PreparedPosting:
    requirements = analysis.requirements
    keywords = posting_keywords([item.text for item in requirements], exclude=(analysis.company,))
    # Each requirement counts with the weight the analysis gave its kind (requirements.KIND_WEIGHTS).
    weights = np.array([item.weight for item in requirements], dtype=np.float32)
    return PreparedPosting(analysis, keywords, weights)


def rank(
    resume: Resume,
    posting: str | PostingAnalysis | PreparedPosting,
    embedder: Embedder,
    master: Resume | None = None,
) -> Ranking:
    """Rank `resume`'s bullets against the posting. `master` (default: the resume itself)
    tells which missing keywords are somewhere in the person's bank of achievements."""
    if isinstance(posting, str):
        prepared = prepare(posting)
    elif isinstance(posting, PostingAnalysis):
        prepared = _prepared(posting)
    else:
        prepared = posting
    analysis, keywords, weights = prepared.analysis, prepared.keywords, prepared.weights
    requirements: list[Requirement] = list(analysis.requirements)
    entries = [(entry, bullet) for entry in resume.entries() for bullet in entry.bullets]
    texts = [bullet.text for _, bullet in entries]

    requirement_vectors = embedder.encode([item.text for item in requirements])
    bullet_vectors = embedder.encode(texts)
    similarity = bullet_vectors @ requirement_vectors.T if len(texts) and len(requirements) else None

    ranked: list[RankedBullet] = []
    if similarity is not None:
        weighted = similarity * (KIND_FLOOR + (1 - KIND_FLOOR) * weights)[None, :]
        best = weighted.argmax(axis=1)
        keyword_total = sum(keyword.weight for keyword in keywords) or 1.0
        covered_pairs: list[list[int]] = [[] for _ in texts]
        for row, column in zip(*np.nonzero(similarity >= COVER_THRESHOLD), strict=True):
            covered_pairs[int(row)].append(int(column))
        for index, ((entry, bullet), text) in enumerate(zip(entries, texts, strict=True)):
            found = prepared.keywords_of(text)
            components = {
                "semantic": float(weighted[index, best[index]]),
                "keywords": min(1.0, 4 * sum(keyword.weight for keyword in found) / keyword_total),
                "quality": _quality(text),
            }
            score = sum(SCORE_WEIGHTS[name] * value for name, value in components.items())
            covers = tuple(covered_pairs[index])
            ranked.append(
                RankedBullet(
                    id=bullet.id,
                    entry=_entry_label(entry.title, entry.organization),
                    entry_id=entry.id,
                    text=text,
                    score=round(100 * max(0.0, score), 1),
                    requirement=requirements[int(best[index])].text,
                    keywords=tuple(keyword.term for keyword in found),
                    covers=covers,
                )
            )
    else:
        ranked = [
            RankedBullet(
                bullet.id, _entry_label(entry.title, entry.organization), entry.id, bullet.text, 0.0, "", (), ()
            )
            for entry, bullet in entries
        ]
    order = sorted(range(len(ranked)), key=lambda i: -ranked[i].score)
    ranked_sorted = tuple(ranked[i] for i in order)

    # Every bullet gets a score, but only what the resume shows covers requirements and
    # counts towards the match score: a tailored version hides the bullets it leaves out.
    shown = {bullet.id for _, bullets in resume.shown_entries(visible_only=True) for bullet in bullets}
    shown_rows = np.array([bullet.id in shown for _, bullet in entries], dtype=bool)
    covering: list[list[str]] = [[] for _ in requirements]
    for bullet in ranked_sorted:  # best first, so each list is best first too
        if bullet.id in shown:
            for j in bullet.covers:
                covering[j].append(bullet.id)
    coverage = tuple(
        RequirementCoverage(text=item.text, kind=item.kind, covered_by=tuple(covering[j]))
        for j, item in enumerate(requirements)
    )
    report = _keyword_report(prepared, resume, master or resume)
    match = _match_score(similarity[shown_rows] if similarity is not None else None, weights, keywords, report)
    suggested = _suggest(ranked_sorted, order, bullet_vectors)
    return Ranking(match, coverage, ranked_sorted, report, suggested, analysis)


def _mentioned(prepared: PreparedPosting, resume: Resume, visible_only: bool) -> set[str]:
    # Bullet by bullet, so each bullet's keywords are looked up once per posting.
    other, bullets = resume.text_parts(visible_only)
    found = {keyword.term for keyword in keywords_in(other, prepared.keywords)}
    for text in bullets:
        found |= {keyword.term for keyword in prepared.keywords_of(text)}
    return found


def _keyword_report(prepared: PreparedPosting, resume: Resume, master: Resume) -> KeywordReport:
    in_version = _mentioned(prepared, resume, visible_only=True)
    in_master = in_version | _mentioned(prepared, master, visible_only=False)
    terms = [keyword.term for keyword in prepared.keywords]
    return KeywordReport(
        matched=tuple(term for term in terms if term in in_version),
        missing_in_resume=tuple(term for term in terms if term not in in_version and term not in in_master),
        missing_but_in_master=tuple(term for term in terms if term not in in_version and term in in_master),
    )


def _match_score(similarity, weights: np.ndarray, keywords: list[Keyword], report: KeywordReport) -> int:
    if similarity is None or not len(weights) or not len(similarity):
        requirement_part = 0.0
    else:
        best = similarity.max(axis=0)
        scaled = np.clip((best - COVERAGE_FLOOR) / (COVERAGE_CEILING - COVERAGE_FLOOR), 0.0, 1.0)
        requirement_part = float((scaled * weights).sum() / weights.sum())
    total = sum(keyword.weight for keyword in keywords)
    matched = sum(keyword.weight for keyword in keywords if keyword.term in report.matched)
    keyword_part = matched / total if total else 0.0
    score = MATCH_WEIGHTS["requirements"] * requirement_part + MATCH_WEIGHTS["keywords"] * keyword_part
    return round(100 * score)


def _suggest(ranked: tuple[RankedBullet, ...], order: list[int], vectors: np.ndarray) -> tuple[str, ...]:
    """Best bullets per entry, skipping near-duplicates of ones already chosen, preferring
    bullets that cover a requirement no chosen bullet covers yet."""
    chosen: list[int] = []
    chosen_vectors = np.zeros((len(ranked), vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
    per_entry: dict[str, int] = {}
    covered: set[int] = set()
    candidates = list(range(len(ranked)))
    # Bullets that add a requirement come first among bullets of similar score.
    candidates.sort(key=lambda i: -(ranked[i].score + 3.0 * bool(set(ranked[i].covers) - covered)))
    for position in candidates:
        bullet = ranked[position]
        if per_entry.get(bullet.entry_id, 0) >= SUGGESTED_PER_ENTRY:
            continue
        vector = vectors[order[position]]
        if chosen and float((chosen_vectors[: len(chosen)] @ vector).max()) >= DUPLICATE_THRESHOLD:
            continue
        chosen_vectors[len(chosen)] = vector
        chosen.append(position)
        per_entry[bullet.entry_id] = per_entry.get(bullet.entry_id, 0) + 1
        covered |= set(bullet.covers)
    return tuple(ranked[position].id for position in sorted(chosen))
