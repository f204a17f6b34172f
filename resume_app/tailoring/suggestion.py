"""From a ranking to a tailored version: which bullets, in which order, under which name."""

from __future__ import annotations

from resume_app.matching.ranker import Ranking
from resume_app.matching.requirements import PostingAnalysis

UNNAMED_VERSION = "Tailored version"


def suggested_order(ranking: Ranking) -> list[str]:
    """The suggested bullets' ids, best first (a version keeps this order within each job)."""
    suggested = set(ranking.suggested)
    return [bullet.id for bullet in ranking.bullets if bullet.id in suggested]


def version_name(analysis: PostingAnalysis | None) -> str:
    """ "Company - Title" as far as the posting tells them."""
    if analysis is None:
        return UNNAMED_VERSION
    parts = [part.strip() for part in (analysis.company, analysis.title) if part and part.strip()]
    return " - ".join(parts)[:120] or UNNAMED_VERSION
