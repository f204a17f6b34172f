"""The `resume-app` command as a person runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.corpus import TRUTH_FILES


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resume_app.cli", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("path", TRUTH_FILES[:3], ids=lambda path: path.stem)
def test_export_json_gives_the_same_document(path, tmp_path):
    output = tmp_path / "out.json"
    result = run_cli("export", str(path), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert json.loads(output.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"{broken", "bad.json", "This is not valid JSON"),
        (b'{"basics": {"name": ""}}', "noname.json", "The resume has no name"),
        (b"%PDF-1.4 nothing", "resume.pdf", "This PDF is damaged or incomplete"),
        (b"MZ\x90 binary junk", "resume.exe", "is not a PDF, DOCX or JSON Resume file"),
        (None, "missing.json", "does not exist"),
        # Issue 13's CLI tracebacks and silent losses, each one sentence now.
        (b'{"basics": {"name": "A"}, "meta": {"n": ' + b"9" * 5000 + b"}}", "big.json", "too large to keep"),
        (b'{"basics": {"name": "Ada \\ud800"}}', "surrogate.json", "has a broken character"),
        (b'{"basics": {"name": "A"}, "meta": {"x": NaN}}', "nan.json", "meta.x is NaN, which JSON does not allow"),
        (
            b'{"basics": {"name": "A"}, "work": [{"name": "Acme"}], "work": []}',
            "twice.json",
            'The document has the field "work" twice.',
        ),
        (b'{"basics": {"name": "A"}, "x-deep": ' + b'{"x": ' * 990 + b"1" + b"}" * 990 + b"}", "deep.json", "nested"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(tmp_path, content, name, message):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    result = run_cli("export", str(source), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()
