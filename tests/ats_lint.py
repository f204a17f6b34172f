"""An ATS lint of a DOCX: what Taleo, Workday and friends choke on, checked in the XML."""

from __future__ import annotations

import io

import docx

STANDARD_HEADINGS = {
    "Summary",
    "Experience",
    "Education",
    "Skills",
    "Projects",
    "Certifications",
    "Volunteer",
    "Awards",
    "Publications",
    "Languages",
    "Interests",
    "References",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def ats_problems(data: bytes) -> list[str]:
    """Every rule the file breaks, as sentences; empty when it is ATS-safe."""
    document = docx.Document(io.BytesIO(data))
    problems = []
    body = document.element.body
    if body.findall(f".//{W}tbl"):
        problems.append("it has tables")
    xml = document.element.xml
    for marker, what in (("w:drawing", "drawings or images"), ("w:txbxContent", "text boxes"), ("w:pict", "shapes")):
        if f"<{marker}" in xml:
            problems.append(f"it has {what}")
    for section in document.sections:
        for part in (section.header, section.footer):
            if any(paragraph.text.strip() for paragraph in part.paragraphs) or part.tables:
                problems.append("its header or footer has content")
    paragraphs = document.paragraphs
    if not paragraphs or not paragraphs[0].text.strip():
        problems.append("the name is not first")
    for paragraph in paragraphs:
        style = paragraph.style.name
        if style.startswith("Heading") and paragraph.text not in STANDARD_HEADINGS:
            problems.append(f'heading "{paragraph.text}" is not a standard name')
        if paragraph.text in STANDARD_HEADINGS and not style.startswith("Heading"):
            problems.append(f'"{paragraph.text}" is not a built-in Heading style')
        if paragraph.text.lstrip().startswith(("•", "-", "*")) and style != "List Bullet":
            problems.append(f'"{paragraph.text[:30]}" is a typed bullet, not a Word list item')
        if style == "List Bullet" and paragraph.style.element.find(f".//{W}numPr") is None:
            problems.append("the List Bullet style has no Word numbering")
        if any(ord(ch) > 127 and ch in "\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u2026" for ch in paragraph.text):
            problems.append(f'"{paragraph.text[:30]}" has typographic punctuation')
        for run in paragraph.runs:
            if run.font.size is not None and not 10 <= run.font.size.pt <= 20:
                problems.append(f"a run is {run.font.size.pt} pt")
    return problems
