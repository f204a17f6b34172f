"""What the tests ask of a message for the user: one sentence, no traceback."""

from __future__ import annotations

import re


def one_sentence(message: str) -> bool:
    return (
        bool(message)
        and "\n" not in message
        and "Traceback" not in message
        and not re.search(r"[.!?]\s+[A-Z]", message)
    )
