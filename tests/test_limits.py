"""The size limits a person reads (README, the import box) are the ones the app applies,
each said once."""

from __future__ import annotations

import json

import pytest

from resume_app.core.errors import InputError
from resume_app.core.json_resume import MAX_JSON_BYTES
from resume_app.parsing.errors import MAX_FILE_BYTES, MAX_PAGES, ParseError
from resume_app.parsing.importer import import_resume
from resume_app.parsing.posting_file import posting_text
from resume_app.ui.state.uploads import IMPORT_LIMITS
from tests.corpus import ROOT

MB = 1024 * 1024


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_the_readme_states_the_import_limits_the_importer_applies():
    assert f"up to {MAX_FILE_BYTES // MB} MB and {MAX_PAGES} pages" in IMPORT_LIMITS
    assert f"JSON Resume up to {MAX_JSON_BYTES // MB} MB" in IMPORT_LIMITS
    assert IMPORT_LIMITS in _readme()
    assert f"JSON Resume, up to {MAX_FILE_BYTES // MB} MB" not in _readme()


def test_a_json_resume_just_over_its_stated_limit_is_refused_with_that_limit():
    document = {"basics": {"name": "Ana Silva", "summary": "x" * MAX_JSON_BYTES}}
    with pytest.raises(InputError, match=f"larger than {MAX_JSON_BYTES // MB} MB"):
        import_resume("resume.json", json.dumps(document).encode())


def test_a_posting_file_over_the_document_limit_is_refused_with_that_limit():
    oversized = b"%PDF-1.7\n" + b"0" * MAX_FILE_BYTES
    with pytest.raises(ParseError, match=f"larger than {MAX_FILE_BYTES // MB} MB, too large for a job posting"):
        posting_text("posting.pdf", oversized)
