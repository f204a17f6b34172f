"""Export speed: our DOCX export of a two-page resume as a ratio to bare python-docx
writing the same paragraphs (target <= 1.5x), and the PDF export time, in one run.

Run: .venv/bin/python bench/export_speed.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import median_ms  # noqa: E402
from resume_app.core import json_resume  # noqa: E402
from resume_app.export.docx import resume_to_docx  # noqa: E402
from resume_app.export.pdf import page_count, resume_to_pdf  # noqa: E402

TWO_PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "truth" / "reactiveresume_nosepass.json"
REPEATS = 15


def _bare(paragraphs: list[tuple[str, str | None]]) -> bytes:
    """The least any DOCX writer must do: the same paragraphs in the same styles."""
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    resume = json_resume.loads(TWO_PAGES.read_bytes())
    exported = docx.Document(io.BytesIO(resume_to_docx(resume)))
    paragraphs = [(p.text, p.style.name) for p in exported.paragraphs]
    ours = median_ms(lambda: resume_to_docx(resume), REPEATS)
    bare = median_ms(lambda: _bare(paragraphs), REPEATS)
    pdf_ms = median_ms(lambda: resume_to_pdf(resume), REPEATS)
    pages = page_count(resume_to_pdf(resume))
    print(f"resume: {TWO_PAGES.stem}, {len(paragraphs)} paragraphs, {pages} PDF pages")
    print(f"DOCX export   {ours:8.1f} ms")
    print(f"bare docx     {bare:8.1f} ms   (same paragraphs and styles)")
    print(f"ratio         {ours / bare:8.2f}x  (target <= 1.5x)")
    print(f"PDF export    {pdf_ms:8.1f} ms")


if __name__ == "__main__":
    main()
