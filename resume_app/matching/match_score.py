"""The match score (0-100) and what it is made of, in terms a person can act on.

One step: the similarity of each shown bullet to each requirement of the posting, the
requirements with their kinds and weights, the keywords found, and how close the resume
reads to the posting as a whole -> a `MatchScore`.

Each requirement gets a status from its best evidence: the shown bullet, or an entry's
title line (a position, a degree, a certificate: `evidence_lines`), closest to it:
- Met: cosine >= MET_SIMILARITY. Chosen on the graded development set
  (../shared/corpus/labeled/ranking_dev.jsonl, 120 bullets x 5 postings): the lowest
  similarity from which most bullets (>= 50 %) were graded 3, "directly demonstrates a
  stated requirement". 0.42 on all five postings, 0.41-0.42 with any one posting left out,
  0.42 on the flattened postings too.
- Partial: cosine >= PARTIAL_SIMILARITY: the lowest similarity from which most bullets were
  graded 2 or 3, "relevant, a recruiter would want to see it". 0.35 on all five postings,
  0.34-0.37 with any one left out, 0.35 flattened.
- Missing: below that. Graded bullets under 0.35 are 93 % grade 0 or 1.

The score adds three parts (MATCH_WEIGHTS), each 0..1:
- requirements (45 %): each requirement earns credit 1 when Met, PARTIAL_CREDIT rising to 1
  as a Partial one nears Met, 0 when Missing, and counts with its kind's weight
  (requirements.KIND_WEIGHTS: required 1.0, responsibility 0.9, preferred 0.6).
  Eligibility and logistics lines are not in `PostingAnalysis.requirements`, so they never
  count.
- keywords (10 %): the share of the posting's keyword weight the resume names.
- fit (45 %): how close the resume as a whole reads to the posting: the mean cosine of its
  FIT_BULLETS shown bullets closest to the posting, its entry titles and skill lines with
  the posting's mean requirement; 0 at FIT_FLOOR, 1 at FIT_CEILING.
and reaches 100 at FULL_MARKS of the sum: a posting lists more than any one hire brings.

Every part only counts what the resume shows at its best, so hiding a bullet never raises
the score, and a tailored version that keeps the evidence bullets scores as its master.

Why a fit part and full marks at 80 %: scored on requirements and keywords alone (the old
70/30 score) a resume scored about as low against a posting of its own field (office
manager vs office coordinator: 21; web developer vs full-stack web developer: 13) as
against an unrelated one (office manager vs DevOps: 12), because one bullet's wording
decides each requirement and generic items (communication, teamwork) match anything a
little. The resume as a whole tells the field apart far better. The fit's floor and
ceiling, the weights and full marks were set on the corpus resumes and postings
(tests/test_match_calibration.py checks the gap there); they are not checked on postings
outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from resume_app.core.model import Resume
from resume_app.matching.keywords import Keyword
from resume_app.matching.requirements import PREFERRED, REQUIRED, RESPONSIBILITY, Requirement, RequirementKind

MET_SIMILARITY = 0.42
PARTIAL_SIMILARITY = 0.35
# A Partial requirement earns this at PARTIAL_SIMILARITY, rising linearly to 1 at MET_SIMILARITY.
PARTIAL_CREDIT = 0.5
MATCH_WEIGHTS = {"requirements": 0.45, "keywords": 0.10, "fit": 0.45}
# The weighted sum that already reads as a complete match (100).
FULL_MARKS = 0.80
# The fit (a mean cosine, see fit_similarity) on the corpus: 0.14-0.31 for a resume against
# a posting of another field, 0.29-0.47 against one of its own field.
FIT_FLOOR, FIT_CEILING = 0.20, 0.35
# The fit reads this many shown bullets, those closest to the posting (about what a recruiter
# reads first): bullets beyond them neither add nor take away, so leaving unrelated bullets
# out (tailoring) never lowers it, and neither does a long resume's tail of old jobs.
FIT_BULLETS = 8


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    MISSING = "missing"


STATUS_LABELS = {Status.MET: "Met", Status.PARTIAL: "Partial", Status.MISSING: "Missing"}


@dataclass(frozen=True)
class RequirementScore:
    text: str
    kind: RequirementKind
    weight: float
    status: Status
    # The best shown bullet's id ("" when the resume shows none, or a line beside the bullets
    # shows it better: that line is then `evidence_line`) and its cosine.
    evidence: str
    similarity: float
    credit: float
    evidence_line: str = ""


@dataclass(frozen=True)
class KindCoverage:
    """How the requirements of one kind are covered: counts, and the share of credit (0..1)."""

    kind: RequirementKind
    met: int = 0
    partial: int = 0
    total: int = 0
    share: float = 0.0

    def as_dict(self) -> dict:
        return {"met": self.met, "partial": self.partial, "total": self.total, "share": round(self.share, 3)}


@dataclass(frozen=True)
class MatchScore:
    total: int
    requirements: tuple[RequirementScore, ...]
    required: KindCoverage
    responsibilities: KindCoverage
    preferred: KindCoverage
    # The kind-weighted share of requirement credit, 0..1.
    requirement_share: float
    keywords_matched: int
    keywords_total: int
    keyword_share: float
    # The whole-resume cosine, and its part (0..1) between FIT_FLOOR and FIT_CEILING.
    fit_similarity: float
    fit: float

    def breakdown(self) -> dict:
        """The `score_breakdown` of `resume-app rank --json`."""
        return {
            "required": self.required.as_dict(),
            "responsibilities": self.responsibilities.as_dict(),
            "preferred": self.preferred.as_dict(),
            "requirements_share": round(self.requirement_share, 3),
            "keywords": {
                "matched": self.keywords_matched,
                "total": self.keywords_total,
                "share": round(self.keyword_share, 3),
            },
            "fit": round(self.fit, 3),
            "weights": dict(MATCH_WEIGHTS),
            "full_marks": FULL_MARKS,
        }


EMPTY = MatchScore(
    0, (), KindCoverage(REQUIRED), KindCoverage(RESPONSIBILITY), KindCoverage(PREFERRED), 0.0, 0, 0, 0.0, 0.0, 0.0
)


def status_of(similarity: float) -> Status:
    if similarity >= MET_SIMILARITY:
        return Status.MET
    if similarity >= PARTIAL_SIMILARITY:
        return Status.PARTIAL
    return Status.MISSING


def credit_of(similarity: float) -> float:
    status = status_of(similarity)
    if status is Status.MET:
        return 1.0
    if status is Status.PARTIAL:
        rise = (similarity - PARTIAL_SIMILARITY) / (MET_SIMILARITY - PARTIAL_SIMILARITY)
        return PARTIAL_CREDIT + (1 - PARTIAL_CREDIT) * rise
    return 0.0


def fit_texts(resume: Resume) -> list[str]:
    """What the fit reads besides the bullets: the shown entries' titles and skill lines."""
    texts = [entry.title for entry, _ in resume.shown_entries(visible_only=True) if entry.title.strip()]
    for section in resume.sections:
        if not section.hidden:
            texts += [" ".join([skill.name, *skill.keywords]).strip() for skill in section.skills]
    return [text for text in texts if text]


