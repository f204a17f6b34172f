"""The browser's workspace: a random token kept in local storage."""

from __future__ import annotations

import secrets

import reflex as rx

from resume_app.storage import repository


class WorkspaceState(rx.State):
    """Every state that reads or writes rows derives from this one."""

    workspace_token: str = rx.LocalStorage("", name="resume_app_workspace")
    # The token already known to exist in the database (backend only), to skip the check.
    _checked_token: str = ""

    def workspace_id(self) -> str:
        """This browser's workspace id, created on first use."""
        if not self.workspace_token:
            self.workspace_token = secrets.token_urlsafe(24)
        if self._checked_token != self.workspace_token:
            repository.ensure_workspace(self.workspace_token)
            self._checked_token = self.workspace_token
        return self.workspace_token
