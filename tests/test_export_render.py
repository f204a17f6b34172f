"""export.render: the one way the editor, the tailoring page and the CLI make a file."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import docx
import pytest
from pypdf import PdfReader

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.export import ExportFile, file_name, render
from resume_app.export.layout import ExportOptions

SHORT = {
    "basics": {"name": "John Doe", "email": "john.doe@example.org"},
    "work": [
        {
            "name": "Acme",
            "position": "Data Engineer",
            "startDate": "2021-03",
            "highlights": ["Built the billing pipeline in Python.", "Cut the nightly load from 6 to 2 hours."],
        }
    ],
}


@pytest.fixture
def resume():
    resume = json_resume.loads(json.dumps(SHORT).encode())
    resume.title = "John Doe resume"
    return resume


def _long(resume, bullets: int = 120):
    entry = resume.section("work").entries[0]
    for number in range(bullets):
        editing.add_bullet(resume, entry.id, f"Delivered project number {number} on time and under budget.")
    return resume


def test_docx_is_a_word_document_named_after_the_resume(resume):
    exported = render(resume, "docx")
    assert isinstance(exported, ExportFile)
    assert exported.mime_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert exported.filename == "John_Doe_resume.docx"
    paragraphs = [paragraph.text for paragraph in docx.Document(io.BytesIO(exported.data)).paragraphs]
    assert paragraphs[0] == "John Doe"
    assert exported.pages == 1


def test_pdf_counts_its_own_pages(resume):
    exported = render(resume, "pdf")
    assert exported.data.startswith(b"%PDF") and exported.mime_type == "application/pdf"
    assert exported.filename == "John_Doe_resume.pdf"
    assert exported.pages == len(PdfReader(io.BytesIO(exported.data)).pages) == 1


def test_json_is_the_same_json_resume_document(resume):
    exported = render(resume, "json")
    assert exported.mime_type == "application/json" and exported.filename == "John_Doe_resume.json"
    assert json.loads(exported.data) == json.loads(json_resume.dumps(resume))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "json"])
def test_every_format_reports_the_length_the_pdf_lays_out(resume, fmt):
    long = _long(resume)
    exported = render(long, fmt)
    pdf_pages = len(PdfReader(io.BytesIO(render(long, "pdf").data)).pages)
    assert exported.pages == pdf_pages > 2
    assert exported.too_long
    assert exported.length_warning == f"This resume runs to {pdf_pages} pages; most recruiters read one or two."


def test_a_short_resume_gets_no_length_warning(resume):
    exported = render(resume, "docx")
    assert not exported.too_long and exported.length_warning == ""


def test_options_reach_the_writer(resume):
    exported = render(resume, "docx", ExportOptions(font="Georgia"))
    assert docx.Document(io.BytesIO(exported.data)).styles["Normal"].font.name == "Georgia"
    with pytest.raises(InputError, match="Choose one of these fonts"):
        render(resume, "pdf", ExportOptions(font="Comic Sans MS"))


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Acme - Data Engineer", "Acme_-_Data_Engineer.docx"),
        ("../../etc/passwd", "______etc_passwd.docx"),
        ('Zoë "CV" 2024', "Zoë__CV__2024.docx"),
        ("", "resume.docx"),
    ],
)
def test_file_names_keep_letters_digits_dashes_and_underscores(title, name):
    assert file_name(title, "docx") == name


def test_the_title_and_the_fallback_name_can_be_given(resume):
    assert render(resume, "pdf", title="Acme / Engineer").filename == "Acme___Engineer.pdf"
    resume.title = ""
    assert render(resume, "pdf", fallback="tailored").filename == "tailored.pdf"


@pytest.mark.parametrize("fmt", ["txt", "", "exe"])
def test_an_unknown_format_is_refused_with_a_sentence(resume, fmt):
    with pytest.raises(InputError, match=r"^Choose JSON Resume \(\.json\), DOCX \(\.docx\) or PDF \(\.pdf\)\.$"):
        render(resume, fmt)


# NUL, BEL, ESC (with a colour code after it) and RLO, as they come in a pasted field or a
# JSON Resume: Word's XML refuses the first three, the last turns the text around on screen.
CONTROLS = {
    "basics": {"name": "Ada\u0007 Lovelace", "email": "ada@example.org", "summary": "Nul\u0000 here \u001b[31mred"},
    "work": [
        {
            "name": "Acme\u202e",
            "position": "Engineer",
            "startDate": "2020",
            "highlights": ["Built \u0000the\u0007 billing\u001b pipeline \u202ein Python."],
        }
    ],
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_control_characters_in_a_field_are_left_out_of_the_export(fmt):
    exported = render(json_resume.from_json_resume(json.loads(json.dumps(CONTROLS))), fmt)
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(exported.data)).paragraphs)
    else:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(exported.data)).pages)
    assert "Built the billing pipeline in Python." in text
    assert "Ada Lovelace" in text and "Nul here [31mred" in text
    assert not any(ch in text for ch in "\u0000\u0007\u001b\u202e")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_cli_exports_a_resume_with_control_characters(fmt, tmp_path):
    source, output = tmp_path / "controls.json", tmp_path / f"out.{fmt}"
    source.write_text(json.dumps(CONTROLS), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "export", str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert output.stat().st_size > 1000