def evidence_lines(resume: Resume) -> list[str]:
    """What can show a requirement besides the bullets: each shown entry's title line (a
    position, a degree with its field, a certificate, with its organization). "CPA license
    preferred" is met by the title "Certified Public Accountant", "Bachelor's degree in
    Computer Science" by the degree, not by a bullet. Skill lines were tried and left out:
    short lines such as "Proficiency in accounting software" came out as close to "Proficiency
    in Java (3+ years)" as a real match (their wording, not their meaning, matches); the
    keywords part already counts the skills a resume names."""
    lines = []
    for entry, _ in resume.shown_entries(visible_only=True):
        area = entry.details.get("area") if isinstance(entry.details.get("area"), str) else ""
        head = " ".join(part for part in (entry.title.strip(), area.strip()) if part)
        lines.append(", ".join(part for part in (head, entry.organization.strip()) if part))
    return [line for line in dict.fromkeys(lines) if line]


def fit_similarity(bullet_vectors: np.ndarray, other_vectors: np.ndarray, requirement_vectors: np.ndarray) -> float:
    """How close the resume reads to the posting: the mean cosine of its FIT_BULLETS shown
    bullets closest to the posting (a resume showing fewer counts 0 for each one short),
    its titles and skill lines (`other_vectors`) with the posting's mean requirement. So a
    hidden bullet counts as if it were not there, and hiding one never raises the fit."""
    if not len(requirement_vectors):
        return 0.0
    posting = requirement_vectors.mean(axis=0)
    norm = float(np.linalg.norm(posting))
    if not norm:
        return 0.0
    posting = posting / norm
    closest = np.sort(np.clip(bullet_vectors @ posting, 0.0, None))[::-1][:FIT_BULLETS] if len(bullet_vectors) else []
    others = np.clip(other_vectors @ posting, 0.0, None) if len(other_vectors) else []
    return float(np.sum(closest) + np.sum(others)) / (FIT_BULLETS + len(others))


