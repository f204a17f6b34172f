"""How well the PDF/DOCX importer reads resumes, and whether that holds beyond the corpus.

One run prints, side by side:
1. the real corpus: every resume in ../shared/corpus/resumes with a truth file (truth/<stem>.json,
   shared by a PDF/DOCX pair) and every resume in ../shared/corpus/edge with its truth beside it,
   parsed by our importer and by the naive baseline (bench/naive_parser.py); per field precision,
   recall and F1 (bench/scoring.py; counts summed over documents first), then per document;
2. each generated layout family (bench/layouts: the truth files and synthetic resumes rendered
   through HTML/CSS, Word, LaTeX and RenderCV layouts, each with its exact truth): overall F1,
   the fields under 0.90, and a leave-one-family-out figure: the family's F1 with every tunable
   threshold of the parser (resume_app.parsing.tuning) chosen on the OTHER families only;
3. our own DOCX and PDF exports of every truth file and every generated resume, re-imported from
   their visible text (bench/roundtrip.py's comparison);
4. calibration of the amber "unsure" fields (bench/calibration.py), and amber fields per file;
5. the targets of issue 10: real corpus overall >= 0.95 and every field >= 0.90; every family
   >= 0.90; exports >= 0.99; >= 97 % of confident fields right. Information only: exit status 0.

A document the importer refuses (InputError) is scored as an empty prediction, with a note.

Run: .venv/bin/python bench/parse_accuracy.py [-v] [--parser naive] [--no-families]
         [--no-roundtrip] [--families a,b] [NAME ...]
  -v        after the tables, each real document's mismatched values per field
  --parser  whose mismatches -v lists (default: ours)
  NAME      only the real documents whose file name contains NAME
The generated families come from bench/layouts (cached under .cache/layouts; the first run
renders them, which needs Chromium and, for some families, scripts/setup_layouts.sh).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import calibration, naive_parser, scoring

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RESUME_SUFFIXES = (".pdf", ".docx")
TARGET_OVERALL_F1 = 0.95
TARGET_FIELD_F1 = 0.90
TARGET_FAMILY_F1 = 0.90
TARGET_ROUNDTRIP_F1 = 0.99
TARGET_CONFIDENT_RIGHT = 0.97
WIDTH = 100

PARSER_TITLES = {"ours": "our importer", "naive": "naive baseline"}
GROUPS = (("PDF documents", ("pdf",)), ("DOCX documents", ("docx",)), ("all documents", ("pdf", "docx")))


@dataclass
class DocumentResult:
    filename: str
    kind: str  # "pdf" or "docx"
    # parser -> field -> score
    scores: dict[str, dict[str, scoring.FieldScore]] = field(default_factory=dict)

    def counts(self, parser: str) -> dict[str, scoring.Counts]:
        return {name: score.counts for name, score in self.scores[parser].items()}


# --- parsing -------------------------------------------------------------------------------


def corpus_documents(name_filters: list[str]) -> list[tuple[Path, Path]]:
    """(resume file, truth file) for every resume that has a truth file, by file name: the
    real resumes (truth in truth/<stem>.json, shared by a PDF/DOCX pair) and the edge
    resumes that carry their truth beside them (edge/<stem>.json)."""
    candidates = [(resume, CORPUS / "truth" / f"{resume.stem}.json") for resume in (CORPUS / "resumes").iterdir()]
    candidates += [(resume, resume.with_suffix(".json")) for resume in (CORPUS / "edge").iterdir()]
    documents = []
    for resume, truth in sorted(candidates, key=lambda pair: pair[0].name):
        if resume.suffix.lower() not in RESUME_SUFFIXES or not truth.exists():
            continue
        if name_filters and not any(name in resume.name for name in name_filters):
            continue
        documents.append((resume, truth))
    return documents


def _one_line(text: str, width: int = WIDTH) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder=" ...")


def parse_with_ours(filename: str, data: bytes) -> dict[str, Any]:
    from resume_app.core.errors import InputError
    from resume_app.core.json_resume import to_json_resume
    from resume_app.parsing.importer import import_resume

    try:
        return to_json_resume(import_resume(filename, data))
    except InputError as error:
        print(_one_line(f"note: our importer refused {filename} (InputError: {error}); scored as empty"))
    except Exception as error:  # one broken document must not hide the others' figures
        print(
            _one_line(f"ERROR: our importer crashed on {filename} ({type(error).__name__}: {error}); scored as empty")
        )
    return {}


def parse_with_naive(filename: str, data: bytes) -> dict[str, Any]:
    try:
        return naive_parser.parse(filename, data)
    except Exception as error:  # same rule as for our importer
        print(_one_line(f"ERROR: the naive baseline crashed on {filename} ({type(error).__name__}: {error})"))
        return {}


def score_corpus(documents: list[tuple[Path, Path]]) -> list[DocumentResult]:
    results = []
    for resume, truth_path in documents:
        data = resume.read_bytes()
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        result = DocumentResult(resume.name, resume.suffix.lower().lstrip("."))
        result.scores["ours"] = scoring.score_document(parse_with_ours(resume.name, data), truth)
        result.scores["naive"] = scoring.score_document(parse_with_naive(resume.name, data), truth)
        results.append(result)
    return results


# --- reporting -----------------------------------------------------------------------------


def group_counts(results: list[DocumentResult], parser: str, kinds: tuple[str, ...]) -> dict[str, scoring.Counts]:
    total: dict[str, scoring.Counts] = {}
    for result in results:
        if result.kind in kinds:
            total = scoring.add_counts(total, result.counts(parser))
    return total


def _prf(counts: scoring.Counts) -> str:
    return f"{counts.precision:>7.2f}{counts.recall:>7.2f}{counts.f1:>7.2f}"


def print_group_table(title: str, results: list[DocumentResult], kinds: tuple[str, ...]) -> None:
    documents = sum(1 for result in results if result.kind in kinds)
    if not documents:
        return
    ours, naive = group_counts(results, "ours", kinds), group_counts(results, "naive", kinds)
    heading = f"{title} ({documents})".ljust(25) + f"{PARSER_TITLES['ours']:^21}    {PARSER_TITLES['naive']:^21}"
    print(f"\n{heading.rstrip()}")
    print(f"{'field':<14}{'expected':>9}{'P':>10}{'R':>7}{'F1':>7}{'P':>11}{'R':>7}{'F1':>7}")
    for name in scoring.FIELDS:
        print(f"{name:<14}{ours[name].expected:>9}   {_prf(ours[name])}    {_prf(naive[name])}")
    ours_all, naive_all = scoring.overall(ours), scoring.overall(naive)
    print(f"{'overall':<14}{ours_all.expected:>9}   {_prf(ours_all)}    {_prf(naive_all)}")


def print_document_list(results: list[DocumentResult]) -> None:
    print(f"\n{'overall F1 per document':<40}{'ours':>8}{'naive':>8}")
    for result in results:
        ours = scoring.overall(result.counts("ours")).f1
        naive = scoring.overall(result.counts("naive")).f1
        print(f"{result.filename:<40}{ours:>8.2f}{naive:>8.2f}")


def target_shortfalls(counts: dict[str, scoring.Counts]) -> list[str]:
    """What keeps one group from the targets, as "field=F1" items; [] when they are met."""
    shortfalls = []
    overall_f1 = scoring.overall(counts).f1
    if overall_f1 < TARGET_OVERALL_F1:
        shortfalls.append(f"overall={overall_f1:.2f}")
    shortfalls += [f"{name}={counts[name].f1:.2f}" for name in scoring.FIELDS if counts[name].f1 < TARGET_FIELD_F1]
    return shortfalls


def print_mismatches(results: list[DocumentResult], parser: str) -> None:
    print(f"\nmismatches of the {PARSER_TITLES[parser]} ('-' expected, not found; '+' predicted, not in the truth)")
    for result in results:
        overall_f1 = scoring.overall(result.counts(parser)).f1
        print(f"\n== {result.filename}  (overall F1 {overall_f1:.2f})")
        for name, score in result.scores[parser].items():
            if not score.missed and not score.spurious:
                continue
            print(f"  {name}: {len(score.missed)} missed, {len(score.spurious)} spurious")
            for sign, values in (("-", score.missed), ("+", score.spurious)):
                for value in values:
                    print(textwrap.fill(value, WIDTH, initial_indent=f"    {sign} ", subsequent_indent="      "))


# --- generated layout families --------------------------------------------------------------


@dataclass
class FamilyScore:
    counts: dict[str, scoring.Counts]
    files: int
    refused: int = 0

    @property
    def f1(self) -> float:
        return scoring.overall(self.counts).f1


def _import_or_none(filename: str, data: bytes):
    from resume_app.core.errors import InputError
    from resume_app.parsing.importer import import_resume

    try:
        return import_resume(filename, data)
    except InputError:
        return None


# The generated documents parsed with the default thresholds, by path: the calibration reuses them.
_DEFAULT_PARSES: dict[Path, Any] = {}


def score_families(docs: list, settings: dict[str, float] | None = None) -> dict[str, FamilyScore]:
    """Each family's summed field counts, parsed with the tuning thresholds in `settings`."""
    from resume_app.core.json_resume import to_json_resume
    from resume_app.parsing import tuning

    saved = {name: getattr(tuning, name) for name in tuning.TUNABLE}
    for name, value in (settings or {}).items():
        setattr(tuning, name, value)
    try:
        scores: dict[str, FamilyScore] = {}
        for doc in docs:
            resume = _import_or_none(doc.path.name, doc.path.read_bytes())
            if not settings:
                _DEFAULT_PARSES[doc.path] = resume
            predicted = to_json_resume(resume) if resume else {}
            score = scores.setdefault(doc.family, FamilyScore({}, 0))
            score.counts = scoring.add_counts(score.counts, scoring.document_counts(predicted, doc.truth))
            score.files += 1
            score.refused += resume is None
        return scores
    finally:
        for name, value in saved.items():
            setattr(tuning, name, value)


