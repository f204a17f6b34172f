"""What the posting says beyond its requirements: the conditions of the job (work
authorisation, travel, shifts, checks...), listed but never scored, and the text the analysis
left out (about the company, benefits, pay, EEO...), one click away, each with why."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import LeftOutRow
from resume_app.ui.state.tailor import TailorState


def _left_out_row(row: LeftOutRow) -> rx.Component:
    return rx.el.li(
        rx.text(row.text, " ", rx.text.span("(" + row.reason + ")", color_scheme="gray"), size="2"),
        class_name="left-out-row",
    )


def posting_parts_card() -> rx.Component:
    return rx.cond(
        TailorState.ranked,
        rx.card(
            rx.vstack(
                rx.heading("Conditions of the job", size="3"),
                rx.text(
                    "Not scored: a resume cannot cover these, but check that you meet them.",
                    size="1",
                    color_scheme="gray",
                ),
                rx.cond(
                    TailorState.eligibility.length() > 0,
                    rx.el.ul(
                        rx.foreach(TailorState.eligibility, lambda text: rx.el.li(rx.text(text, size="2"))),
                        id="eligibility",
                        style={"margin": "0", "padding_left": "1.2em"},
                    ),
                    rx.text("The posting names none.", size="2", id="eligibility"),
                ),
                rx.cond(
                    TailorState.posting_left_out.length() > 0,
                    rx.el.details(
                        rx.el.summary(
                            rx.text(
                                "Left out of the match (",
                                TailorState.posting_left_out.length(),
                                ")",
                                size="2",
                                as_="span",
                            )
                        ),
                        rx.el.ul(
                            rx.foreach(TailorState.posting_left_out, _left_out_row),
                            style={"margin": "0", "padding_left": "1.2em"},
                        ),
                        id="posting-left-out",
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            width="100%",
        ),
    )