def _coverage(kind: RequirementKind, items: list[RequirementScore]) -> KindCoverage:
    of_kind = [item for item in items if item.kind == kind]
    if not of_kind:
        return KindCoverage(kind)
    return KindCoverage(
        kind,
        met=sum(1 for item in of_kind if item.status is Status.MET),
        partial=sum(1 for item in of_kind if item.status is Status.PARTIAL),
        total=len(of_kind),
        share=sum(item.credit for item in of_kind) / len(of_kind),
    )


def score_match(
    similarity: np.ndarray | None,
    bullet_ids: list[str],
    requirements: list[Requirement],
    keywords: list[Keyword],
    matched: set[str] | tuple[str, ...],
    fit: float = 0.0,
    line_similarity: np.ndarray | None = None,
    lines: list[str] | tuple[str, ...] = (),
) -> MatchScore:
    """`similarity`: shown bullets x requirements (rows in `bullet_ids` order); `matched`: the
    keyword terms the resume names; `fit`: `fit_similarity` of the resume and the posting;
    `line_similarity`: the resume's `evidence_lines` (`lines`) x requirements."""
    rows = 0 if similarity is None else len(similarity)
    line_rows = 0 if line_similarity is None else len(line_similarity)
    items = []
    for column, requirement in enumerate(requirements):
        value, evidence, line = 0.0, "", ""
        if rows:
            best = int(np.argmax(similarity[:, column]))
            value, evidence = float(similarity[best, column]), bullet_ids[best]
        if line_rows:
            best_line = int(np.argmax(line_similarity[:, column]))
            if float(line_similarity[best_line, column]) > value:
                value, evidence, line = float(line_similarity[best_line, column]), "", lines[best_line]
        items.append(
            RequirementScore(
                requirement.text,
                requirement.kind,
                requirement.weight,
                status_of(value),
                evidence,
                round(value, 3),
                credit_of(value),
                line,
            )
        )
    total_weight = sum(item.weight for item in items)
    requirement_share = sum(item.weight * item.credit for item in items) / total_weight if total_weight else 0.0
    keyword_weight = sum(keyword.weight for keyword in keywords)
    found = [keyword for keyword in keywords if keyword.term in matched]
    keyword_share = sum(keyword.weight for keyword in found) / keyword_weight if keyword_weight else 0.0
    fit_part = float(np.clip((fit - FIT_FLOOR) / (FIT_CEILING - FIT_FLOOR), 0.0, 1.0))
    points = (
        MATCH_WEIGHTS["requirements"] * requirement_share
        + MATCH_WEIGHTS["keywords"] * keyword_share
        + MATCH_WEIGHTS["fit"] * fit_part
    )
    return MatchScore(
        total=round(100 * min(1.0, points / FULL_MARKS)) if requirements else 0,
        requirements=tuple(items),
        required=_coverage(REQUIRED, items),
        responsibilities=_coverage(RESPONSIBILITY, items),
        preferred=_coverage(PREFERRED, items),
        requirement_share=requirement_share,
        keywords_matched=len(found),
        keywords_total=len(keywords),
        keyword_share=keyword_share,
        fit_similarity=round(fit, 3),
        fit=fit_part,
    )
