"""The match panel: the score gauge and what the score is made of, coverage by kind of
requirement, each requirement Met / Partial / Missing (in words, not colour only) with the
bullet that meets it or comes closest, the keywords found and missing, and the checks."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    BreakdownRow,
    CheckRow,
    RequirementRow,
)
from resume_app.ui.state.tailor import TailorState
from resume_app.ui.state.writing import WritingState


def _gauge() -> rx.Component:
    return rx.box(
        rx.recharts.radial_bar_chart(
            # Reflex's wrapper lacks these recharts props: passed through as they are.
            rx.recharts.polar_angle_axis(
                tick=False, custom_attrs={"type": "number", "domain": [0, 100], "axisLine": False}
            ),
            rx.recharts.radial_bar(
                data_key="value", background=True, is_animation_active=False, custom_attrs={"cornerRadius": 6}
            ),
            data=TailorState.gauge,
            # Pixels: a percentage would be of half the chart's height, a small arc.
            inner_radius=78,
            outer_radius=108,
            start_angle=180,
            end_angle=0,
            width=230,
            height=118,
            cy="100%",
        ),
        rx.text(
            TailorState.match_score,
            size="8",
            weight="bold",
            id="match-score",
            data_score=TailorState.match_score,
            style={"position": "absolute", "bottom": "0", "width": "100%", "text_align": "center"},
        ),
        position="relative",
        width="230px",
        height="118px",
        role="img",
        aria_label="Match score: " + TailorState.match_score.to_string() + " out of 100",
    )


def _coverage_chart() -> rx.Component:
    """Share of the posting's requirements of each kind that chosen bullets cover."""
    return rx.box(
        rx.recharts.bar_chart(
            rx.recharts.bar(data_key="covered", fill="var(--accent-9)", is_animation_active=False, name="% covered"),
            rx.recharts.x_axis(type_="number", domain=[0, 100], font_size=11),
            rx.recharts.y_axis(data_key="kind", type_="category", width=125, font_size=11, interval=0),
            rx.recharts.graphing_tooltip(),
            data=TailorState.coverage_chart,
            layout="vertical",
            width=300,
            height=120,
        ),
        role="img",
        aria_label=TailorState.coverage_text,
        id="coverage-chart",
    )


def _breakdown_row(row: BreakdownRow) -> rx.Component:
    return rx.hstack(
        rx.text(row.label, size="2", color_scheme="gray", width="10em"),
        rx.text(row.value, size="2", weight="medium"),
        class_name="breakdown-row",
        spacing="2",
    )


def _breakdown() -> rx.Component:
    """What the score is made of, under the gauge (the README explains the weights)."""
    return rx.vstack(rx.foreach(TailorState.breakdown, _breakdown_row), spacing="0", id="score-breakdown")


def _status_badge(row: RequirementRow) -> rx.Component:
    """The requirement's status as a word with an icon: colour is never the only sign."""
    return rx.match(
        row.status,
        ("Met", rx.badge(rx.icon("circle-check", size=12), "Met", color_scheme="green", class_name="status")),
        ("Partial", rx.badge(rx.icon("circle-dot", size=12), "Partial", color_scheme="amber", class_name="status")),
        rx.badge(rx.icon("circle-alert", size=12), "Missing", color_scheme="red", class_name="status"),
    )


def _requirement(row: RequirementRow) -> rx.Component:
    return rx.hstack(
        rx.box(_status_badge(row), flex_shrink="0", min_width="5.5em"),
        rx.vstack(
            rx.text(row.text, rx.badge(row.kind, variant="soft", size="1", margin_left="0.4em"), size="2"),
            rx.match(
                row.status,
                ("Met", rx.text("Met by: " + row.evidence, size="1", color_scheme="gray", class_name="evidence")),
                (
                    "Partial",
                    rx.text("Closest: " + row.evidence, size="1", color_scheme="gray", class_name="evidence"),
                ),
                rx.text("No chosen bullet shows this yet.", size="1", color_scheme="red", class_name="evidence"),
            ),
            spacing="0",
        ),
        align="start",
        class_name="requirement-row",
        data_covered=row.covered,
        data_status=row.status,
    )


def _chips(title: str, words: rx.Var, color: str, element_id: str, on_click=None, hint: str = "") -> rx.Component:
    """Keyword chips; with `on_click(word)`, each is a button (`hint` its tooltip)."""

    def chip(word) -> rx.Component:
        badge = rx.badge(word, color_scheme=color, variant="soft")
        if on_click is None:
            return badge
        return rx.tooltip(
            rx.el.button(badge, on_click=on_click(word), class_name="keyword-chip", aria_label=hint + ": " + word),
            content=hint,
        )

    return rx.vstack(
        rx.text(title, size="1", weight="medium", color_scheme="gray"),
        rx.flex(
            rx.foreach(words, chip),
            rx.cond(words.length() == 0, rx.text("none", size="1", color_scheme="gray")),
            wrap="wrap",
            gap="1",
        ),
        id=element_id,
        spacing="1",
        width="100%",
    )


def _check(row: CheckRow) -> rx.Component:
    return rx.hstack(
        rx.icon(
            "triangle_alert",
            size=14,
            color=rx.cond(row.severity == "error", "var(--red-9)", "var(--amber-9)"),
            flex_shrink="0",
        ),
        rx.vstack(
            rx.text(rx.cond(row.where != "", row.where + ": ", ""), row.message, size="2"),
            rx.text("Fix: ", row.fix, size="1", color_scheme="gray"),
            spacing="0",
        ),
        align="start",
        class_name="check-row",
    )


def match_panel() -> rx.Component:
    return rx.card(
        rx.cond(
            TailorState.ranked,
            rx.vstack(
                rx.heading("Match", size="4"),
                _gauge(),
                rx.text("How well the chosen bullets, titles and skills answer the posting, out of 100.", size="1"),
                _breakdown(),
                rx.text("Requirements met, by kind (%)", size="1", weight="medium", color_scheme="gray"),
                _coverage_chart(),
                rx.heading("Requirements", size="3"),
                rx.cond(
                    TailorState.uncovered_count > 0,
                    rx.text(TailorState.uncovered_count, " missing", size="2", color_scheme="red", id="missing-count"),
                ),
                rx.vstack(rx.foreach(TailorState.requirement_rows, _requirement), spacing="2", id="requirements"),
                rx.heading("Keywords", size="3"),
                _chips("In this version", TailorState.matched_keywords, "green", "keywords-matched"),
                _chips(
                    "In your other bullets, not chosen",
                    TailorState.missing_here,
                    "amber",
                    "keywords-here",
                    WritingState.include_for_keyword,
                    "Include a bullet that names it",
                ),
                _chips(
                    "Nowhere in your resume",
                    TailorState.missing_everywhere,
                    "red",
                    "keywords-missing",
                    WritingState.ask_skill,
                    "Add it to your skills, if you have it",
                ),
                rx.heading("ATS and writing checks", size="3"),
                rx.cond(
                    TailorState.checks.length() == 0,
                    rx.text("No problems found.", size="2", color_scheme="green"),
                    rx.vstack(rx.foreach(TailorState.checks, _check), spacing="2", id="checks"),
                ),
                spacing="3",
                width="100%",
                id="match-panel",
            ),
            rx.text("Paste a posting to see how well this resume matches it.", size="2", color_scheme="gray"),
        ),
        width="100%",
    )
