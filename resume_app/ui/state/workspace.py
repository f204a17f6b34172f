"""The browser's workspace: a random token kept in local storage.

The state learns the token from the browser when the page connects. A state can also start
without it: when Redis lost the states (a restart), Reflex builds a fresh one on the next
event and reruns the page's load without the browser's storage. Then nothing is read or
written under a new, empty workspace: the page asks the browser for its key first
(`_ask_key`), and only a browser that has none gets a new one.
"""

from __future__ import annotations

import secrets

import reflex as rx

from resume_app.storage import repository

STORAGE_NAME = "resume_app_workspace"
# What the page's callback receives: the key in this browser's local storage, "" if none.
READ_KEY_SCRIPT = f"window.localStorage.getItem({STORAGE_NAME!r}) || ''"


class WorkspaceUnknown(Exception):
    """The state does not know this browser's workspace key yet: it is being asked for."""


class WorkspaceState(rx.State):
    """Every state that reads or writes rows derives from this one."""

    workspace_token: str = rx.LocalStorage("", name=STORAGE_NAME)
    # The token already known to exist in the database (backend only), to skip the check.
    _checked_token: str = ""

    def workspace_id(self) -> str:
        """This browser's workspace id (the key asked of the browser first, see `_ask_key`)."""
        if not self.workspace_token:
            raise WorkspaceUnknown("this page's state does not know the browser's workspace key yet")
        if self._checked_token != self.workspace_token:
            repository.ensure_workspace(self.workspace_token)
            self._checked_token = self.workspace_token
        return self.workspace_token

    def _ask_key(self, then: rx.EventHandler):
        """The event that reads the key from the browser's storage and passes it to `then`."""
        return rx.call_script(READ_KEY_SCRIPT, callback=then)

    def _take_key(self, key: str) -> None:
        """Use the key the browser had; a browser with none gets a new workspace."""
        key = str(key or "").strip()
        self.workspace_token = key or secrets.token_urlsafe(24)
