"""What a page's save indicator shows, and the one way a page state saves a change: every
change is saved as it happens, and whatever goes wrong the badge says so in a sentence.

When the database cannot be reached, a change is not lost: it waits in the page's queue of
edits (`_pending`, plain names and values, so that the state stays small and picklable for
Redis) and is written, in order, when the database answers again. The page retries by
itself every few seconds (assets/retry.js presses "Try again now"), for a bounded time.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import reflex as rx
from reflex.app import default_backend_exception_handler
from reflex.event import EventSpec

from resume_app.core.errors import InputError
from resume_app.storage.db import unreachable
from resume_app.ui.state.workspace import WorkspaceUnknown

SAVED, SAVING, FAILED = "saved", "saving", "error"
# For a failure that is no fault of the input (a database error, a bug): logged in full.
NOT_SAVED = "Your last change could not be saved; try again."
OUTAGE = "The database cannot be reached; your changes are kept on this page and will be saved when it is back."
OUTAGE_STOPPED = (
    "The database still cannot be reached; your changes are kept on this page until you close it: "
    "press Try again now when it is back."
)
# A page opened while the database is down.
PAGE_OUTAGE = (
    "The database cannot be reached, so this page cannot be shown yet; it will open when the database is back."
)
# The page retries every RETRY_EVERY_S seconds (assets/retry.js), RETRY_LIMIT times, then waits for a press.
RETRY_EVERY_S = 3
RETRY_LIMIT = 200

T = TypeVar("T")
log = logging.getLogger(__name__)


def is_outage(error: BaseException) -> bool:
    """Whether `error` means the database is out of reach (down, restarting, refusing, locked
    for too long), as opposed to a bad change or a bug: then the change can wait and be retried."""
    return not isinstance(error, WorkspaceUnknown) and unreachable(error)


# Anything else that needs the database while it is down (a delete, an export, a new resume):
# one sentence in place of Reflex's "An error occurred".
ACTION_OUTAGE = "The database cannot be reached, so this was not done; try it again when the database is back."


def on_backend_error(exception: Exception) -> EventSpec | None:
    """The app's backend exception handler: a database outage is a sentence, not an error."""
    if isinstance(exception, WorkspaceUnknown):
        # A state lost with Redis: its page is asking the browser for the key (nothing to say).
        log.info("an event came before the page knew its workspace key: %s", exception)
        return None
    if is_outage(exception):
        log.warning("an event needed the database, which cannot be reached: %s", exception)
        return rx.toast.error(ACTION_OUTAGE, id="database-outage", position="top-center")
    return default_backend_exception_handler(exception)


