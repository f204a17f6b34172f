"""The frame every page sits in."""

from __future__ import annotations

import reflex as rx


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
        width="100%",
    )
