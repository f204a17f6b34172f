"""Untrusted files are read in a worker process under a time and memory budget (issue 13):
whatever still takes too long or too much memory is stopped with one sentence, while other
reads go on."""

from __future__ import annotations

import operator
import os
import subprocess
import sys
import threading
import time

import pytest

from resume_app.core.errors import InputError
from resume_app.parsing import sandbox
from resume_app.parsing.importer import import_resume
from tests import hostile
from tests.badfiles import GOOD_PDF


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def test_a_read_past_its_time_is_stopped_with_a_sentence():
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"^This file took too long to read \(more than 1 seconds\)"):
        sandbox.run(time.sleep, 30, seconds=1)
    assert time.perf_counter() - start < 5
    # A fresh worker serves the next read.
    assert sandbox.run(import_resume, GOOD_PDF.name, GOOD_PDF.read_bytes()).contact.name == "Ebony Moore"


def test_a_read_past_its_memory_is_stopped_with_a_sentence():
    with pytest.raises(InputError, match="needs more memory to read than any resume"):
        sandbox.run(bytearray, 4 * 1024**3)
    assert sandbox.run(len, b"still here") == 10


def test_an_unexpected_error_in_the_worker_is_a_sentence():
    with pytest.raises(InputError, match=r"^This file could not be read"):
        sandbox.run(operator.truediv, 1, 0)


def test_a_refusal_keeps_its_own_sentence():
    with pytest.raises(InputError, match="more than 20 pages"):
        sandbox.run(import_resume, "many.pdf", hostile.pdf_million_pages())


def test_100000_tiny_glyphs_end_within_the_budget_with_a_sentence():
    data = hostile.pdf_tiny_glyphs(100_000)  # 33 s before, in the app's own process
    start = time.perf_counter()
    with pytest.raises(InputError, match="took too long to read"):
        sandbox.run(import_resume, "glyphs.pdf", data, seconds=2)
    assert time.perf_counter() - start < 6


def test_a_slow_read_does_not_hold_up_another_persons_small_import():
    slow = threading.Thread(target=lambda: pytest.raises(InputError, sandbox.run, time.sleep, 20, seconds=8))
    slow.start()
    time.sleep(0.2)
    small = hostile.json_resume()  # 70-odd bytes
    try:
        took = _seconds(lambda: sandbox.run(import_resume, "small.json", small))
    finally:
        slow.join()
    assert took < 4


def test_the_worker_loads_neither_the_model_nor_reflex():
    loaded = set(sandbox.run(sandbox.loaded_modules))
    assert "resume_app.parsing.importer" in loaded
    assert not {"torch", "sentence_transformers", "reflex", "sqlalchemy"} & loaded


def test_the_cli_stops_a_slow_file_with_the_sentence(tmp_path):
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(hostile.pdf_tiny_glyphs(100_000))
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "RESUME_APP_PARSE_SECONDS": "2"},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("resume-app: This file took too long to read (more than 2 seconds)")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_pdf_nested_100000_arrays_deep_is_one_line_on_stderr(tmp_path):
    # 2,980 lines of traceback before: pypdf's RecursionError, logged with exc_info.
    path = tmp_path / "nested.pdf"
    path.write_bytes(hostile.pdf_nested_crop_box())
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "parse", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "resume-app: This PDF is damaged or incomplete and cannot be read; export it from the original document again."
    ]


def test_a_small_file_is_read_before_larger_ones_that_wait():
    start = time.perf_counter()
    finished: dict[str, float] = {}

    def read(name: str, func, *args) -> None:
        sandbox.run(func, *args)
        finished[name] = time.perf_counter() - start

    # Both workers busy (for 2 and 4 s), then a 5 MB read waits (it takes a moment: sorting
    # its bytes), then a 100-byte one.
    threads = [
        threading.Thread(target=read, args=("busy 2 s", time.sleep, 2)),
        threading.Thread(target=read, args=("busy 4 s", time.sleep, 4)),
        threading.Thread(target=read, args=("large", sorted, b"x" * 5_000_000)),
        threading.Thread(target=read, args=("small", len, b"x" * 100)),
    ]
    for thread in threads:
        thread.start()
        time.sleep(0.3)
    for thread in threads:
        thread.join()
    # The first free worker (at 2 s) reads the small file first, then the large one.
    assert finished["busy 2 s"] < finished["small"] < finished["large"], finished


def test_a_paste_past_its_time_is_called_a_paste():
    with pytest.raises(InputError, match=r"^This paste took too long to read .*; paste the posting as plain text"):
        sandbox.run(time.sleep, 30, seconds=0.5, what="paste")


def test_a_rich_paste_is_read_in_a_worker():
    from resume_app.tailoring import pasted

    html = "<h2>Requirements</h2><ul><li>Python</li><li>SQL</li></ul>"
    assert sandbox.run(pasted.posting_from_box, "", html, "Requirements Python SQL", "0,0", what="paste") == (
        pasted.posting_from_box("", html, "Requirements Python SQL", "0,0")
    )


def test_starting_a_worker_is_not_part_of_a_reads_budget():
    time.sleep(1)  # replacements of workers stopped by earlier tests have started
    while not sandbox._pool.idle.empty():
        sandbox._pool.idle.get_nowait().stop()
    # A fresh interpreter takes 0.3 s or more to load the parsers; the read itself, a moment.
    assert sandbox.run(len, b"quick", seconds=0.1) == 5
