"""The frame every page sits in."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.status import retry_button
from resume_app.ui.components.workspace_key import workspace_key_form


def page_shell(*children: rx.Component, wide: bool = False) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.link(rx.hstack(rx.icon("file-text"), rx.text("resume_app", weight="bold"), align="center"), href="/"),
            rx.spacer(),
            rx.text("Private: everything stays on this machine.", size="1", color_scheme="gray"),
            padding="0.75em 1.5em",
            border_bottom="1px solid var(--gray-5)",
            align="center",
            width="100%",
        ),
        rx.container(rx.vstack(*children, spacing="4", width="100%"), size="4" if wide else "3", padding_y="1.5em"),
        rx.script(src="/keyboard.js"),
        rx.script(src="/limits.js"),
        rx.script(src="/retry.js"),
        rx.script(src="/workspace_key.js"),
        width="100%",
    )


def loaded_page(
    state: type[rx.State], missing_title: str, missing_text: str, body: rx.Component, wide: bool = False
) -> rx.Component:
    """A page of one stored thing: a spinner until `state` has loaded it, or a "not found" notice,
    or why it cannot be read now (the database is down: the page retries by itself)."""
    return page_shell(
        workspace_key_form(state),
        rx.cond(
            state.load_error != "",
            rx.callout.root(
                rx.callout.icon(rx.icon("triangle_alert")),
                rx.callout.text(state.load_error),
                retry_button(state),
                color_scheme="red",
                role="alert",
                width="100%",
                id="page-unavailable",
            ),
            rx.cond(
                state.not_found,
                rx.vstack(
                    rx.heading(missing_title, size="6"),
                    rx.text(missing_text),
                    rx.link("Back to your resumes", href="/"),
                    id="not-found",
                ),
                rx.cond(state.loaded, body, rx.center(rx.spinner(size="3"), width="100%", padding="3em")),
            ),
        ),
        wide=wide,
    )
