"""Rank every bullet of a resume against a job posting, and explain each match.

A bullet's score (0-100) is 100 x the SCORE_WEIGHTS sum of four components, each 0..1
(bullet_components):
- semantic: its best match to one requirement of the posting (cosine of sentence
  embeddings, scaled by the requirement's kind: a preferred item counts 80 % of a
  required one, so "nice to have" matches don't outrank the core of the job);
- lexical: Okapi BM25 of the bullet against the requirements' terms (lexical.py), as a
  share of the resume's best bullet's: a bullet naming the posting's rare terms
  (Terraform, GAAP) gains over one naming its common words;
- keywords: the posting keywords the bullet names (by stem, acronym and skill alias,
  aliases.py: "k8s" names Kubernetes), 4x their share of the posting's keyword weight,
  at most 1; separates "Java developer" from "Java coffee" where the embedding hesitates;
- quality: a small writing-quality term (action verb first, a number, not too long).
A similarity to the posting's centroid was tried and dropped: it lowered NDCG.

The weights were chosen by leave-one-posting-out on the graded set
(../shared/corpus/labeled/ranking_dev.jsonl, 5 postings; bench/rank_quality.py): for each
held-out posting, the grid weighting (semantic fixed at 0.6, the three others moving)
with the best mean NDCG@5 on the other 4, structured and flat together, ties to the
better NDCG@10, scores the held-out one: mean NDCG@5 0.939 structured / 0.936 flat,
against 0.941 / 0.941 in-sample and BM25's 0.742. The shipped weights are the ones the
same rule chooses on all 5 postings; 4 of the 5 folds chose them too.

The overall match score (0-100), each requirement's Met / Partial / Missing with its
evidence bullet, and the breakdown come from match_score.score_match (see there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from resume_app.core.model import Resume
from resume_app.matching.ats import writing_quality
from resume_app.matching.embedder import Embedder
from resume_app.matching.keywords import Keyword, keywords_in, posting_keywords
from resume_app.matching.lexical import bm25, query_terms
from resume_app.matching.match_score import (
    EMPTY,
    MatchScore,
    evidence_lines,
    fit_similarity,
    fit_texts,
    score_match,
)
from resume_app.matching.requirements import (
    PostingAnalysis,
    Requirement,
    RequirementKind,
    analyze_posting,
)

# score = sum(weight * component), each component in 0..1; chosen by leave-one-posting-out
# (module docstring); a weight of 0 skips computing its component.
SCORE_WEIGHTS = {"semantic": 0.60, "lexical": 0.10, "keywords": 0.10, "quality": 0.10}
# How much the kind weight scales a semantic match: factor = KIND_FLOOR + (1 - KIND_FLOOR) * weight.
KIND_FLOOR = 0.5
# A bullet covers a requirement when their cosine reaches this (MiniLM: 0.45 reads as
# "the same thing said differently"; checked on the development postings).
COVER_THRESHOLD = 0.45
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
    # match_score.Status ("met", "partial", "missing") and the best shown bullet's id, or
    # ("" and) the line beside the bullets that shows it best (a title, a degree, a skill line).
    status: str = "missing"
    evidence: str = ""
    evidence_line: str = ""


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
    # What `match_score` is made of (`match_score == score.total`).
    score: MatchScore = field(default=EMPTY, repr=False)

    def as_contract(self) -> dict:
        """The `resume-app rank --json` document (../shared/DESIGN.md)."""
        analysis = self.analysis or PostingAnalysis("", "", [])
        return {
            "match_score": self.match_score,
            "requirements": [
                {
                    "text": item.text,
                    "kind": item.kind,
                    "covered_by": list(item.covered_by),
                    "status": item.status,
                    "evidence": item.evidence,
                    "evidence_line": item.evidence_line,
                }
                for item in self.requirements
            ],
            "score_breakdown": self.score.breakdown(),
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
    # The requirements' BM25 query: term -> weight (lexical.query_terms).
    query: dict[str, float]
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
    query = query_terms([(item.text, item.weight) for item in requirements])
    return PreparedPosting(analysis, keywords, weights, query)


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

    bullet_vectors, similarity = _similarity(requirements, texts, embedder)

    ranked: list[RankedBullet] = []
    if similarity is not None:
        weighted = similarity * (KIND_FLOOR + (1 - KIND_FLOOR) * weights)[None, :]
        best = weighted.argmax(axis=1)
        used = tuple(name for name, weight in SCORE_WEIGHTS.items() if weight)
        scores = bullet_scores(bullet_components(prepared, texts, weighted, used))
        covered_pairs: list[list[int]] = [[] for _ in texts]
        for row, column in zip(*np.nonzero(similarity >= COVER_THRESHOLD), strict=True):
            covered_pairs[int(row)].append(int(column))
        for index, ((entry, bullet), text) in enumerate(zip(entries, texts, strict=True)):
            ranked.append(
                RankedBullet(
                    id=bullet.id,
                    entry=_entry_label(entry.title, entry.organization),
                    entry_id=entry.id,
                    text=text,
                    score=float(scores[index]),
                    requirement=requirements[int(best[index])].text,
                    keywords=tuple(keyword.term for keyword in prepared.keywords_of(text)),
                    covers=tuple(covered_pairs[index]),
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
    report = _keyword_report(prepared, resume, master or resume)
    # The match score of what the resume shows: its bullets, and for the fit its titles and skills.
    shown_ids = [bullet.id for (_, bullet), seen in zip(entries, shown_rows, strict=True) if seen]
    requirement_vectors = embedder.encode([item.text for item in requirements])  # cached by _similarity
    fit = fit_similarity(bullet_vectors[shown_rows], embedder.encode(fit_texts(resume)), requirement_vectors)
    rows = similarity[shown_rows] if similarity is not None else None
    lines = evidence_lines(resume)
    line_similarity = embedder.encode(lines) @ requirement_vectors.T if lines and len(requirements) else None
    score = score_match(rows, shown_ids, requirements, keywords, set(report.matched), fit, line_similarity, lines)
    coverage = tuple(
        RequirementCoverage(
            item.text, item.kind, tuple(covering[j]), scored.status, scored.evidence, scored.evidence_line
        )
        for j, (item, scored) in enumerate(zip(requirements, score.requirements, strict=True))
    )
    suggested = _suggest(ranked_sorted, order, bullet_vectors)
    return Ranking(score.total, coverage, ranked_sorted, report, suggested, analysis, score)


def bullet_components(
    prepared: PreparedPosting, texts: list[str], weighted: np.ndarray, names: tuple[str, ...] | None = None
) -> dict[str, np.ndarray]:
    """Each bullet's score components, each in 0..1: the SCORE_WEIGHTS names, or only
    `names` (rank() skips what weighs nothing). `weighted`: bullet x requirement cosines
    scaled by the requirement's kind."""
    names = tuple(SCORE_WEIGHTS) if names is None else names
    components: dict[str, np.ndarray] = {}
    if "semantic" in names:
        components["semantic"] = weighted.max(axis=1)
    if "lexical" in names:
        # BM25 against the requirements, as a share of the resume's best bullet's.
        lexical = bm25(texts, prepared.query)
        top = float(lexical.max()) if len(lexical) else 0.0
        components["lexical"] = lexical / top if top > 0 else lexical
    if "keywords" in names:
        # Keyword weight named, 4x its share of the posting's total, at most 1.
        total = sum(keyword.weight for keyword in prepared.keywords) or 1.0
        named = [sum(keyword.weight for keyword in prepared.keywords_of(text)) for text in texts]
        components["keywords"] = np.minimum(1.0, 4 * np.array(named, dtype=np.float64) / total)
    if "quality" in names:
        components["quality"] = np.array([_quality(text) for text in texts], dtype=np.float64)
    return components