def _mean_f1(scores: dict[str, FamilyScore], families: list[str]) -> float:
    return sum(scores[family].f1 for family in families) / len(families) if families else 0.0


def leave_one_family_out(docs: list) -> dict[str, float]:
    """Per family: its F1 with each tunable threshold set to the value that does best (mean F1)
    on the other families. One threshold is varied at a time, the others at their defaults;
    the held-out family's own files never take part in the choice."""
    from resume_app.parsing import tuning

    defaults = {name: getattr(tuning, name) for name in tuning.TUNABLE}
    cache: dict[tuple, dict[str, FamilyScore]] = {}

    def scores_for(settings: dict[str, float]) -> dict[str, FamilyScore]:
        config = tuple(sorted(settings.items()))
        if config not in cache:
            cache[config] = score_families(docs, settings)
        return cache[config]

    families = sorted({doc.family for doc in docs})
    held_out = {}
    for family in families:
        others = [name for name in families if name != family]
        chosen = dict(defaults)
        for name, candidates in tuning.TUNABLE.items():
            chosen[name] = max(
                candidates, key=lambda value, name=name: _mean_f1(scores_for({**defaults, name: value}), others)
            )
        held_out[family] = scores_for(chosen)[family].f1
    return held_out


def print_families(docs: list, lofo: bool) -> dict[str, FamilyScore]:
    scores = score_families(docs)
    held_out = leave_one_family_out(docs) if lofo else {}
    print(f"\ngenerated layout families ({len(docs)} documents; bench/layouts)")
    print(f"{'family':<26}{'files':>6}{'F1':>7}{'LOFO':>7}  fields under {TARGET_FAMILY_F1:.2f}")
    for family, score in sorted(scores.items()):
        weak = ", ".join(
            f"{name} {c.f1:.2f}" for name, c in score.counts.items() if c.expected and c.f1 < TARGET_FAMILY_F1
        )
        refused = f" [{score.refused} refused]" if score.refused else ""
        lofo_text = f"{held_out[family]:>7.2f}" if family in held_out else f"{'-':>7}"
        line = f"{family:<26}{score.files:>6}{score.f1:>7.2f}{lofo_text}  {weak}{refused}"
        print(textwrap.fill(line, WIDTH + 20, subsequent_indent=" " * 48))
    mean_f1 = sum(score.f1 for score in scores.values()) / len(scores)
    mean_lofo = sum(held_out.values()) / len(held_out) if held_out else None
    lofo_mean = f"{mean_lofo:>7.2f}" if mean_lofo is not None else f"{'-':>7}"
    print(f"{'mean over families':<26}{len(docs):>6}{mean_f1:>7.2f}{lofo_mean}")
    return scores


