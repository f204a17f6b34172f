"""Dialogs that ask before something is changed or deleted."""

from __future__ import annotations

import reflex as rx


def dialog_buttons(confirm: rx.Component, on_cancel) -> rx.Component:
    return rx.hstack(
        rx.button("Cancel", on_click=on_cancel, variant="soft", color_scheme="gray"),
        confirm,
        justify="end",
        spacing="2",
        margin_top="1em",
    )


def confirm_dialog(
    title: str, description: rx.Component | rx.Var, confirm_label: str, on_confirm, on_cancel, is_open: rx.Var, **button
) -> rx.Component:
    """A yes/no question; `button` styles the confirming button (color_scheme="red" to delete)."""
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(description),
            dialog_buttons(rx.button(confirm_label, on_click=on_confirm, **button), on_cancel),
        ),
        open=is_open,
    )
