"""How well `resume-app rank` orders resume bullets for a job posting: NDCG@5 and NDCG@10.

The graded set is ../shared/corpus/labeled/ (read its README): 120 bullets, each graded
0-3 against 5 real postings. As that README prescribes, all 120 bullets go into one test
resume (a JSON Resume with one work entry per bullet `role`, highlights in id order, every
entry with the same dates so recency is no signal), which each ranker orders against the
whole posting file, once as structured text (NAME.txt) and once flattened to one
paragraph (NAME.flat.txt), since users paste both. Returned texts are mapped back to pool
ids after normalising them (`normalize_text`); a text that matches no pool bullet, or one
already returned, keeps its place with gain 0. NDCG@k uses gain 2^grade - 1, the log2
discount, and the ideal order of the posting's whole pool.

Rankers, all in the same run on the same resume:
    ours          the product ranker, resume_app.matching (`rank_with_ours`); skipped with
                  one line while it does not exist yet
    bm25, tfidf,  the baselines in bench/rank_baselines.py, whose docstrings say exactly
    whole-emb,    what each computes; the embedding ones use all-MiniLM-L6-v2 from the
    best-line     bundled package, loaded once

Output, top to bottom:
- the mean over the postings of NDCG@5 and NDCG@10 per ranker, structured and flat, and
  each ranker's total ranking time (model loading and pool-bullet encoding excluded);
- the README's reference points next to this run's figures for the same baselines;
- NDCG@5 per posting, structured then flat;
- the target: ours beats every baseline by >= 0.05 mean NDCG@5, on structured and on
  flat. This is information: the exit status is 0 either way;
- leave-one-posting-out (`weight_study`): for each posting, the WEIGHT_GRID weighting of
  ours' score components with the best mean NDCG@5 on the other postings (structured and
  flat together; ties to NDCG@10) and its NDCG@5 on the held-out posting, beside the
  in-sample figure of the shipped weights, BM25 and best-line; the weights the same rule
  chooses on all postings, which ranker.SCORE_WEIGHTS should be; and the targets (LOO
  NDCG@5 >= 0.88 structured and flat, no posting below BM25).

Run: .venv/bin/python bench/rank_quality.py [--posting ID ...] [--dump ID [--dump-ranker NAME]]
  --posting ID   only this posting (repeat for several); means then cover those only
  --dump ID      after the tables, the top 15 of ours (or --dump-ranker) for posting ID,
                 structured and flat, with each bullet's grade, and where the missed
                 grade-3 bullets ended up
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import rank_baselines
from resume_app.core.json_resume import from_json_resume
from resume_app.core.model import Resume

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LABELS = CORPUS / "labeled" / "ranking_dev.jsonl"
JOBS = CORPUS / "jobs"
POSTING_IDS = ("indeed_150", "indeed_321", "indeed_974", "indeed_496", "indeed_357")
FORMS = ("structured", "flat")
CUTOFFS = (5, 10)
TARGET_MARGIN = 0.05
DUMP_TOP = 15
# Same dates on every entry, so that a ranker weighting recent jobs gains nothing here.
SHARED_DATES = {"startDate": "2019-01", "endDate": "2021-12"}

# The README's reference points: (ranker, form) -> (NDCG@5, NDCG@10), mean over all 5 postings.
REFERENCE = {
    ("bm25", "structured"): (0.742, 0.647),
    ("bm25", "flat"): (0.742, 0.633),
    ("best-line", "structured"): (0.805, 0.737),
    ("best-line", "flat"): (0.674, 0.643),
}
# The reference figures are printed to 3 decimals; allow that rounding and a little more for
# floating-point differences in the embedding model.
REFERENCE_TOLERANCE = 0.002

# A ranker takes the test resume and the posting text, returns bullet texts best first.
Ranker = Callable[[Resume, str], list[str]]


# ---------------------------------------------------------------- the graded pool


@dataclass(frozen=True)
class PoolBullet:
    id: str
    text: str
    role: str
    grades: dict[str, int]  # posting id -> grade 0..3


def load_pool(path: Path = LABELS) -> list[PoolBullet]:
    """The graded bullets in file (= id) order."""
    pool = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                pool.append(PoolBullet(record["id"], record["text"], record["role"], record["grades"]))
    texts = [normalize_text(bullet.text) for bullet in pool]
    # Mapping returned texts back to ids only works if no two bullets normalise alike.
    assert len(set(texts)) == len(texts), "two pool bullets have the same normalised text"
    return pool


def pool_json_resume(pool: Sequence[PoolBullet]) -> dict[str, Any]:
    """A JSON Resume holding every pool bullet: one work entry per role, highlights in id order.

    Positions and companies are neutral ("Role 3", "Company 3") so the measurement is about
    the bullets' text; the role names are grouping labels, not a resume's job titles.
    """
    roles = list(dict.fromkeys(bullet.role for bullet in pool))
    work = [
        {
            "name": f"Company {number}",
            "position": f"Role {number}",
            **SHARED_DATES,
            "highlights": [bullet.text for bullet in pool if bullet.role == role],
        }
        for number, role in enumerate(roles, start=1)
    ]
    return {"basics": {"name": "Pool Person"}, "work": work}


def pool_resume(pool: Sequence[PoolBullet]) -> Resume:
    """`pool_json_resume` as a core Resume, the way `resume-app rank` reads a .json resume."""
    return from_json_resume(pool_json_resume(pool))


def load_posting(posting_id: str, form: str) -> str:
    """The posting file's whole text; `form` is "structured" (NAME.txt) or "flat" (NAME.flat.txt)."""
    files = [path for path in JOBS.glob(f"{posting_id}_*.txt") if path.name.endswith(".flat.txt") == (form == "flat")]
    if len(files) != 1:
        raise SystemExit(f"expected one {form} file for {posting_id} in {JOBS}, found {len(files)}")
    return files[0].read_text(encoding="utf-8")


