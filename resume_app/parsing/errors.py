"""The one exception the parser raises: its message is a sentence for the user."""

from resume_app.core.errors import InputError


class ParseError(InputError):
    """A file that cannot be turned into a resume, and why, in one plain sentence."""


MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20

TOO_LARGE = f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large for a resume."
TOO_MANY_PAGES = f"This document has more than {MAX_PAGES} pages, too long for a resume."
EMPTY_FILE = "This file is empty."
DAMAGED_PDF = "This PDF is damaged or incomplete and cannot be read; export it from the original document again."
ENCRYPTED_PDF = "This PDF is protected by a password; save an unprotected copy and upload that instead."
NO_TEXT_LAYER = (
    "This PDF has no text layer (it looks like a scan or a picture), so there is nothing to read; "
    "upload the original DOCX or a PDF exported from it."
)
NOT_A_RESUME = "This document does not look like a resume: no work history, education or contact details were found."
LOOKS_LIKE_POSTING = "This looks like a job posting, not a resume; paste postings on the tailoring page instead."
ENCRYPTED_DOCX = "This Word file is protected by a password; save an unprotected copy and upload that instead."
