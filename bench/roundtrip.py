"""Export, then import what was exported: does the resume come back the same?

For every truth file in ../shared/corpus/truth/: JSON Resume -> DOCX -> our parser ->
JSON Resume, and the same through PDF; per-field agreement with the original as F1
(bench/scoring.py's fields and matching). The export writes plain ASCII punctuation
by rule, so the original is compared in that form. Target: >= 0.98 on every field.

Run: .venv/bin/python bench/roundtrip.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import scoring  # noqa: E402
from resume_app.core import json_resume  # noqa: E402
from resume_app.export.docx import resume_to_docx  # noqa: E402
from resume_app.export.layout import plain  # noqa: E402
from resume_app.export.pdf import resume_to_pdf  # noqa: E402
from resume_app.parsing.importer import import_resume  # noqa: E402

TRUTH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "truth"
TARGET = 0.98
FORMATS = {"docx": resume_to_docx, "pdf": resume_to_pdf}


def plain_strings(value):
    """The document as the export writes it: every string in plain punctuation."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, list):
        return [plain_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: plain_strings(item) for key, item in value.items()}
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every value that did not come back")
    verbose = parser.parse_args().v
    totals = {name: {field: scoring.Counts() for field in scoring.FIELDS} for name in FORMATS}
    for path in sorted(TRUTH.glob("*.json")):
        original = plain_strings(json.loads(path.read_text(encoding="utf-8")))
        resume = json_resume.loads(path.read_bytes())
        for name, export in FORMATS.items():
            back = json_resume.to_json_resume(import_resume(f"resume.{name}", export(resume)))
            for field, score in scoring.score_document(back, original).items():
                totals[name][field] = totals[name][field] + score.counts
                if verbose and (score.missed or score.spurious):
                    print(f"{path.stem} {name} {field}: missed {score.missed} spurious {score.spurious}")
    print(f"{len(list(TRUTH.glob('*.json')))} truth files; agreement = F1 of the re-imported field vs the original")
    print(f"{'field':<14}" + "".join(f"{name.upper():>10}" for name in FORMATS))
    for field in scoring.FIELDS:
        print(f"{field:<14}" + "".join(f"{totals[name][field].f1:>10.3f}" for name in FORMATS))
    for name in FORMATS:
        weak = [field for field in scoring.FIELDS if totals[name][field].f1 < TARGET]
        verdict = "met" if not weak else "not met: " + ", ".join(weak)
        print(f"{name.upper()}: target >= {TARGET} on every field: {verdict}")


if __name__ == "__main__":
    main()