# ---------------------------------------------------------------- mapping texts and scoring

_ASCII_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_LEADING_BULLET_MARK = re.compile(r"^(?:[-*+\u2022\u00b7\u2023\u2043\u2219\u25aa\u25ab\u25cf\u25e6\u25a0\u25a1]\s*)+")


def normalize_text(text: str) -> str:
    """The README's normalisation: NFKC, curly quotes and dashes to ASCII, whitespace
    collapsed, leading bullet marks and a trailing period dropped, case-folded."""
    text = unicodedata.normalize("NFKC", text).translate(_ASCII_PUNCTUATION)
    text = " ".join(text.split())
    text = _LEADING_BULLET_MARK.sub("", text)
    text = text.removesuffix(".").rstrip()
    return text.casefold()


def map_texts_to_ids(texts: Sequence[str], pool: Sequence[PoolBullet]) -> list[str | None]:
    """Pool id of each returned text, in order; None where it matches no pool bullet or
    repeats one already returned (the README gives such a place gain 0)."""
    ids_by_text = {normalize_text(bullet.text): bullet.id for bullet in pool}
    seen: set[str] = set()
    ids: list[str | None] = []
    for text in texts:
        bullet_id = ids_by_text.get(normalize_text(text))
        if bullet_id in seen:
            bullet_id = None
        if bullet_id is not None:
            seen.add(bullet_id)
        ids.append(bullet_id)
    return ids


def dcg(grades: Sequence[int], k: int) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:k]))


def ndcg(ranked_grades: Sequence[int], pool_grades: Sequence[int], k: int) -> float:
    """NDCG@k against the ideal order of the whole pool's grades (the README's definition)."""
    ideal = dcg(sorted(pool_grades, reverse=True), k)
    return dcg(ranked_grades, k) / ideal if ideal else 0.0


def ranked_grades(ids: Sequence[str | None], pool: Sequence[PoolBullet], posting_id: str) -> list[int]:
    grade_by_id = {bullet.id: bullet.grades[posting_id] for bullet in pool}
    return [grade_by_id.get(bullet_id, 0) if bullet_id else 0 for bullet_id in ids]


