"""How much of each corpus resume the PDF/DOCX importer gets right, field by field.

Every resume in ../shared/corpus/resumes that has a truth file (truth/<stem>.json, shared by a
PDF/DOCX pair), and every resume in ../shared/corpus/edge with its truth beside it, is parsed
twice in the same run: by our importer
(resume_app.parsing.importer.import_resume, converted with to_json_resume) and by the naive
baseline (bench/naive_parser.py: pypdf text plus regexes). Both JSON Resume dicts are scored
against the truth with bench/scoring.py, whose docstring lists the fields and the comparison
rules. A file the importer refuses (InputError) is scored as an empty prediction, with a note.

Output, read top to bottom:
- one table per group (PDF, DOCX, all): per field, the values the truth expects, then
  precision, recall and F1 for our importer and for the baseline; counts are summed over the
  group's documents first (micro-average), and "overall" sums every field;
- the overall F1 of each document, for both parsers;
- whether our importer meets the targets (overall F1 >= 0.90 and every field's F1 >= 0.85,
  on PDF and on DOCX alike). This is information: the exit status is 0 either way.

Run: .venv/bin/python bench/parse_accuracy.py [-v] [--parser naive] [NAME ...]
  -v        after the tables, each document's mismatched values per field
            ("-" expected but not found, "+" predicted but not in the truth)
  --parser  whose mismatches -v lists (default: ours)
  NAME      only the documents whose file name contains NAME (tables then cover those only)
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

from bench import naive_parser, scoring

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RESUME_SUFFIXES = (".pdf", ".docx")
TARGET_OVERALL_F1 = 0.90
TARGET_FIELD_F1 = 0.85
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


def print_targets(results: list[DocumentResult]) -> None:
    """Targets per parser and file kind, then the one-line answer for our importer."""
    overall_target, field_target = f"{TARGET_OVERALL_F1:.2f}", f"{TARGET_FIELD_F1:.2f}"
    print(f"\ntargets: overall F1 >= {overall_target} and every field F1 >= {field_target}, on PDF and DOCX alike")
    ours_meet = True
    for parser, title in PARSER_TITLES.items():
        for kind in ("pdf", "docx"):
            has_documents = any(result.kind == kind for result in results)
            shortfalls = target_shortfalls(group_counts(results, parser, (kind,))) if has_documents else ["no files"]
            if parser == "ours" and shortfalls:
                ours_meet = False
            verdict = "met" if not shortfalls else "not met: " + ", ".join(shortfalls)
            indent = f"  {title if kind == 'pdf' else '':<16}{kind.upper():<6}"
            print(textwrap.fill(verdict, WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent)))
    print(f"our importer meets the targets: {'yes' if ours_meet else 'no'} (information only; exit status is 0)")


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


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("-v", "--verbose", action="store_true", help="list each document's mismatched values")
    arguments.add_argument("--parser", choices=tuple(PARSER_TITLES), default="ours", help="whose mismatches -v lists")
    arguments.add_argument("names", nargs="*", metavar="NAME", help="only files whose name contains NAME")
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
        print_group_table(title, results, kinds)
    print_document_list(results)
    print_targets(results)
    if options.verbose:
        print_mismatches(results, options.parser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
