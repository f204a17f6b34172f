"""How much of a posting a version fitted to a page budget still covers, with and without the
bonus that keeps each requirement's last covering bullet (tailoring.budget.SOLE_COVER_BONUS).

For every corpus resume with bullets (../shared/corpus/truth) against every corpus posting
(../shared/corpus/jobs/*.txt), the suggestion is fitted to one page, and to two pages when the
master is longer, twice in the same run: bullets valued by ranking score alone (the
baseline), then with the bonus. Printed per budget: the mean coverage of the posting's
requirements by the fitted version's bullets (as the match score's requirement part:
best cosine per requirement scaled between the ranker's floor and ceiling, weighted by
kind), the pairs where the bonus covers more / less, and the renders per fitting.

Run: .venv/bin/python bench/fit_coverage.py [--postings N]   (N: the first N postings only)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("RESUME_APP_DATA_DIR", tempfile.mkdtemp(prefix="fit-coverage-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from resume_app.matching.ranker import COVERAGE_CEILING, COVERAGE_FLOOR  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def coverage(similarity: np.ndarray, weights: np.ndarray, rows: list[int]) -> float:
    """Kind-weighted mean over the requirements of how well the best shown bullet covers each:
    its cosine scaled from the ranker's floor (0) to its ceiling (1)."""
    if not rows:
        return 0.0
    best = similarity[rows].max(axis=0)
    scaled = np.clip((best - COVERAGE_FLOOR) / (COVERAGE_CEILING - COVERAGE_FLOOR), 0.0, 1.0)
    return float((scaled * weights).sum() / weights.sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=0)
    args = parser.parse_args()

    from resume_app.core import json_resume
    from resume_app.core.model import apply_version
    from resume_app.matching.ranker import prepare
    from resume_app.tailoring import budget, service, versions
    from resume_app.tailoring.embedding import embedder
    from resume_app.tailoring.suggestion import suggested_order

    embedder().load()
    resumes = []
    for path in sorted((CORPUS / "truth").glob("*.json")):
        resume = json_resume.loads(path.read_bytes())
        # A one-page master fits one page as it is: nothing to compare.
        if resume.bullets() and (pages := service.master_pages(resume)) > 1:
            resumes.append((path.stem, resume, pages))
    postings = sorted(p for p in (CORPUS / "jobs").glob("*.txt") if not p.name.endswith(".flat.txt"))
    if args.postings:
        postings = postings[: args.postings]

    results: dict[int, list[tuple[float, float, int, int]]] = {1: [], 2: []}
    for posting_path in postings:
        prepared = prepare(posting_path.read_text(encoding="utf-8"))
        requirement_vectors = embedder().encode([item.text for item in prepared.analysis.requirements])
        for _, resume, pages in resumes:
            bullet_ids = [bullet.id for bullet in resume.bullets()]
            similarity = embedder().encode([bullet.text for bullet in resume.bullets()]) @ requirement_vectors.T
            everything = service.rank_version(resume, prepared, bullet_ids)
            chosen = versions.normalized(resume, suggested_order(everything))
            tailored = apply_version(resume, chosen)
            for budget_pages in (1, 2):
                if budget_pages == 2 and pages <= 2:
                    continue
                shares, renders = [], []
                for bonus in (0.0, budget.SOLE_COVER_BONUS):
                    values = budget.fitting_values(everything.bullets, set(chosen), bonus)
                    fitted = budget.fit_to_pages(tailored, values, budget_pages)
                    shown = set(fitted.bullet_ids)
                    rows = [row for row, bullet_id in enumerate(bullet_ids) if bullet_id in shown]
                    shares.append(coverage(similarity, prepared.weights, rows))
                    renders.append(fitted.renders)
                results[budget_pages].append((shares[0], shares[1], renders[0], renders[1]))

    print(f"{len(resumes)} resumes over one page x {len(postings)} postings; bonus {budget.SOLE_COVER_BONUS:g}")
    header = ("budget", "pairs", "coverage: score only", "with bonus", "more", "less", "renders")
    print("{:8s} {:>5s} {:>20s} {:>11s} {:>5s} {:>6s} {:>8s}".format(*header))
    for budget_pages, rows in results.items():
        if not rows:
            continue
        base = statistics.mean(row[0] for row in rows)
        bonus = statistics.mean(row[1] for row in rows)
        more = sum(1 for row in rows if row[1] > row[0] + 1e-9)
        fewer = sum(1 for row in rows if row[1] < row[0] - 1e-9)
        renders = statistics.mean(row[3] for row in rows)
        label = f"{budget_pages} page" + ("s" if budget_pages > 1 else "")
        print(f"{label:8s} {len(rows):5d} {base:20.3f} {bonus:11.3f} {more:5d} {fewer:6d} {renders:8.1f}")


if __name__ == "__main__":
    main()