def score_ranking(texts: Sequence[str], pool: Sequence[PoolBullet], posting_id: str) -> dict[int, float]:
    """NDCG at each of CUTOFFS for one ranking (bullet texts, best first) of one posting."""
    grades = ranked_grades(map_texts_to_ids(texts, pool), pool, posting_id)
    pool_grades = [bullet.grades[posting_id] for bullet in pool]
    return {k: ndcg(grades, pool_grades, k) for k in CUTOFFS}


# ---------------------------------------------------------------- rankers


def rank_with_ours(resume: Resume, posting_text: str) -> list[str]:
    """The product ranker's bullet texts, best first.

    The one place that knows the product ranker's API: adjust it here when that API lands
    or changes. Accepts a result with `.bullets` or ["bullets"] (the `rank --json` shape),
    or a plain list; each item a text, a dict with "text", or an object with `.text`.
    """
    from resume_app.matching.embedder import shared_embedder
    from resume_app.matching.ranker import rank

    ranking = rank(resume, posting_text, shared_embedder())
    return [bullet.text for bullet in ranking.bullets]


def _item_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        return item["text"]
    return item.text


def ours_is_available() -> bool:
    """Whether the product ranker can be imported; prints one line when it cannot."""
    try:
        from resume_app.matching.ranker import rank  # noqa: F401
    except ImportError as error:
        print(f"ours: not available yet ({error})")
        return False
    return True


def baseline_ranker(rank_indices: Callable[[list[str], str], list[int]]) -> Ranker:
    """Wrap an index-returning baseline so it reads the resume and returns texts like ours."""

    def rank_texts(resume: Resume, posting_text: str) -> list[str]:
        bullets = [bullet.text for bullet in resume.bullets()]
        return [bullets[index] for index in rank_indices(bullets, posting_text)]

    return rank_texts


def baseline_rankers(encoder: rank_baselines.Encoder) -> dict[str, Ranker]:
    return {
        "bm25": baseline_ranker(rank_baselines.bm25_rank),
        "tfidf": baseline_ranker(rank_baselines.tfidf_rank),
        "whole-emb": baseline_ranker(partial(rank_baselines.whole_posting_rank, encoder=encoder)),
        "best-line": baseline_ranker(partial(rank_baselines.best_line_rank, encoder=encoder)),
    }


# ---------------------------------------------------------------- running


@dataclass
class Run:
    posting_ids: list[str]
    rankers: list[str]
    # (ranker, form, posting id) -> {k: NDCG@k}
    scores: dict[tuple[str, str, str], dict[int, float]]
    # (ranker, form, posting id) -> returned texts, best first
    rankings: dict[tuple[str, str, str], list[str]]
    seconds: dict[str, float]  # ranker -> total ranking time

    def mean(self, ranker: str, form: str, k: int) -> float:
        values = [self.scores[ranker, form, posting_id][k] for posting_id in self.posting_ids]
        return sum(values) / len(values)


def run_rankers(rankers: dict[str, Ranker], pool: Sequence[PoolBullet], posting_ids: list[str]) -> Run:
    run = Run(posting_ids, list(rankers), {}, {}, dict.fromkeys(rankers, 0.0))
    for form in FORMS:
        for posting_id in posting_ids:
            posting_text = load_posting(posting_id, form)
            for name, ranker in rankers.items():
                # A fresh resume per call, so a ranker that edits its input cannot affect the next.
                resume = pool_resume(pool)
                start = time.perf_counter()
                texts = ranker(resume, posting_text)
                run.seconds[name] += time.perf_counter() - start
                run.rankings[name, form, posting_id] = texts
                run.scores[name, form, posting_id] = score_ranking(texts, pool, posting_id)
    return run


# ---------------------------------------------------------------- choosing the weights

# The candidate weights of the product ranker's score (ranker.SCORE_WEIGHTS). Only their
# ratios change an order, so the semantic weight stays at 0.6 (the scale users know the
# scores on) and the three others move around it.
SEMANTIC_WEIGHT = 0.6
WEIGHT_GRID = {
    "lexical": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3),
    "keywords": (0.0, 0.1, 0.2, 0.3, 0.4),
    "quality": (0.0, 0.05, 0.1),
}
LOO_TARGET = 0.88


