"""A job posting uploaded as a file: text in the encodings people save, PDF and DOCX; every
other file is refused with one sentence, in the app and in `resume-app rank`."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys

import docx
import pytest

from resume_app.core.errors import InputError
from resume_app.matching.ranker import prepare
from resume_app.parsing.errors import ParseError
from resume_app.parsing.posting_file import MAX_TEXT_BYTES, posting_text
from tests import badfiles
from tests.corpus import CORPUS
from tests.sentences import one_sentence

JOBS = CORPUS / "jobs"
POSTING_PDF = JOBS / "servicenow_senior_software_engineer.pdf"
RESUME = CORPUS / "truth" / "sb2nov_sourabh_bajaj.json"


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(ParseError) as error:
        posting_text(name, data)
    message = str(error.value)
    assert isinstance(error.value, InputError), "the app and the CLI show InputError's sentence as it is"
    assert one_sentence(message), message
    return message


# ---------------------------------------------------------------------------------------
# Text files
# ---------------------------------------------------------------------------------------

TEXT = "Senior Accountant – Café Nordic\r\nRequirements\r\n- “CPA” license preferred\r\n- Salary €65,000\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"], ids=["utf8", "utf8-bom", "windows-1252"])
def test_text_in_the_encodings_people_save_is_read_as_written(encoding):
    assert posting_text("posting.txt", TEXT.encode(encoding)) == TEXT


def test_a_text_file_of_one_megabyte_is_read_and_a_larger_one_refused():
    line = b"- Prepare monthly financial statements and reconciliations\n"
    data = line * (MAX_TEXT_BYTES // len(line))
    data += b"x" * (MAX_TEXT_BYTES - len(data))
    assert len(posting_text("posting.txt", data)) == MAX_TEXT_BYTES
    message = _refusal("posting.txt", data + b"x")
    assert "posting.txt is larger than 1 MB" in message


# ---------------------------------------------------------------------------------------
# PDF and DOCX postings
# ---------------------------------------------------------------------------------------


def test_a_pdf_posting_reads_like_its_text_with_plain_dashes_for_bullets():
    text = posting_text(POSTING_PDF.name, POSTING_PDF.read_bytes())
    assert "ServiceNow" in text and "•" not in text
    reference = (JOBS / "servicenow_senior_software_engineer.txt").read_text(encoding="utf-8")
    items = [line[1:].strip() for line in reference.splitlines() if line.startswith("•")]
    assert len(items) > 20
    lines = text.splitlines()
    assert all(f"- {item}" in lines for item in items)


def test_a_pdf_posting_is_analysed_like_the_same_posting_as_text():
    text = posting_text(POSTING_PDF.name, POSTING_PDF.read_bytes())
    found = prepare(text).analysis.requirements
    reference = prepare((JOBS / "servicenow_senior_software_engineer.txt").read_text(encoding="utf-8"))
    assert len(found) > 20
    assert [(item.text, item.kind) for item in found] == [
        (item.text, item.kind) for item in reference.analysis.requirements
    ]
    assert any("Python" in item.text for item in found)


def _docx_posting() -> bytes:
    document = docx.Document()
    document.add_heading("Staff Accountant", level=1)
    document.add_paragraph("We are hiring a staff accountant for our Norwich office.")
    document.add_heading("Responsibilities", level=2)
    for item in ("Prepare monthly financial statements", "• Support the month end close with the controller"):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Requirements", level=2)
    for item in ("Bachelor degree in accounting", "Two years with general ledger systems", "CPA license preferred"):
        document.add_paragraph(item, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_posting_keeps_its_headings_and_list_items():
    text = posting_text("posting.docx", _docx_posting())
    assert text.splitlines() == [
        "Staff Accountant",
        "We are hiring a staff accountant for our Norwich office.",
        "Responsibilities",
        "- Prepare monthly financial statements",
        "- Support the month end close with the controller",
        "Requirements",
        "- Bachelor degree in accounting",
        "- Two years with general ledger systems",
        "- CPA license preferred",
    ]
    requirements = [(item.kind, item.text) for item in prepare(text).analysis.requirements]
    assert ("required", "Bachelor degree in accounting") in requirements
    assert ("preferred", "CPA license preferred") in requirements
    assert ("responsibility", "Prepare monthly financial statements") in requirements


# ---------------------------------------------------------------------------------------
# Refused files
# ---------------------------------------------------------------------------------------


def _random_bytes() -> bytes:
    return random.Random(7).randbytes(4096)


REFUSED = {
    "empty": ("posting.txt", lambda: b"", "The job posting is empty: posting.txt has no text."),
    "png": ("posting.png", badfiles.png_named_pdf, "posting.png is not a text, PDF, DOCX or HTML file"),
    "random_bytes": ("posting.txt", _random_bytes, "posting.txt is not a text, PDF, DOCX or HTML file"),
    "random_bytes_without_nul": (
        "posting.txt",
        lambda: _random_bytes().replace(b"\0", b""),
        "posting.txt is not a text, PDF, DOCX or HTML file",
    ),
    "truncated_pdf": ("posting.pdf", badfiles.truncated_pdf, "This PDF is damaged or incomplete"),
    "encrypted_pdf": ("posting.pdf", lambda: badfiles.encrypted_pdf("s3cret"), "This PDF is protected by a password"),
    "scanned_pdf": ("posting.pdf", badfiles.scanned_pdf, "This PDF has no text layer"),
    "too_large_pdf": ("posting.pdf", badfiles.too_large_pdf, "posting.pdf is larger than 10 MB"),
    "docx_zip_bomb": ("posting.docx", badfiles.docx_zip_bomb, "cannot be processed safely"),
    "docx_entities": ("posting.docx", badfiles.docx_entity_expansion, "XML features that are not allowed"),
    "password_docx": ("posting.docx", badfiles.password_docx, "protected by a password"),
}


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_a_file_that_is_no_readable_posting_is_refused_withone_sentence(case):
    name, make, expected = REFUSED[case]
    message = _refusal(name, make())
    assert expected in message


def test_notepad_unicode_text_is_read():
    text = "Senior Accountant\n- Close the books monthly (GAAP)\n- Café budgets in €"
    assert posting_text("posting.txt", text.encode("utf-16")) == text


def test_a_refused_posting_is_not_called_a_resume():
    assert "resume" not in _refusal("posting.pdf", badfiles.too_many_pages_pdf())


# ---------------------------------------------------------------------------------------
# `resume-app rank RESUME POSTING`
# ---------------------------------------------------------------------------------------


def _rank_cli(posting) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "rank", str(RESUME), str(posting), "--json"],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_cli_ranks_against_a_pdf_posting():
    result = _rank_cli(POSTING_PDF)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    expected = prepare(posting_text(POSTING_PDF.name, POSTING_PDF.read_bytes())).analysis.requirements
    assert [item["text"] for item in document["requirements"]] == [item.text for item in expected]
    assert document["bullets"] and 0 <= document["match_score"] <= 100


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("posting.png", badfiles.png_named_pdf, "posting.png is not a text, PDF, DOCX or HTML file"),
        ("posting.pdf", badfiles.truncated_pdf, "This PDF is damaged or incomplete"),
    ],
    ids=["png", "truncated_pdf"],
)
def test_the_cli_refuses_a_bad_posting_with_one_line(tmp_path, name, make, message):
    posting = tmp_path / name
    posting.write_bytes(make())
    result = _rank_cli(posting)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