class SavingMixin(rx.State, mixin=True):
    """The save badge's state and the queue of edits, shared by the editor and the tailoring page."""

    save_status: str = SAVED
    # Why the last change was not saved, in one sentence ("" when it was).
    save_message: str = ""
    # Committed saves since the page loaded: lets a watcher tell a new save from an old one.
    save_count: int = 0
    # Edits waiting for the database, and whether the page still retries by itself.
    pending_count: int = 0
    retrying: bool = False
    retry_attempts: int = 0
    # The page itself could not be read (the database is down): this sentence instead of it.
    load_error: str = ""
    # Edits not written yet, oldest first: {"op": name, "args": [...], "target": id}.
    _pending: list[dict] = []

    # What a page defines: the id an edit is written to, how to write one, how to show the stored page.

    def _save_target(self) -> str:
        raise NotImplementedError

    def _write_step(self, op: str, args: list, target: str) -> Any:
        """Write one queued edit to storage (its own transaction); returns what the write returned."""
        raise NotImplementedError

    def _reload(self):
        """Read the page again from storage (after queued edits were written); may return events."""
        raise NotImplementedError

    # Saving

    def _save(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run `action` (which writes to storage) now, without queueing it: for steps that are
        not worth repeating later (a delete); returns whether it was saved, and what it returned."""
        if self._pending:
            # Edits still waiting go first: a later step never overtakes them.
            self._flush()
            if self._pending:
                self.save_message = ACTION_OUTAGE
                return False, None
        self.save_status = SAVING
        try:
            result = action()
        except InputError as error:
            self._not_saved(str(error))
            return False, None
        except Exception as error:
            if is_outage(error) or isinstance(error, WorkspaceUnknown):
                # Not kept for later (a delete, a new version): the person does it again.
                log.warning("the database cannot be reached: %s", error)
                self._not_saved(ACTION_OUTAGE)
                return False, None
            log.exception("saving a change for %s failed", type(self).__name__)
            self._not_saved(NOT_SAVED)
            return False, None
        self._saved()
        return True, result

    def _save_op(self, op: str, *args: Any, repeatable: bool = False) -> tuple[bool, Any]:
        """Save one edit, named by `op` with plain `args`, after every edit still waiting.
        Returns whether this edit is stored now, and what its write returned.

        A `repeatable` edit sets a value (its last argument) of a field (its other arguments):
        a page sends the same value twice (after a pause in typing, and when the field is
        left), so it is not queued again while the field's latest waiting value is the same."""
        step = {"op": op, "args": list(args), "target": self._save_target()}
        if not (repeatable and self._latest_waiting(step) == step):
            self._pending = [*self._pending, step]
        return self._flush()

    def _latest_waiting(self, step: dict) -> dict | None:
        """The last waiting edit of the same field as `step` (same op, target and arguments but
        the value)."""
        for waiting in reversed(self._pending):
            same_field = waiting["args"][:-1] == step["args"][:-1]
            if waiting["op"] == step["op"] and waiting["target"] == step["target"] and same_field:
                return waiting
        return None

    def _flush(self) -> tuple[bool, Any]:
        """Write the waiting edits in order; stop at the first that finds the database down."""
        self.save_status = SAVING
        problem, result, written = "", None, False
        while self._pending:
            step = self._pending[0]
            try:
                result, written = self._write_step(step["op"], step["args"], step["target"]), True
            except InputError as error:
                problem, result, written = str(error), None, False
            except Exception as error:
                if isinstance(error, WorkspaceUnknown):
                    # The page lost its state (Redis restarted): it asks the browser for its key.
                    self._waiting(FAILED, "Reconnecting to your library; your changes are kept on this page.")
                    return False, None
                if is_outage(error):
                    log.warning("the database cannot be reached; %d edits wait: %s", len(self._pending), error)
                    self._waiting(FAILED, OUTAGE if self.retry_attempts < RETRY_LIMIT else OUTAGE_STOPPED)
                    return False, None
                log.exception("saving a change for %s failed", type(self).__name__)
                problem, result, written = NOT_SAVED, None, False
            # Written, or refused for good (a bad value, a bug): either way it leaves the queue.
            self._pending = self._pending[1:]
            if written:
                self.save_count += 1
        self.pending_count, self.retrying, self.retry_attempts = 0, False, 0
        if problem:
            self._not_saved(problem)
        else:
            self.save_status, self.save_message = SAVED, ""
        return written, result

    def _waiting(self, status: str, message: str) -> None:
        self.save_status, self.save_message = status, message
        self.pending_count = len(self._pending)
        self.retrying = self.retry_attempts < RETRY_LIMIT

    def _keep_unwritten(self, error: Exception, op: str, *args: Any) -> bool:
        """For a write made outside `_save_op` (off the event loop): when `error` is the database
        being out of reach, the edit joins the queue and True is returned; else False."""
        if not (is_outage(error) or isinstance(error, WorkspaceUnknown)):
            return False
        log.warning("the database cannot be reached: %s", error)
        self._pending = [*self._pending, {"op": op, "args": list(args), "target": self._save_target()}]
        self._waiting(FAILED, OUTAGE)
        return True

    def _fill_targets(self, target: str) -> None:
        """Edits queued before the page knew its resume (a state lost with Redis) go to `target`."""
        if any(not step["target"] for step in self._pending):
            self._pending = [{**step, "target": step["target"] or target} for step in self._pending]

    @rx.event
    async def retry_saves(self):
        """Try the waiting edits (or the page that could not be read) again: pressed by the
        page every few seconds while `retrying`, or by the person."""
        if not self.workspace_token:
            return self._ask_key(type(self).load_with_key)
        if self.retrying:
            self.retry_attempts += 1
        else:
            self.retry_attempts = 0  # a press after the page stopped: a new round
        if self.load_error:
            return await self._reloaded()
        if not self._pending:
            self.retrying = False
            return None
        written_before = self.save_count
        self._flush()
        if self._pending or self.save_count == written_before:
            return None
        # The edits are stored: show the page as stored now.
        return await self._reloaded()

    async def _reloaded(self):
        try:
            reloaded = self._reload()
            return await reloaded if inspect.isawaitable(reloaded) else reloaded
        except Exception as error:
            if not self._page_unavailable(error):
                raise
            return None

    def _page_unavailable(self, error: Exception) -> bool:
        """For a page's load: whether `error` is the database being down (the page then shows
        PAGE_OUTAGE and retries); False for anything else, which the caller handles."""
        if not is_outage(error):
            return False
        log.warning("a page could not be read, the database cannot be reached: %s", error)
        self.load_error, self.loaded = PAGE_OUTAGE, False
        self.retrying = self.retry_attempts < RETRY_LIMIT
        return True

    def _saved(self) -> None:
        self.save_status, self.save_message = SAVED, ""
        self.save_count += 1

    def _not_saved(self, message: str) -> None:
        self.save_status, self.save_message = FAILED, message