@dataclass
class WeightStudy:
    """NDCG of every candidate weighting on every posting and form, from score components
    computed once per posting (ranker.components_of), so trying a weighting costs a sort."""

    posting_ids: list[str]
    candidates: list[dict[str, float]]
    ndcg: dict[tuple[int, str, str], dict[int, float]]  # (candidate, form, posting id) -> {k: NDCG@k}

    def mean(self, candidate: int, posting_ids: Sequence[str], k: int, forms: Sequence[str] = FORMS) -> float:
        values = [self.ndcg[candidate, form, posting_id][k] for form in forms for posting_id in posting_ids]
        return sum(values) / len(values)

    def choose(self, posting_ids: Sequence[str]) -> int:
        """The candidate with the best mean NDCG@5 over these postings, structured and flat
        together; ties go to the better NDCG@10, then to the first in grid order."""
        return min(
            range(len(self.candidates)),
            key=lambda c: (-round(self.mean(c, posting_ids, 5), 9), -round(self.mean(c, posting_ids, 10), 9), c),
        )

    def leave_one_out(self) -> dict[str, int]:
        """Posting id -> the candidate chosen on all the other postings."""
        return {held: self.choose([p for p in self.posting_ids if p != held]) for held in self.posting_ids}


def weight_candidates() -> list[dict[str, float]]:
    names = list(WEIGHT_GRID)
    return [
        {"semantic": SEMANTIC_WEIGHT, **dict(zip(names, values, strict=True))}
        for values in itertools.product(*(WEIGHT_GRID[name] for name in names))
    ]


def weight_study(pool: Sequence[PoolBullet], posting_ids: Sequence[str]) -> WeightStudy:
    """Score every candidate weighting on the pool resume, the way rank() orders bullets
    (rounded scores, ties in the resume's order)."""
    from resume_app.matching.embedder import shared_embedder
    from resume_app.matching.ranker import bullet_scores, components_of

    embedder = shared_embedder()
    candidates = weight_candidates()
    study = WeightStudy(list(posting_ids), candidates, {})
    for form in FORMS:
        for posting_id in posting_ids:
            texts, components = components_of(pool_resume(pool), load_posting(posting_id, form), embedder)
            grades = np.array(ranked_grades(map_texts_to_ids(texts, pool), pool, posting_id))
            pool_grades = [bullet.grades[posting_id] for bullet in pool]
            for index, weights in enumerate(candidates):
                order = np.argsort(-bullet_scores(components, weights), kind="stable")
                ranked = grades[order].tolist()
                study.ndcg[index, form, posting_id] = {k: ndcg(ranked, pool_grades, k) for k in CUTOFFS}
    return study


# ---------------------------------------------------------------- printing


def print_means(run: Run) -> None:
    print(f"\nMean over {len(run.posting_ids)} posting(s): {', '.join(run.posting_ids)}")
    print(f"{'':<12}{'structured':^18}{'flat':^18}{'rank s':>8}")
    print(f"{'ranker':<12}" + f"{'NDCG@5':>9}{'NDCG@10':>9}" * 2 + f"{'total':>8}")
    for name in run.rankers:
        cells = "".join(f"{run.mean(name, form, k):>9.3f}" for form in FORMS for k in CUTOFFS)
        print(f"{name:<12}{cells}{run.seconds[name]:>8.2f}")


def print_reference_check(run: Run) -> None:
    print("\nREADME reference points (all 5 postings) vs this run:")
    if sorted(run.posting_ids) != sorted(POSTING_IDS):
        print("  not compared: this run covers only some postings")
        return
    for (name, form), expected in REFERENCE.items():
        measured = tuple(run.mean(name, form, k) for k in CUTOFFS)
        matches = all(abs(got - want) <= REFERENCE_TOLERANCE for got, want in zip(measured, expected, strict=True))
        pairs = "  ".join(
            f"@{k} {want:.3f} vs {got:.3f}" for k, want, got in zip(CUTOFFS, expected, measured, strict=True)
        )
        print(f"  {name:<10}{form:<11}{pairs}  {'reproduced' if matches else 'DIFFERS'}")


