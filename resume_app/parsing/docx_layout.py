"""Read a resume DOCX into lines of text, in reading order, with the formatting
hints a resume parser needs (list paragraph, bold, size, caps, origin).

``read_docx_lines(data)`` runs the reader's steps, one module each:

1. ``docx_package``: the upload is checked on its raw bytes (``validate_docx``),
   because python-docx trusts the zip and reads every part into memory;
2. ``docx_styles``: python-docx opens the package; run formatting and list
   membership are resolved through the style chains and numbering part;
3. ``docx_walker``: the WordprocessingML is walked with lxml, because
   python-docx's ``paragraph.text`` / ``iter_inner_content()`` skip content
   controls (w:sdt), smart tags, text boxes and ``w:sym`` glyphs, and
   ``row.cells`` repeats merged cells.
"""

from __future__ import annotations

import io

import docx

from resume_app.parsing.docx_package import MSG_DAMAGED, DocxRejected, validate_docx
from resume_app.parsing.docx_walker import DocxParagraphLine, DocxWalker

# lxml refuses a text node over 10 MB (and XML nested too deep): no resume comes near that.
MSG_TOO_LONG = "This Word document holds more text in one place than any resume does (over 10 MB), so it was not read."

__all__ = ["DocxParagraphLine", "DocxRejected", "read_docx_lines", "validate_docx"]


def read_docx_lines(data: bytes) -> list[DocxParagraphLine]:
    """Lines of a DOCX in reading order: header lines, then the body (paragraphs;
    tables row by row, cell by cell; text boxes before their anchor paragraph),
    then footer lines.

    Raises DocxRejected (a ValueError) with a user-facing sentence for files that
    are not DOCX, are password-protected, or look malicious.
    """
    validate_docx(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return DocxWalker(document).read()
    except DocxRejected:
        raise
    except Exception as error:  # KeyError, ValueError, lxml errors... from a malformed package
        if "Resource limit exceeded" in str(error):  # lxml's limits: a text node over 10 MB, too deep
            raise DocxRejected(MSG_TOO_LONG) from None
        raise DocxRejected(MSG_DAMAGED) from None