def bullet_scores(components: dict[str, np.ndarray], weights: dict[str, float] | None = None) -> np.ndarray:
    """Bullet scores 0-100 (rounded as shown, which is also the order) from their components."""
    weights = SCORE_WEIGHTS if weights is None else weights
    total = sum(weight * components[name] for name, weight in weights.items() if weight)
    return np.round(100 * np.maximum(0.0, total), 1)


def _similarity(requirements: list[Requirement], texts: list[str], embedder: Embedder):
    requirement_vectors = embedder.encode([item.text for item in requirements])
    bullet_vectors = embedder.encode(texts)
    similarity = bullet_vectors @ requirement_vectors.T if len(texts) and len(requirements) else None
    return bullet_vectors, similarity


def components_of(resume: Resume, posting: str, embedder: Embedder) -> tuple[list[str], dict[str, np.ndarray]]:
    """The bullet texts of `resume` in rank()'s input order and their score components:
    what rank() weighs with SCORE_WEIGHTS, for choosing those (bench/rank_quality.py)."""
    prepared = prepare(posting)
    texts = [bullet.text for entry in resume.entries() for bullet in entry.bullets]
    _, similarity = _similarity(list(prepared.analysis.requirements), texts, embedder)
    if similarity is None:
        return texts, {name: np.zeros(len(texts)) for name in SCORE_WEIGHTS}
    weighted = similarity * (KIND_FLOOR + (1 - KIND_FLOOR) * prepared.weights)[None, :]
    return texts, bullet_components(prepared, texts, weighted)


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
