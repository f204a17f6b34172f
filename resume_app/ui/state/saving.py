"""What a page's save indicator shows, and the one way a page state saves a change: every
change is saved as it happens, and whatever goes wrong the badge says so in a sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import reflex as rx

from resume_app.core.errors import InputError

SAVED, SAVING, FAILED = "saved", "saving", "error"
# For a failure that is no fault of the input (a database error, a bug): logged in full.
NOT_SAVED = "Your last change could not be saved; try again."

T = TypeVar("T")
log = logging.getLogger(__name__)


class SavingMixin(rx.State, mixin=True):
    """The save badge's state, shared by the editor and the tailoring page."""

    save_status: str = SAVED
    # Why the last change was not saved, in one sentence ("" when it was).
    save_message: str = ""
    # Committed saves since the page loaded: lets a watcher tell a new save from an old one.
    save_count: int = 0

    def _save(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run `action` (which writes to storage); returns whether it was saved, and what it returned."""
        self.save_status = SAVING
        try:
            result = action()
        except InputError as error:
            self._not_saved(str(error))
            return False, None
        except Exception:
            log.exception("saving a change for %s failed", type(self).__name__)
            self._not_saved(NOT_SAVED)
            return False, None
        self._saved()
        return True, result

    def _saved(self) -> None:
        self.save_status, self.save_message = SAVED, ""
        self.save_count += 1

    def _not_saved(self, message: str) -> None:
        self.save_status, self.save_message = FAILED, message
