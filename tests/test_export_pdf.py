"""The exported PDF: text-based, with title and author, read back in reading order."""

from __future__ import annotations

import io
import subprocess
import sys

from pypdf import PdfReader

from resume_app.core import editing, json_resume
from resume_app.export.pdf import page_count, resume_to_pdf
from resume_app.parsing.importer import import_resume
from tests.corpus import CORPUS

CLASSIC = CORPUS / "truth" / "rendercv_classic.json"


def test_pdf_is_text_with_metadata_in_reading_order():
    resume = json_resume.loads(CLASSIC.read_bytes())
    data = resume_to_pdf(resume)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "John Doe - Resume"
    assert reader.metadata.author == "John Doe"
    text = "\n".join(page.extract_text() for page in reader.pages)
    first_job, second_job = resume.section("work").entries[:2]
    positions = [
        text.index(value) for value in ("John Doe", "Experience", first_job.organization, second_job.organization)
    ]
    assert positions == sorted(positions)


def test_pdf_reads_back_as_the_same_jobs():
    resume = json_resume.loads(CLASSIC.read_bytes())
    back = import_resume("resume.pdf", resume_to_pdf(resume))
    original = [(e.title, e.organization, e.start_date, e.end_date) for e in resume.section("work").entries]
    assert [(e.title, e.organization, e.start_date, e.end_date) for e in back.section("work").entries] == original
    assert [b.text for b in back.section("work").entries[0].bullets] == [
        b.text for b in resume.section("work").entries[0].bullets
    ]


def test_hidden_bullets_are_left_out_and_accents_print():
    resume = json_resume.loads(CLASSIC.read_bytes())
    resume.contact.name = "Zoë Ångström-Núñez"
    hidden = resume.section("work").entries[0].bullets[0]
    hidden.hidden = True
    editing.set_bullet_text(resume, resume.bullets()[1].id, "Réduit les coûts de 30 %")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(resume_to_pdf(resume))).pages)
    assert "Zoë Ångström-Núñez" in text and "Réduit les coûts de 30 %" in text
    assert hidden.text[:40] not in text


def test_page_count_and_cli(tmp_path):
    short = json_resume.loads(b'{"basics": {"name": "Ana Silva", "email": "ana@example.org"}}')
    assert page_count(resume_to_pdf(short)) == 1
    output = tmp_path / "out.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "export", str(CLASSIC), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")


def test_no_page_ends_on_a_heading_or_an_entry_title():
    """A heading or an entry's title stays with what follows it (DOCX: keep with next)."""
    from resume_app.export.layout import ExportOptions, layout
    from tests.corpus import TRUTH_FILES

    for path in TRUTH_FILES:
        resume = json_resume.loads(path.read_bytes())
        blocks = layout(resume, ExportOptions())
        # A heading, and an entry's title with lines of its own under it (not a one-line entry).
        kept = {
            block.text
            for block, following in zip(blocks, blocks[1:], strict=False)
            if block.kind == "heading" or (block.kind == "entry" and following.kind not in ("entry", "heading"))
        }
        pages = PdfReader(io.BytesIO(resume_to_pdf(resume))).pages
        for page in pages[:-1]:
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            last = lines[-1] if lines else ""
            assert not any(last.startswith(text) for text in kept if text), f"{path.stem}: a page ends on {last!r}"
