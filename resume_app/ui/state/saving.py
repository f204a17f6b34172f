"""What a page's save indicator shows, and the one way a page state saves a change: every
change is saved as it happens, and whatever goes wrong the badge says so in a sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from resume_app.core.errors import InputError

SAVED, SAVING, FAILED = "saved", "saving", "error"
# For a failure that is no fault of the input (a database error, a bug): logged in full.
NOT_SAVED = "Your last change could not be saved; try again."

T = TypeVar("T")
log = logging.getLogger(__name__)


def save(state: Any, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run `action` (which writes to storage) for a state with save_status, save_message
    and save_count; returns whether it was saved, and what it returned."""
    state.save_status = SAVING
    try:
        result = action()
    except InputError as error:
        state.save_status, state.save_message = FAILED, str(error)
        return False, None
    except Exception:
        log.exception("saving a change for %s failed", type(state).__name__)
        state.save_status, state.save_message = FAILED, NOT_SAVED
        return False, None
    state.save_status, state.save_message = SAVED, ""
    state.save_count += 1
    return True, result
