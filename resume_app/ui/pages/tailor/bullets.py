"""Each job's bullets in the version's order: drag, move, include or leave out, edit in place;
scores, the requirement each covers and the posting's keywords marked."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    Segment,
    TailorBullet,
    TailorJob,
)
from resume_app.tailoring.writing import PreviewPart, SuggestionRow
from resume_app.ui.components.inputs import TEXT_LIMIT
from resume_app.ui.components.sortable import sortable_list
from resume_app.ui.components.status import icon_button
from resume_app.ui.pages.tailor.posting import POSTING_DELAY_MS
from resume_app.ui.state.tailor import BulletEditState, TailorState
from resume_app.ui.state.writing import WritingState


def _segment(segment: Segment) -> rx.Component:
    return rx.cond(
        segment.keyword,
        rx.el.mark(segment.text, class_name="keyword", style={"background": "var(--green-4)", "padding": "0 1px"}),
        rx.text.span(segment.text),
    )


def _bullet_editor(bullet: TailorBullet) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text_area(
                default_value=BulletEditState.editing_draft,
                on_change=lambda text: BulletEditState.set_edit_draft(text).debounce(POSTING_DELAY_MS),
                name="text",
                aria_label="Bullet text",
                id="bullet-editor",
                max_length=TEXT_LIMIT,
                rows="3",
                width="100%",
                auto_focus=True,
            ),
            rx.hstack(
                rx.button("Save", type="submit", size="1"),
                rx.button("Cancel", type="button", size="1", variant="soft", on_click=BulletEditState.cancel_edit),
            ),
            width="100%",
        ),
        on_submit=BulletEditState.save_edit_form,
        width="100%",
    )


def _preview_part(part: PreviewPart) -> rx.Component:
    return rx.cond(
        part.changed,
        rx.el.mark(part.text, class_name="changed", style={"background": "var(--blue-4)", "padding": "0 1px"}),
        rx.text.span(part.text),
    )


def _suggestion(row: SuggestionRow) -> rx.Component:
    question = rx.form(
        rx.hstack(
            rx.text(row.question, size="2", weight="medium"),
            rx.input(name="figure", placeholder="e.g. 30% or 2,000", size="1", aria_label=row.question, max_length=40),
            rx.el.input(type="hidden", name="figure_kind", default_value=row.figure_kind),
            rx.button("Add", type="submit", size="1"),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        on_submit=WritingState.answer_question,
        reset_on_submit=True,
    )
    rewrite = rx.hstack(
        rx.vstack(
            rx.text(rx.foreach(row.preview, _preview_part), size="2", class_name="suggestion-text"),
            rx.cond(row.second != "", rx.text(row.second, size="2", class_name="suggestion-second")),
            spacing="1",
            width="100%",
        ),
        rx.button("Apply", size="1", on_click=WritingState.apply_suggestion(row.index), class_name="apply-suggestion"),
        width="100%",
        align="start",
    )
    return rx.vstack(
        rx.text(row.reason, size="1", color_scheme="gray"),
        rx.cond(row.kind == "metric", question, rewrite),
        spacing="1",
        width="100%",
        class_name="suggestion",
        data_kind=row.kind,
        padding="0.4em",
        border_left="3px solid var(--blue-6)",
    )


def _tense_choice() -> rx.Component:
    return rx.hstack(
        rx.text("Your current role's bullets are in the", size="1", color_scheme="gray"),
        rx.segmented_control.root(
            rx.segmented_control.item("present tense", value="present"),
            rx.segmented_control.item("past tense", value="past"),
            value=WritingState.writing_tense,
            on_change=WritingState.set_tense,
            size="1",
            aria_label="Tense of your current role's bullets",
            id="current-tense",
        ),
        align="center",
        spacing="2",
        wrap="wrap",
    )


def _suggestions_panel() -> rx.Component:
    return rx.vstack(
        rx.cond(WritingState.writing_current, _tense_choice()),
        rx.cond(WritingState.writing_busy, rx.spinner(size="1")),
        rx.foreach(WritingState.writing_rows, _suggestion),
        rx.cond(WritingState.writing_message != "", rx.text(WritingState.writing_message, size="1", role="status")),
        rx.cond(
            WritingState.model_enabled,
            rx.button(
                "Ask your local model",
                size="1",
                variant="soft",
                loading=WritingState.model_busy,
                on_click=WritingState.ask_model,
                class_name="ask-model",
            ),
        ),
        spacing="2",
        width="100%",
        class_name="suggestions",
    )


def _bullet_row(bullet: TailorBullet) -> rx.Component:
    return rx.hstack(
        rx.icon_button(
            rx.icon("grip-vertical", size=16),
            id="handle-" + bullet.id,
            aria_label="Reorder bullet: drag, or press the up or down arrow key",
            title="Drag to reorder, or focus and press the up or down arrow key",
            class_name="bullet-handle",
            variant="ghost",
            color_scheme="gray",
            size="1",
            style={"cursor": "grab"},
        ),
        rx.switch(
            checked=bullet.chosen,
            on_change=lambda _checked: TailorState.toggle(bullet.id),
            aria_label=rx.cond(bullet.chosen, "Leave this bullet out", "Include this bullet"),
            size="1",
            class_name="include-switch",
        ),
        rx.vstack(
            rx.cond(
                BulletEditState.editing_id == bullet.id,
                _bullet_editor(bullet),
                rx.text(rx.foreach(bullet.segments, _segment), size="2", class_name="bullet-text"),
            ),
            rx.cond(
                bullet.score_text != "",
                rx.hstack(
                    rx.progress(
                        value=bullet.score.to(int),
                        width="70px",
                        size="1",
                        class_name="score-bar",
                        aria_label="Match score",
                    ),
                    rx.text(bullet.score_text, size="1", weight="bold", class_name="bullet-score"),
                    rx.text("covers: ", bullet.requirement, size="1", color_scheme="gray", class_name="covers"),
                    align="center",
                    spacing="2",
                ),
            ),
            rx.cond(
                bullet.problems.length() > 0,
                rx.text(bullet.problems.join(" "), size="1", color_scheme="amber"),
            ),
            rx.cond(WritingState.writing_id == bullet.id, _suggestions_panel()),
            spacing="1",
            width="100%",
        ),
        rx.vstack(
            icon_button("arrow-up", "Move bullet up", TailorState.move(bullet.id, -1)),
            icon_button("arrow-down", "Move bullet down", TailorState.move(bullet.id, 1)),
            spacing="1",
        ),
        icon_button("pencil", "Edit bullet text", BulletEditState.start_edit(bullet.id)),
        icon_button("sparkles", "Writing suggestions", WritingState.toggle_suggestions(bullet.id)),
        key=bullet.id,
        data_id=bullet.id,
        data_bullet_id=bullet.id,
        data_chosen=bullet.chosen,
        class_name="bullet-row",
        width="100%",
        align="start",
        padding="0.4em",
        border_radius="var(--radius-2)",
        background=rx.cond(bullet.chosen, "var(--gray-2)", "transparent"),
    )


def job_card(job: TailorJob) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(job.heading, size="3", class_name="entry-heading"),
                rx.spacer(),
                rx.text(job.dates, size="1", color_scheme="gray"),
                width="100%",
                align="center",
            ),
            rx.text(job.chosen_count, " of ", job.bullet_rows.length(), " bullets chosen", size="1"),
            sortable_list(
                rx.foreach(job.bullet_rows, _bullet_row),
                items=job.bullet_rows,
                handle=".bullet-handle",
                group="job-" + job.id,
                on_end=TailorState.place,
                class_name="bullet-list",
                width="100%",
            ),
            width="100%",
            spacing="2",
        ),
        width="100%",
        class_name="job-card",
        data_entry_id=job.id,
        key=job.id,
    )
