"""The exported DOCX: ATS-safe by lint, read back by our importer as the same resume,
only what a tailored version chose, in its order, and Unicode kept."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import docx
import pytest

from resume_app.core import editing, json_resume
from resume_app.core.errors import InputError
from resume_app.export.docx import DocxOptions, resume_to_docx
from resume_app.export.layout import plain
from tests.ats_lint import ats_problems
from tests.corpus import CORPUS, TRUTH_FILES
from tests.test_json_resume import UNICODE_NAME


def _exported(path) -> bytes:
    return resume_to_docx(json_resume.loads(path.read_bytes()))


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda path: path.stem)
def test_every_export_passes_the_ats_lint(path):
    assert ats_problems(_exported(path)) == []


def test_a_tailored_version_exports_only_its_bullets_in_its_order():
    resume = json_resume.loads((CORPUS / "truth" / "rendercv_classic.json").read_bytes())
    job = resume.section("work").entries[0]
    first, second, third, fourth = job.bullets[:4]
    second.hidden = True
    editing.move_bullet(resume, fourth.id, -3)
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(resume_to_docx(resume))).paragraphs)
    assert plain(second.text) not in text
    assert text.index(plain(fourth.text)) < text.index(plain(first.text)) < text.index(plain(third.text))
    resume.section("projects").hidden = True
    assert "Projects" not in [p.text for p in docx.Document(io.BytesIO(resume_to_docx(resume))).paragraphs]


def test_options_and_sections_to_include():
    resume = json_resume.loads(TRUTH_FILES[0].read_bytes())
    data = resume_to_docx(resume, DocxOptions(font="Georgia", size=10, page="a4", sections=frozenset({"work"})))
    document = docx.Document(io.BytesIO(data))
    assert document.styles["Normal"].font.name == "Georgia"
    assert round(document.sections[0].page_width.inches, 2) == 8.27
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Experience"]
    with pytest.raises(InputError, match="fonts"):
        resume_to_docx(resume, DocxOptions(font="Comic Sans MS"))


def test_unicode_names_and_bullets_survive():
    resume = json_resume.loads(json.dumps({"basics": {"name": UNICODE_NAME, "email": "z@example.org"}}))
    job = editing.add_entry(resume, "work")
    job.title, job.organization, job.start_date = "Ingénieure", "株式会社テスト", "2020-01"
    editing.add_bullet(resume, job.id, "Réduit les coûts de 30 % 🚀 “grâce” à l’automatisation")
    data = resume_to_docx(resume)
    assert ats_problems(data) == []
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    assert UNICODE_NAME in text and "株式会社テスト" in text
    assert 'Réduit les coûts de 30 % 🚀 "grâce" à l\'automatisation' in text


def test_cli_export_and_tailor_write_docx(tmp_path):
    source = CORPUS / "truth" / "rendercv_classic.json"
    output = tmp_path / "out.docx"
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "export", str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert ats_problems(output.read_bytes()) == []
    tailored = tmp_path / "tailored.docx"
    job = CORPUS / "jobs" / "indeed_245_software_engineer.txt"
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "tailor", str(source), str(job), "-o", str(tailored)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert ats_problems(tailored.read_bytes()) == []
    all_bullets = len(json_resume.loads(source.read_bytes()).bullets())
    tailored_bullets = [
        p for p in docx.Document(io.BytesIO(tailored.read_bytes())).paragraphs if p.style.name == "List Bullet"
    ]
    assert 0 < len(tailored_bullets) <= all_bullets
    bad = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "export", str(source), "-o", str(tmp_path / "out.rtf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "export writes" in bad.stderr
