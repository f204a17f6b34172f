"""The browser's workspace: a random token kept in local storage.

The state learns the token from the browser when the page connects. A state can also start
without it: when Redis lost the states (a restart), Reflex builds a fresh one on the next
event and reruns the page's load without the browser's storage. Then nothing is read or
written under a new, empty workspace: the page asks the browser for its key first
(`_ask_key`), and only a browser that has none gets a new one.

The asking is done without a script sent from the server (that would need eval, which the
content security policy forbids): the page's hidden key form (ui/components/workspace_key.py)
carries a request number, and assets/workspace_key.js answers each new number by putting the
key from local storage into the form and submitting it to `receive_key`.
"""

from __future__ import annotations

import secrets

import reflex as rx

from resume_app.storage import repository

STORAGE_NAME = "resume_app_workspace"


class WorkspaceUnknown(Exception):
    """The state does not know this browser's workspace key yet: it is being asked for."""


class WorkspaceState(rx.State):
    """Every state that reads or writes rows derives from this one."""

    workspace_token: str = rx.LocalStorage("", name=STORAGE_NAME)
    # A new random value each time the page asks the browser for its key (the key form's
    # data-seq): a counter would start again at the same number in a state rebuilt after Redis
    # lost it, and the browser would take the new request for the one it already answered.
    key_request: str = ""
    # The handler that goes on once the key arrives: its state's full name and its own name.
    # (The key form answers this state, the pages' parent, so the page state is looked up.)
    _key_then: str = ""
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

    def _ask_key(self, then: rx.EventHandler) -> None:
        """Ask the browser for the key in its storage; `then` (a handler of this state that
        takes the key) goes on when it arrives."""
        self._key_then = f"{then.state_full_name}.{then.fn.__name__}"
        self.key_request = secrets.token_hex(8)

    @rx.event
    def receive_key(self, form_data: dict):
        """The key form's answer: the browser's stored key ("" when it has none)."""
        then, self._key_then = self._key_then, ""
        key = str(form_data.get("key") or "")
        if not then:
            # The state was lost again between asking and answering: keep the key; the
            # page's load, rerun by Reflex, goes on.
            self._take_key(key)
            return None
        state_name, _, handler = then.rpartition(".")
        page_state = rx.State.get_class_substate(state_name)
        return getattr(page_state, handler)(key)

    def _take_key(self, key: str) -> None:
        """Use the key the browser had; a browser with none gets a new workspace."""
        key = str(key or "").strip()
        self.workspace_token = key or repository.new_workspace_key()
