"""The version's length: its page count as exported, live as bullets go in and out, and
"Fit to 1 page / 2 pages" with what fitting left out."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.state.tailor import LengthState


def _notes() -> rx.Component:
    """What the last fitting left out: one line to open, as the list can be long."""
    return rx.cond(
        LengthState.fit_notes.length() > 0,
        rx.el.details(
            rx.el.summary(rx.text(LengthState.fit_summary, size="2", as_="span")),
            rx.el.ul(
                rx.foreach(LengthState.fit_notes, lambda note: rx.el.li(rx.text(note, size="2"))),
                style={"margin": "0", "padding_left": "1.2em"},
            ),
            id="fit-notes",
        ),
    )


def length_bar() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text("Length: ", rx.text.strong(LengthState.length_text), size="2", id="page-count"),
                rx.cond(LengthState.counting, rx.spinner(size="1")),
                rx.cond(
                    LengthState.over_budget,
                    rx.badge("Over the page budget", color_scheme="amber", id="over-budget"),
                ),
                rx.spacer(),
                rx.segmented_control.root(
                    rx.segmented_control.item("1 page", value="1"),
                    rx.segmented_control.item("2 pages", value="2"),
                    value=LengthState.budget,
                    on_change=LengthState.set_budget,
                    size="1",
                    aria_label="Page budget",
                    id="page-budget",
                ),
                rx.button(
                    rx.icon("scissors", size=14),
                    "Fit to " + LengthState.budget + rx.cond(LengthState.budget == "1", " page", " pages"),
                    on_click=LengthState.fit,
                    loading=LengthState.fit_busy,
                    size="1",
                    id="fit-button",
                    title="Pick the posting's best bullets that fit the budget; leave out what does not",
                ),
                width="100%",
                align="center",
                wrap="wrap",
                spacing="2",
            ),
            _notes(),
            rx.cond(
                LengthState.left_out_count > 0,
                rx.button(
                    "Put back what fitting left out",
                    on_click=LengthState.put_back,
                    size="1",
                    variant="soft",
                    id="put-back",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        id="length",
    )
