"""Writing suggestions over every corpus bullet (issue 14).

Reports:
- bullets with at least one problem before and after applying every automatic suggestion
  (the first choice of each, in turn; questions for a figure wait for the person, so a
  missing figure is counted apart). A problem: a failed writing check of ats.py, or a rule
  that offers an automatic fix (tense, spacing, period, filler, generic or repeated verb);
- how many suggestions each rule made, and how many rewrites the gates refused, with why;
- the gate pass rate of what is shown, checked again from scratch (must be 100 %);
- time per bullet, and for a whole 40-bullet resume, with the embedding model warm
  (target: under 200 ms).

The counts come for the corpus truth files (what the rules were written against), then
held out: the layout generator's synthetic resumes, and with --imported FAMILY,... the
documents the generator rendered for those families as the importer reads them.

Run: .venv/bin/python bench/writing.py [--imported docx_gdocs,html_sidebar_left]
(OMP_NUM_THREADS=1 in front on a machine other jobs share)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.layouts.sources import SYNTHETIC  # noqa: E402
from bench.timing import median_ms  # noqa: E402
from resume_app.core import json_resume  # noqa: E402
from resume_app.core.model import Entry, Resume, Section  # noqa: E402
from resume_app.matching.embedder import shared_embedder  # noqa: E402
from resume_app.matching.suggestions import gates, rules  # noqa: E402
from resume_app.matching.suggestions.engine import (  # noqa: E402
    apply_automatic,
    contexts,
    suggest_bullet,
    suggest_resume,
)
from resume_app.matching.suggestions.picker import EmbeddingPicker, RecordingPicker  # noqa: E402
from tests.corpus import TRUTH_FILES  # noqa: E402

WRITING_CODES = {"weak-opener", "action-verb", "metric", "pronoun", "passive", "length", "buzzword"}


def problems(ctx, picker, achievements: bool) -> set[str]:
    found = gates.check_codes(ctx.text) & WRITING_CODES if achievements else set()
    found |= {item.kind for item in suggest_bullet(ctx, picker, achievements) if item.automatic}
    return found


def measure(title: str, resumes: list[Resume], picker) -> None:
    """Print problems before/after, suggestions per rule, refusals and the gate pass rate."""
    items = [(ctx, achievements) for resume in resumes for ctx, achievements in contexts(resume)]
    per_kind: Counter = Counter()
    refused_why: Counter = Counter()
    before_codes: Counter = Counter()
    after_codes: Counter = Counter()
    before_any = after_any = before_fixable = after_fixable = 0
    shown = passed = 0
    # Each job's bullets in turn, each seeing the ones before it as already rewritten (so a
    # verb that opened three bullets is counted as varied once its repeats are changed).
    job_texts: dict[tuple, list[str]] = {}
    for ctx, achievements in items:
        key = ctx.job_bullets
        running = job_texts.setdefault(key, list(key)) if key else []
        if running:
            ctx = replace(ctx, job_bullets=tuple(running))
        refused: list = []
        found = suggest_bullet(ctx, picker, achievements, refused)
        for item in found:
            per_kind[item.kind] += 1
            if item.kind in ("metric",):
                continue
            shown += 1
            passed += gates.refusal(ctx.text, item.kind, item.parts or (item.text,), ctx.keywords) == ""
        for rewrite, why in refused:
            refused_why[f"{rewrite.kind}: {why.split(' ')[0]} {why.split(' ')[1] if ' ' in why else ''}"] += 1
        before = problems(ctx, picker, achievements)
        after_texts = apply_automatic(ctx, picker, achievements)
        if running:
            running[ctx.index] = after_texts[0]
        after: set[str] = set()
        for text in after_texts:
            after |= problems(
                replace(ctx, text=text, job_bullets=tuple(running) or ctx.job_bullets), picker, achievements
            )
        before_codes.update(before)
        after_codes.update(after)
        before_any += bool(before)
        after_any += bool(after)
        before_fixable += bool(before - {"metric"})
        after_fixable += bool(after - {"metric"})

    total = max(len(items), 1)
    print(f"== {title}")
    print(f"Bullets: {len(items)} in {len(resumes)} resumes")
    print(f"With at least one problem: before {before_any} ({before_any / total:.0%}), ", end="")
    print(f"after {after_any} ({after_any / total:.0%})")
    print(
        f"  not counting a missing figure (a question for the person): before {before_fixable} "
        f"({before_fixable / total:.0%}), after {after_fixable} ({after_fixable / total:.0%})"
    )
    print("Problems by kind, before -> after:")
    for kind in sorted(set(before_codes) | set(after_codes)):
        print(f"  {kind:15} {before_codes[kind]:4} -> {after_codes[kind]}")
    print("Suggestions shown per rule:")
    for kind, count in per_kind.most_common():
        print(f"  {kind:15} {count}")
    print(f"Rewrites refused by the gates: {sum(refused_why.values())}")
    for why, count in refused_why.most_common():
        print(f"  {why:40} {count}")
    print(f"Gate pass rate of what is shown (checked again): {passed}/{shown} = {passed / max(shown, 1):.1%}")
    print()


def imported(families: list[str]) -> list[Resume]:
    """Every document the layout generator rendered for `families`, read by the importer:
    the bullets as a person sees them after an import, parse slips included."""
    from bench.layouts import DEFAULT_OUT
    from resume_app.parsing.importer import import_resume

    found = []
    for family in families:
        folder = DEFAULT_OUT / family
        documents = sorted([*folder.glob("*.pdf"), *folder.glob("*.docx")]) if folder.is_dir() else []
        if not documents:
            print(f"(no documents for {family} in {folder}: run bench/generate_layouts.py --families {family})")
        for path in documents:
            found.append(import_resume(path.name, path.read_bytes()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--imported", default="", help="comma-separated layout families: also measure their documents as imported"
    )
    args = parser.parse_args()
    resumes = [json_resume.loads(path.read_text(encoding="utf-8")) for path in TRUTH_FILES]
    picker = EmbeddingPicker(shared_embedder())
    picker.prefetch([])  # loads the model and encodes the whole bank once
    bank = dict(picker.embedder._memory)  # the verb bank's phrases
    measure("Corpus truth files (the bullets the rules were written against)", resumes, picker)
    held_out = [json_resume.loads(json.dumps(resume)) for resume in SYNTHETIC.values()]
    measure("Held out: the layout generator's synthetic resumes (bench/layouts/sources.py)", held_out, picker)
    families = [name.strip() for name in args.imported.split(",") if name.strip()]
    if families:
        measure(f"Held out: imported from the layout families {', '.join(families)}", imported(families), picker)
    items = [(ctx, achievements) for resume in resumes for ctx, achievements in contexts(resume)]
    total = len(items)

    memory = picker.embedder._memory

    def every_bullet_first_time():
        # The model warm, no bullet seen before: each one picking verbs is encoded.
        memory.clear()
        memory.update(bank)
        for ctx, achievements in items:
            suggest_bullet(ctx, picker, achievements)

    per_bullet = median_ms(every_bullet_first_time, 3) / total
    print(f"Time per bullet, model warm, bullets not seen before: {per_bullet:.2f} ms")
    work = [entry for resume in resumes for entry in resume.entries() if entry.bullets][:40]
    # The resume as the tailoring page holds it: its own jobs, 40 bullets.
    jobs: list[Entry] = []
    left = 40
    for entry in work:
        if left <= 0:
            break
        taken = entry.bullets[:left]
        jobs.append(replace(entry, bullets=taken))
        left -= len(taken)
    resume = Resume(sections=[Section("work", entries=jobs)])
    count = len(resume.bullets())

    def first_time():
        # The model warm, this resume's bullets never seen: each one picking verbs is encoded.
        memory.clear()
        memory.update(bank)
        suggest_resume(resume, picker=picker)

    fresh = median_ms(first_time, 5)
    again = median_ms(lambda: suggest_resume(resume, picker=picker), 5)
    print(f"A whole {count}-bullet resume, model warm: {fresh:.0f} ms the first time, ", end="")
    print(f"{again:.0f} ms again (target under 200 ms)")
    # What the model alone takes for the texts it is asked about (the floor of the first time;
    # on a busy machine torch's threads make it swing: OMP_NUM_THREADS=1 steadies it).
    recorder = RecordingPicker()
    for ctx, achievements in contexts(resume):
        if achievements:
            rules.weak_opener(ctx, recorder), rules.generic_verb(ctx, recorder), rules.repeated_verb(ctx, recorder)
    model = picker.embedder.load()
    bare = median_ms(lambda: model.encode(recorder.texts, normalize_embeddings=True), 5) if recorder.texts else 0.0
    print(f"The model alone on the {len(recorder.texts)} objects that resume asks about: {bare:.0f} ms")


if __name__ == "__main__":
    main()
