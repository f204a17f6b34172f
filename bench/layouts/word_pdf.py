"""Word layouts saved as PDF: each python-docx family of word_docx.py printed by LibreOffice.

A resume written in Word and sent as a PDF is the most common file a person has; its PDF
carries what the DOCX hides from a PDF reader: a layout table turned into positioned text,
a page header printed on every page, a text box placed beside the body, two text columns.
The truth is the DOCX family's (the PDF shows the same things).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.layouts import word_docx
from bench.layouts.base import Family, Resume

SOFFICE = "soffice"
# LibreOffice converts a batch in one start; a few hundred files take about a minute.
CONVERT_TIMEOUT_S = 900


def _unavailable() -> str | None:
    if not shutil.which(SOFFICE):
        return "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    return None


def _printer(docx_family: Family):
    def render(items: list[tuple[Resume, Path]]) -> None:
        with tempfile.TemporaryDirectory(prefix="word-pdf-") as scratch:
            folder = Path(scratch)
            sources = []
            for truth, path in items:
                source = folder / path.with_suffix(".docx").name
                docx_family.render([(truth, source)])
                sources.append(source)
            # A profile of its own: two families converting at once would share (and lock) one.
            profile = (folder / "profile").as_uri()
            subprocess.run(
                [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
                + ["--outdir", str(folder / "pdf"), *map(str, sources)],
                check=True,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_S,
            )
            for _, path in items:
                printed = folder / "pdf" / path.name
                if printed.exists():
                    shutil.move(printed, path)

    return render


def _family(docx_family: Family) -> Family:
    return Family(
        name=docx_family.name.replace("docx_", "wordpdf_", 1),
        kind="wordpdf",
        ext="pdf",
        traits=f"{docx_family.name} saved as PDF by LibreOffice: {docx_family.traits}",
        project=docx_family.project,
        render=_printer(docx_family),
        unavailable=_unavailable,
    )


FAMILIES = [_family(family) for family in word_docx.FAMILIES]
