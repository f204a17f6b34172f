"""DOCX bytes -> Lines. The safety checks and the XML walk are in docx_layout.py."""

from __future__ import annotations

from resume_app.parsing import docx_layout
from resume_app.parsing.errors import ParseError
from resume_app.parsing.lines import Line, clean_text, strip_bullet


def read_docx(data: bytes) -> list[Line]:
    """The document's lines in reading order, or ParseError with a sentence for the user."""
    try:
        layout_lines = docx_layout.read_docx_lines(data)
    except docx_layout.DocxRejected as error:
        raise ParseError(str(error)) from None
    lines: list[Line] = []
    for layout_line in layout_lines:
        text = clean_text(layout_line.text)
        if not text:
            continue
        _, has_glyph = strip_bullet(text)
        previous = lines[-1] if lines else None
        # A manual line break inside a list item continues that item, not a new bullet.
        if layout_line.continued and previous is not None and previous.bullet:
            previous.text = f"{previous.text} {text}"
            continue
        lines.append(
            Line(
                text=text,
                size=layout_line.font_size or 0.0,
                bold=layout_line.bold,
                bullet=layout_line.is_list or has_glyph,
                level=layout_line.list_level or 0,
                style=layout_line.style or "",
                source=layout_line.source,
                caps=layout_line.all_caps,
                link=layout_line.link,
            )
        )
    if not lines:
        raise ParseError("This Word file has no text to read.")
    return lines