def print_per_posting(run: Run) -> None:
    for form in FORMS:
        print(f"\nNDCG@5 per posting, {form}")
        print(f"{'ranker':<12}" + "".join(f"{posting_id:>12}" for posting_id in run.posting_ids))
        for name in run.rankers:
            cells = "".join(f"{run.scores[name, form, posting_id][5]:>12.3f}" for posting_id in run.posting_ids)
            print(f"{name:<12}{cells}")


def print_target(run: Run) -> None:
    print(f"\nTarget: ours beats every baseline by >= {TARGET_MARGIN:.2f} mean NDCG@5, on structured and on flat")
    if "ours" not in run.rankers:
        print("  not checked: ours not available yet")
        return
    baselines = [name for name in run.rankers if name != "ours"]
    verdicts = []
    for form in FORMS:
        best = max(baselines, key=lambda name: run.mean(name, form, 5))
        margin = run.mean("ours", form, 5) - run.mean(best, form, 5)
        met = margin >= TARGET_MARGIN
        verdicts.append(met)
        print(
            f"  {form:<11}ours {run.mean('ours', form, 5):.3f}, best baseline {best} {run.mean(best, form, 5):.3f}: "
            f"margin {margin:+.3f} {'met' if met else 'NOT met'}"
        )
    print(f"  overall: {'MET' if all(verdicts) else 'NOT MET'}")


def _weights_text(weights: dict[str, float]) -> str:
    return " ".join(f"{name[:3]} {weights.get(name, 0.0):.2f}" for name in ("semantic", *WEIGHT_GRID))


def print_leave_one_out(run: Run, study: WeightStudy) -> None:
    from resume_app.matching.ranker import SCORE_WEIGHTS

    chosen = study.leave_one_out()
    print(
        "\nLeave-one-posting-out NDCG@5: per posting, the weights (grid below) with the best mean NDCG@5 on the"
        "\nother postings, structured and flat together, scored on the held-out one; in-sample = the shipped weights"
    )
    print(
        f"  grid: semantic {SEMANTIC_WEIGHT}, " + ", ".join(f"{name} {values}" for name, values in WEIGHT_GRID.items())
    )
    columns = [("LOO", "structured"), ("LOO", "flat"), ("in", "structured"), ("in", "flat")]
    columns += [(name, form) for name in ("bm25", "best-line") for form in FORMS]
    print(
        f"{'posting':<12}{'weights chosen on the others':<36}"
        + "".join(f"{a[:4] + ' ' + f[:4]:>11}" for a, f in columns)
    )
    figures: dict[tuple[str, str], list[float]] = {column: [] for column in columns}
    below_bm25 = []
    for posting_id in study.posting_ids:
        cells = []
        for name, form in columns:
            if name == "LOO":
                value = study.ndcg[chosen[posting_id], form, posting_id][5]
            else:
                value = run.scores["ours" if name == "in" else name, form, posting_id][5]
            figures[name, form].append(value)
            cells.append(value)
            if name in ("LOO", "in") and value < run.scores["bm25", form, posting_id][5] - 1e-9:
                below_bm25.append(f"{posting_id} {form} ({'leave-one-out' if name == 'LOO' else 'in-sample'})")
        print(
            f"{posting_id:<12}{_weights_text(study.candidates[chosen[posting_id]]):<36}"
            + "".join(f"{value:>11.3f}" for value in cells)
        )
    print(f"{'mean':<48}" + "".join(f"{sum(values) / len(values):>11.3f}" for values in figures.values()))
    on_all = study.candidates[study.choose(study.posting_ids)]
    same = all(abs(on_all[name] - SCORE_WEIGHTS.get(name, 0.0)) < 1e-9 for name in on_all)
    print(f"  chosen on all {len(study.posting_ids)} postings: {_weights_text(on_all)}")
    print(f"  shipped ranker.SCORE_WEIGHTS:  {_weights_text(SCORE_WEIGHTS)} ({'the same' if same else 'DIFFERENT'})")
    verdicts = []
    for form in FORMS:
        value = sum(figures["LOO", form]) / len(figures["LOO", form])
        verdicts.append(value >= LOO_TARGET)
        print(f"  target LOO NDCG@5 >= {LOO_TARGET} {form}: {value:.3f} {'met' if verdicts[-1] else 'NOT met'}")
    print(f"  postings below BM25: {', '.join(below_bm25) or 'none'}")
    print(f"  overall: {'MET' if all(verdicts) and not below_bm25 else 'NOT MET'}")