# --- our own exports, re-imported ------------------------------------------------------------


def roundtrip_scores(truths: list[dict[str, Any]]) -> dict[str, scoring.Counts]:
    """Summed overall counts per export format: truth -> DOCX/PDF -> importer -> compared."""
    from bench.roundtrip import FORMATS, plain_strings
    from resume_app.core import json_resume
    from resume_app.core.json_resume import to_json_resume

    totals = {name: scoring.Counts() for name in FORMATS}
    for truth in truths:
        resume = json_resume.from_json_resume(truth)
        for name, export in FORMATS.items():
            back = _import_or_none(f"resume.{name}", export(resume))
            predicted = to_json_resume(back) if back else {}
            totals[name] += scoring.overall(scoring.document_counts(predicted, plain_strings(truth)))
    return totals


def _unique(truths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, unique = set(), []
    for truth in truths:
        marker = json.dumps(truth, sort_keys=True)
        if marker not in seen:
            seen.add(marker)
            unique.append(truth)
    return unique


def print_roundtrip(groups: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, scoring.Counts]]:
    print("\nour own exports re-imported from their visible text (overall F1)")
    print(f"{'resumes':<34}{'DOCX':>7}{'PDF':>7}")
    results = {}
    for title, truths in groups.items():
        results[title] = roundtrip_scores(truths)
        docx_f1, pdf_f1 = results[title]["docx"].f1, results[title]["pdf"].f1
        print(f"{title + f' ({len(truths)})':<34}{docx_f1:>7.3f}{pdf_f1:>7.3f}")
    return results


