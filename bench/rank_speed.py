"""How fast ranking feels: cold, warm (a new posting, bullets cached), and re-ranking.

Cases, in one run on this machine:
- cold: a 40-bullet resume against a 30-requirement posting with an empty cache
  (every bullet and requirement goes through the model);
- warm: a new 30-requirement posting against bullets already cached, as a ratio to
  bare `model.encode(requirements)` of the same requirements (target <= 1.3x): the
  requirements must be encoded anyway, everything else is our overhead;
- re-rank: the 500-bullet bank again after a reorder, everything cached (target <= 20 ms);
- peak RSS of the process with the model loaded (target <= 1 GB).

Run: .venv/bin/python bench/rank_speed.py
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import median_ms  # noqa: E402

os.environ.setdefault("RESUME_APP_DATA_DIR", tempfile.mkdtemp(prefix="rank-speed-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPEATS = 7


def _resume(texts: list[str]):
    from resume_app.core import editing
    from resume_app.core.model import Resume

    resume = Resume()
    resume.contact.name = "Bench Person"
    entries = [editing.add_entry(resume, "work") for _ in range(max(1, len(texts) // 20))]
    for index, text in enumerate(texts):
        editing.add_bullet(resume, entries[index % len(entries)].id, text)
    return resume


def _posting(name: str, count: int = 30) -> tuple[str, list[str]]:
    """A posting of `count` requirements taken from a real corpus posting."""
    from resume_app.matching.requirements import analyze_posting

    analysis = analyze_posting((CORPUS / "jobs" / f"{name}.txt").read_text(encoding="utf-8"))
    requirements = [item.text for item in analysis.requirements][:count]
    return "Requirements:\n" + "\n".join(f"- {text}" for text in requirements), requirements


def main() -> None:
    from resume_app.matching.embedder import Embedder
    from resume_app.matching.ranker import prepare, rank
    from resume_app.storage.vector_cache import DatabaseVectorCache

    pool = [json.loads(line)["text"] for line in (CORPUS / "labeled" / "ranking_dev.jsonl").read_text().splitlines()]
    rng = random.Random(7)
    bank = [
        f"{text} ({rng.choice(['Q1', 'Q2', 'Q3', 'Q4'])} {2015 + index % 10})" for index, text in enumerate(pool * 5)
    ]
    bank = list(dict.fromkeys(bank))[:500] + pool[: max(0, 500 - len(set(bank)))]
    small, large = _resume(pool[:40]), _resume(bank[:500])

    start = time.perf_counter()
    embedder = Embedder(cache=DatabaseVectorCache())
    model = embedder.load()
    load_s = time.perf_counter() - start

    posting_a, _ = _posting("indeed_150_devops_engineer")
    start = time.perf_counter()
    rank(small, posting_a, embedder)
    cold_ms = (time.perf_counter() - start) * 1000

    rank(large, posting_a, embedder)  # caches the whole bank
    warm, bare, encoded_per_posting = [], [], []
    for variant in range(6):
        # A posting never seen before: its requirements are in no cache (the variant tag
        # makes every text new), while the bank's bullets are all cached.
        name = ("indeed_321_sr_full_stack_java_web_developer", "indeed_414_data_engineer")[variant % 2]
        _, requirements = _posting(name)
        requirements = [f"{text} ref{variant}x" for text in requirements]
        text = "Requirements:\n" + "\n".join(f"- {item}" for item in requirements)
        before = embedder.encoded_count
        start = time.perf_counter()
        rank(large, text, embedder)
        warm.append((time.perf_counter() - start) * 1000)
        encoded_per_posting.append(embedder.encoded_count - before)
        # Bare encoding of the requirements the ranker encoded, made new again (another tag).
        encoded = [item.text for item in prepare(text).analysis.requirements]
        fresh = [item.replace(f"ref{variant}x", f"ref{variant + 10}x") for item in encoded]
        start = time.perf_counter()
        model.encode(fresh, batch_size=64, normalize_embeddings=True)
        bare.append((time.perf_counter() - start) * 1000)
    rerank_ms = median_ms(lambda: rank(large, posting_a, embedder), REPEATS)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"model load: {load_s:.1f} s")
    print(f"{'case':<58}{'ms':>9}")
    print(f"{'cold: 40 bullets x 30 requirements, empty cache':<58}{cold_ms:>9.1f}")
    print(f"{'warm: 500 cached bullets x new 30-requirement posting':<58}{statistics.median(warm):>9.1f}")
    print(f"{'  bare model.encode(30 requirements), same postings':<58}{statistics.median(bare):>9.1f}")
    ratio = statistics.median(warm) / statistics.median(bare)
    print(f"{'  warm / bare (target <= 1.3x)':<58}{ratio:>8.2f}x")
    print(f"  texts the model encoded per new posting: {sorted(set(encoded_per_posting))} (requirements only)")
    print(f"{'re-rank: 500 bullets after a reorder, all cached (<= 20 ms)':<58}{rerank_ms:>9.1f}")
    print(f"peak RSS with the model loaded: {peak_mb:.0f} MB (target <= 1024 MB)")


if __name__ == "__main__":
    main()
