"""How long importing one resume file takes, as a ratio to the least an import must do.

For each PDF and DOCX in ../shared/corpus/resumes, in the same run:
- ours: the median wall time of REPEATS calls of import_resume(filename, data);
- bare: the median time of only reading the text the way the libraries give it:
  pypdf.PdfReader(BytesIO(data)) + page.extract_text() on every page for a PDF,
  docx.Document(BytesIO(data)) + every paragraph's text for a DOCX;
- ratio = ours / bare: how much the importer adds on top of text extraction;
- peak MB: the tracemalloc peak of one call (ours, then bare). tracemalloc sees Python
  allocations only, so lxml's C memory behind python-docx is not in the DOCX figures.
Each call runs once untimed first, so one-off imports and caches are not in the medians.
A file the importer refuses (InputError) shows "not supported yet".

Below the table: the median and largest ratio for PDFs, DOCX and all files, and the target
(ratio <= 2x for every PDF) as information.
Run: .venv/bin/python bench/parse_speed.py
"""

from __future__ import annotations

import logging
import platform
import statistics
import sys
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import median_ms  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RESUME_SUFFIXES = (".pdf", ".docx")
REPEATS = 5
TARGET_PDF_RATIO = 2.0


@dataclass
class Timing:
    filename: str
    bare_ms: float
    bare_peak_mb: float
    ours_ms: float | None = None  # None: the importer does not read this file
    ours_peak_mb: float | None = None
    problem: str = ""  # why there is no `ours` figure

    @property
    def kind(self) -> str:
        return Path(self.filename).suffix.lower().lstrip(".")

    @property
    def ratio(self) -> float | None:
        return None if self.ours_ms is None else self.ours_ms / self.bare_ms


def peak_mb(action: Callable[[], object]) -> float:
    """The most memory Python held at once during one call, beyond what it held before."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def bare_extraction(filename: str, data: bytes) -> list[str]:
    """The text as the libraries give it, with nothing done to it: the floor for an import."""
    if filename.lower().endswith(".docx"):
        import docx

        return [paragraph.text for paragraph in docx.Document(BytesIO(data)).paragraphs]
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def time_file(path: Path) -> Timing:
    from resume_app.core.errors import InputError
    from resume_app.parsing.importer import import_resume

    data = path.read_bytes()

    def bare() -> object:
        return bare_extraction(path.name, data)

    def ours() -> object:
        return import_resume(path.name, data)

    bare()  # warm-up, untimed
    timing = Timing(path.name, median_ms(bare, REPEATS), peak_mb(bare))
    try:
        ours()  # warm-up, untimed; also tells whether the importer reads this kind of file
    except InputError:
        timing.problem = "not supported yet"
        return timing
    except Exception as error:  # a crash on one file must not hide the other files' figures
        timing.problem = f"error: {type(error).__name__}"
        return timing
    timing.ours_ms, timing.ours_peak_mb = median_ms(ours, REPEATS), peak_mb(ours)
    return timing


def print_table(timings: list[Timing]) -> None:
    print(f"{'file':<36}{'ours ms':>9}{'bare ms':>9}{'ratio':>8}{'ours MB':>9}{'bare MB':>9}")
    for timing in timings:
        bare = f"{timing.bare_ms:>9.1f}"
        bare_mb = f"{timing.bare_peak_mb:>9.2f}"
        if timing.ours_ms is None:
            print(f"{timing.filename:<36}{'':>9}{bare}  {timing.problem:<23}{bare_mb}")
            continue
        ours = f"{timing.ours_ms:>9.1f}{bare}{timing.ratio:>7.2f}x{timing.ours_peak_mb:>9.2f}{bare_mb}"
        print(f"{timing.filename:<36}{ours}")


def print_summary(timings: list[Timing]) -> None:
    print()
    for label, kinds in (("PDF", ("pdf",)), ("DOCX", ("docx",)), ("all", ("pdf", "docx"))):
        files = [timing for timing in timings if timing.kind in kinds]
        ratios = [timing.ratio for timing in files if timing.ratio is not None]
        if not ratios:
            print(f"ratio ours/bare, {label:<5}: no file supported yet ({len(files)} files)")
            continue
        measured = f"median {statistics.median(ratios):.2f}x, max {max(ratios):.2f}x"
        print(f"ratio ours/bare, {label:<5}: {measured} over {len(ratios)} of {len(files)} files")
    pdf_ratios = [timing.ratio for timing in timings if timing.kind == "pdf"]
    if pdf_ratios and all(ratio is not None for ratio in pdf_ratios):
        verdict = "met" if max(pdf_ratios) <= TARGET_PDF_RATIO else "not met"
    else:
        verdict = "not measurable yet, some PDFs are not supported"
    print(f"target: ratio <= {TARGET_PDF_RATIO:.0f}x for every PDF: {verdict} (information only)")


def main() -> int:
    import pypdf

    # pypdf logs recoverable damage ("Ignoring wrong pointing object"); it would break the table.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    print(
        f"Python {platform.python_version()}, pypdf {pypdf.__version__}; "
        f"ms: median of {REPEATS} runs after a warm-up; MB: tracemalloc peak of one call"
    )
    files = sorted(path for path in (CORPUS / "resumes").iterdir() if path.suffix.lower() in RESUME_SUFFIXES)
    timings = [time_file(path) for path in files]
    print_table(timings)
    print_summary(timings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
