"""The save indicator every editing page shows (tests and benchmarks watch its counter)."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.state.saving import FAILED, SAVED, SAVING


def save_indicator(state: type[rx.State]) -> rx.Component:
    """`state` has save_status and save_count (committed saves since the page loaded)."""
    return rx.box(
        rx.match(
            state.save_status,
            (SAVING, rx.badge(rx.spinner(size="1"), "Saving...", color_scheme="gray")),
            (SAVED, rx.badge(rx.icon("check", size=14), "Saved", color_scheme="green")),
            (FAILED, rx.badge(rx.icon("triangle_alert", size=14), "Not saved", color_scheme="red")),
        ),
        id="save-status",
        data_status=state.save_status,
        data_saves=state.save_count,
        data_pending=state.pending_count,
        role="status",
        aria_live="polite",
    )


def icon_button(icon: str, label: str, on_click, **props) -> rx.Component:
    return rx.tooltip(
        rx.icon_button(rx.icon(icon, size=16), on_click=on_click, aria_label=label, variant="ghost", size="1", **props),
        content=label,
    )


def retry_button(state: type[rx.State]) -> rx.Component:
    """ "Try again now": pressed by assets/retry.js every few seconds while `state.retrying`."""
    return rx.button(
        rx.icon("refresh-cw", size=14),
        "Try again now",
        on_click=state.retry_saves,
        id="retry-saves",
        data_auto=rx.cond(state.retrying, "true", "false"),
        variant="outline",
        size="1",
    )


def save_error(state: type[rx.State]) -> rx.Component:
    """Why the last change was not saved, in one sentence (state.save_message); while edits wait
    for the database, how many and the button that retries them."""
    return rx.cond(
        state.save_message != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("triangle_alert")),
            rx.callout.text(state.save_message),
            rx.cond(
                state.pending_count > 0,
                rx.hstack(
                    rx.text(
                        state.pending_count,
                        rx.cond(state.pending_count == 1, " change waits", " changes wait"),
                        rx.cond(state.retrying, "; trying again every few seconds.", "."),
                        size="2",
                        id="pending-note",
                    ),
                    retry_button(state),
                    align="center",
                    spacing="3",
                ),
            ),
            color_scheme="red",
            role="alert",
            width="100%",
            id="save-error",
        ),
    )