# --- calibration ----------------------------------------------------------------------------


def print_calibration(groups: dict[str, list[tuple[str, Any, dict[str, Any]]]]) -> dict[str, calibration.Calibration]:
    """`groups`: title -> (file name, the imported resume or None when refused, truth)."""
    print("\ncalibration: fields the editor shows as sure (plain) or unsure (amber)")
    print(f"{'documents':<30}{'sure':>7}{'right':>8}{'unsure':>8}{'wrong':>8}{'amber/file':>12}{'max (F1>=.95)':>15}")
    results = {}
    for title, documents in groups.items():
        total, ambers, clean_max = calibration.Calibration(), [], (0, "")
        for filename, resume, truth in documents:
            if resume is None:
                continue
            total += calibration.calibrate(resume, truth)
            ambers.append(calibration.amber_count(resume))
            f1 = scoring.overall(scoring.document_counts(json_form(resume), truth)).f1
            if f1 >= 0.95:
                clean_max = max(clean_max, (ambers[-1], filename))
        results[title] = total
        mean_amber = sum(ambers) / len(ambers) if ambers else 0.0
        worst = f"{clean_max[0]} {clean_max[1][:10]}" if clean_max[1] else "-"
        print(
            f"{title + f' ({len(documents)})':<30}{total.confident:>7}{total.confident_precision:>8.1%}"
            f"{total.unsure:>8}{total.unsure_wrong_share:>8.1%}{mean_amber:>12.1f}{worst:>15}"
        )
    return results


def json_form(resume) -> dict[str, Any]:
    from resume_app.core.json_resume import to_json_resume

    return to_json_resume(resume)


# --- targets ----------------------------------------------------------------------------------


