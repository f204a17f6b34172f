"""Every bad file gets one plain sentence, from the importer and from the CLI (exit status 2)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from resume_app.core.errors import InputError
from resume_app.parsing.importer import import_resume
from tests.badfiles import BAD_FILES, encrypted_pdf


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_importer_refuses_with_one_sentence(case):
    name, make, message = BAD_FILES[case]
    with pytest.raises(InputError) as error:
        import_resume(name, make())
    text = str(error.value)
    assert message in text
    assert "\n" not in text and "Traceback" not in text


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_cli_exits_2_with_the_sentence_on_stderr(case, tmp_path):
    name, make, message = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(make())
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_a_pdf_encrypted_with_an_empty_password_is_read():
    resume = import_resume("resume.pdf", encrypted_pdf(""))
    assert resume.contact.name == "Ebony Moore"
    assert len(resume.bullets()) == 11
