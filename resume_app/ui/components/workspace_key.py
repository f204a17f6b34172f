"""The hidden form through which a page learns the workspace key kept in the browser."""

from __future__ import annotations

import reflex as rx


def workspace_key_form(state: type[rx.State]) -> rx.Component:
    """`state` derives from WorkspaceState: assets/workspace_key.js fills and submits this form
    whenever `state.key_request` changes."""
    return rx.form(
        rx.el.input(type="hidden", name="key"),
        on_submit=state.receive_key,
        id="workspace-key-form",
        data_seq=state.key_request,
        display="none",
    )