def print_dump(run: Run, pool: Sequence[PoolBullet], ranker: str, posting_id: str) -> None:
    bullets_by_id = {bullet.id: bullet for bullet in pool}
    for form in FORMS:
        texts = run.rankings[ranker, form, posting_id]
        ids = map_texts_to_ids(texts, pool)
        print(
            f"\n{ranker} top {DUMP_TOP} for {posting_id}, {form} (NDCG@5 {run.scores[ranker, form, posting_id][5]:.3f})"
        )
        for rank, (text, bullet_id) in enumerate(zip(texts[:DUMP_TOP], ids[:DUMP_TOP], strict=True), start=1):
            grade = bullets_by_id[bullet_id].grades[posting_id] if bullet_id else "-"
            print(f"  {rank:>2}  g{grade}  {bullet_id or 'no match':<8}  {text[:95]}")
        rank_by_id = {bullet_id: rank for rank, bullet_id in enumerate(ids, start=1) if bullet_id}
        missed = [
            f"{bullet.id}@{rank_by_id.get(bullet.id, 'absent')}"
            for bullet in pool
            if bullet.grades[posting_id] == 3 and rank_by_id.get(bullet.id, math.inf) > DUMP_TOP
        ]
        print(f"  grade-3 bullets below the top {DUMP_TOP} (id@rank): {', '.join(missed) or 'none'}")


# ---------------------------------------------------------------- main


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posting", action="append", choices=POSTING_IDS, help="only this posting (repeatable)")
    parser.add_argument("--dump", choices=POSTING_IDS, help="print a ranker's top 15 for this posting")
    parser.add_argument("--dump-ranker", default="ours", help="whose ranking --dump prints (default: ours)")
    arguments = parser.parse_args()
    arguments.posting = list(dict.fromkeys(arguments.posting or POSTING_IDS))
    if arguments.dump and arguments.dump not in arguments.posting:
        parser.error(f"--dump {arguments.dump} needs that posting in the run (add --posting {arguments.dump})")
    return arguments


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    arguments = parse_arguments()
    started = time.perf_counter()
    pool = load_pool()

    rankers: dict[str, Ranker] = {}
    if ours_is_available():
        rankers["ours"] = rank_with_ours
    load_start = time.perf_counter()
    encoder = rank_baselines.Encoder()
    # Encode the pool once up front, so the first embedding ranker's time is not inflated.
    encoder.encode([bullet.text for bullet in pool])
    print(f"model loaded and {len(pool)} pool bullets encoded in {time.perf_counter() - load_start:.1f} s")
    rankers.update(baseline_rankers(encoder))

    run = run_rankers(rankers, pool, arguments.posting)
    print_means(run)
    print_reference_check(run)
    print_per_posting(run)
    print_target(run)
    if "ours" in run.rankers and len(run.posting_ids) >= 2:
        print_leave_one_out(run, weight_study(pool, run.posting_ids))
    if arguments.dump:
        if arguments.dump_ranker in run.rankers:
            print_dump(run, pool, arguments.dump_ranker, arguments.dump)
        else:
            print(f"\n--dump: no ranker {arguments.dump_ranker!r} in this run (have: {', '.join(run.rankers)})")
    print(f"\ntotal runtime {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
