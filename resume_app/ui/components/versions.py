"""A tailored version as the editor and the tailoring page list it, and asking before one is deleted."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.dialogs import confirm_dialog
from resume_app.ui.components.status import icon_button


def version_row(name: rx.Var, version_id: rx.Var, on_delete, current: rx.Var | bool = False) -> rx.Component:
    """A link to the version, bold for the one on the page, and its delete button."""
    return rx.hstack(
        rx.link(name, href="/tailor/" + version_id, weight=rx.cond(current, "bold", "regular"), size="2"),
        rx.spacer(),
        icon_button("trash-2", "Delete tailored version", on_delete, color_scheme="red"),
        width="100%",
        align="center",
        class_name="version-row",
    )


def delete_version_dialog(name: rx.Var, bullets_stay_in: str, on_confirm, on_cancel, is_open: rx.Var) -> rx.Component:
    return confirm_dialog(
        "Delete this tailored version?",
        rx.text('"', name, f'" will be deleted; its bullets stay in {bullets_stay_in}.'),
        "Delete",
        on_confirm,
        on_cancel,
        is_open,
        color_scheme="red",
    )