def print_issue_targets(
    results: list[DocumentResult],
    families: dict[str, FamilyScore],
    roundtrips: dict[str, dict[str, scoring.Counts]],
    calibrations: dict[str, calibration.Calibration],
) -> None:
    print("\ntargets (issue 10):")
    real = group_counts(results, "ours", ("pdf", "docx"))
    shortfalls = target_shortfalls(real)
    print(
        f"  real corpus overall >= {TARGET_OVERALL_F1}, every field >= {TARGET_FIELD_F1}: "
        + ("met" if not shortfalls else "not met: " + ", ".join(shortfalls))
    )
    weak = [f"{name}={score.f1:.2f}" for name, score in sorted(families.items()) if score.f1 < TARGET_FAMILY_F1]
    if families:
        print(
            textwrap.fill(
                f"every family >= {TARGET_FAMILY_F1}: " + ("met" if not weak else "not met: " + ", ".join(weak)),
                WIDTH,
                initial_indent="  ",
                subsequent_indent="    ",
            )
        )
    low = [
        f"{title} {kind.upper()}={counts.f1:.3f}"
        for title, by_kind in roundtrips.items()
        for kind, counts in by_kind.items()
        if counts.f1 < TARGET_ROUNDTRIP_F1
    ]
    if roundtrips:
        print(
            f"  exports re-imported >= {TARGET_ROUNDTRIP_F1}: " + ("met" if not low else "not met: " + ", ".join(low))
        )
    sure = [
        f"{title}={result.confident_precision:.1%}"
        for title, result in calibrations.items()
        if result.confident_precision < TARGET_CONFIDENT_RIGHT
    ]
    print(
        f"  confident fields right >= {TARGET_CONFIDENT_RIGHT:.0%}: "
        + ("met" if not sure else "not met: " + ", ".join(sure))
    )
    print("  (information only; exit status is 0)")


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("-v", "--verbose", action="store_true", help="list each document's mismatched values")
    arguments.add_argument("--parser", choices=tuple(PARSER_TITLES), default="ours", help="whose mismatches -v lists")
    arguments.add_argument("--no-families", action="store_true", help="skip the generated layout families")
    arguments.add_argument("--no-lofo", action="store_true", help="skip the leave-one-family-out figures")
    arguments.add_argument("--no-roundtrip", action="store_true", help="skip our own exports re-imported")
    arguments.add_argument("--families", help="only these families (comma-separated)")
    arguments.add_argument("names", nargs="*", metavar="NAME", help="only real files whose name contains NAME")
    options = arguments.parse_args(argv)
    # pypdf logs recoverable damage ("Ignoring wrong pointing object"); it would drown the tables.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    problems = scoring.self_check(
        {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (CORPUS / "truth").glob("*.json")}
    )
    if problems:
        print("scoring self-check FAILED, figures below are not to be trusted:", *problems, sep="\n  ")
    documents = corpus_documents(options.names)
    print(f"corpus: {CORPUS}; {len(documents)} documents with a truth file")
    results = score_corpus(documents)
    for title, kinds in GROUPS:
        print_group_table(f"real corpus, {title}", results, kinds)
    print_document_list(results)

    docs = []
    if not options.no_families:
        from bench import layouts

        wanted = options.families.split(",") if options.families else None
        docs = layouts.generate(wanted)
    families = print_families(docs, lofo=not options.no_lofo) if docs else {}

    roundtrips = {}
    if not options.no_roundtrip:
        truth_files = [
            json.loads(path.read_text(encoding="utf-8")) for path in sorted((CORPUS / "truth").glob("*.json"))
        ]
        groups = {"corpus truth files": truth_files}
        if docs:
            groups["generated resumes"] = _unique([doc.truth for doc in docs])
        roundtrips = print_roundtrip(groups)

    calibration_groups = {
        "real corpus": [
            (
                resume.name,
                _import_or_none(resume.name, resume.read_bytes()),
                json.loads(truth.read_text(encoding="utf-8")),
            )
            for resume, truth in documents
        ]
    }
    if docs:
        calibration_groups["generated families"] = [
            (doc.path.name, _DEFAULT_PARSES[doc.path], doc.truth) for doc in docs if doc.path in _DEFAULT_PARSES
        ]
    calibrations = print_calibration(calibration_groups)
    print_issue_targets(results, families, roundtrips, calibrations)
    if options.verbose:
        print_mismatches(results, options.parser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
