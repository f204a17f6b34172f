"""What reading a file in the parse worker (resume_app/parsing/sandbox.py) adds to an import.

    PYTHONPATH=. .venv/bin/python bench/sandbox_overhead.py

Reads a few corpus resumes in the app's own process and through a warm worker (median of
five each), and times a worker's cold start (a fresh interpreter that imports the parsers).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from resume_app.parsing import sandbox  # noqa: E402
from resume_app.parsing.importer import import_resume  # noqa: E402
from tests.corpus import CORPUS  # noqa: E402

FILES = sorted((CORPUS / "resumes").glob("*.pdf"))[:3] + sorted((CORPUS / "resumes").glob("*.docx"))[:3]


def _median(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    sandbox.run(len, b"")
    print(f"cold start of a worker: {time.perf_counter() - start:.2f} s")
    print(f"round trip, empty call: {_median(lambda: sandbox.run(len, b'')) * 1000:.1f} ms")
    for path in FILES:
        data = path.read_bytes()
        here = _median(lambda: import_resume(path.name, data))  # noqa: B023
        there = _median(lambda: sandbox.run(import_resume, path.name, data))  # noqa: B023
        size = len(data) // 1024
        print(f"{path.name:40s} {size:5d} KB  in process {here * 1000:6.0f} ms  worker {there * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
