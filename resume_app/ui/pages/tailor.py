"""The tailoring page: the posting and the live match panel on the left, the resume's
bullets in the version's order on the right."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    CheckRow,
    CompareJob,
    CompareLine,
    RequirementRow,
    Segment,
    TailorBullet,
    TailorJob,
    VersionRow,
)
from resume_app.ui.components.dialogs import confirm_dialog
from resume_app.ui.components.inputs import labelled, saving_input
from resume_app.ui.components.layout import loaded_page
from resume_app.ui.components.sortable import sortable_list
from resume_app.ui.components.status import icon_button, save_error, save_indicator
from resume_app.ui.state.tailor import MatcherState

POSTING_UPLOAD_ID = "posting_upload"
# A pause in typing that saves and ranks the posting; a paste is sent at once (keyboard.js).
POSTING_DELAY_MS = 400


def _posting_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Job posting", size="4"),
                rx.spacer(),
                rx.upload.root(
                    rx.button(rx.icon("upload", size=14), "Upload .txt, .pdf or .docx", variant="soft", size="1"),
                    id=POSTING_UPLOAD_ID,
                    multiple=False,
                    on_drop=MatcherState.upload_posting(rx.upload_files(upload_id=POSTING_UPLOAD_ID)),
                ),
                width="100%",
                align="center",
            ),
            rx.form(
                rx.vstack(
                    rx.text_area(
                        default_value=MatcherState.posting_text,
                        key=f"posting-{MatcherState.revision}",
                        on_change=lambda text: MatcherState.set_posting_text(text).debounce(POSTING_DELAY_MS),
                        on_blur=MatcherState.set_posting_text,
                        placeholder="Paste the job posting here: title, company, requirements...",
                        aria_label="Job posting",
                        name="posting",
                        id="posting-text",
                        rows="12",
                        width="100%",
                    ),
                    rx.button(rx.icon("target", size=14), "Match", type="submit", size="1", variant="soft"),
                    width="100%",
                    align="end",
                ),
                on_submit=MatcherState.submit_posting,
                id="posting-form",
                width="100%",
            ),
            rx.cond(
                MatcherState.model_loading,
                rx.vstack(
                    rx.text("Loading the matching model (once, after the app starts)...", size="2"),
                    rx.progress(value=MatcherState.model_percent, width="100%"),
                    width="100%",
                    id="model-progress",
                ),
                rx.cond(
                    MatcherState.ranking_busy,
                    rx.hstack(rx.spinner(size="1"), rx.text("Matching your bullets...", size="2"), id="ranking-busy"),
                ),
            ),
            rx.cond(
                MatcherState.posting_error != "",
                rx.callout(
                    MatcherState.posting_error,
                    icon="triangle_alert",
                    color_scheme="red",
                    role="alert",
                    width="100%",
                    id="posting-error",
                ),
            ),
            width="100%",
            spacing="3",
        ),
        width="100%",
    )


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
            data=MatcherState.gauge,
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
            MatcherState.match_score,
            size="8",
            weight="bold",
            id="match-score",
            data_score=MatcherState.match_score,
            style={"position": "absolute", "bottom": "0", "width": "100%", "text_align": "center"},
        ),
        position="relative",
        width="230px",
        height="118px",
    )


def _coverage_chart() -> rx.Component:
    """Share of the posting's requirements of each kind that chosen bullets cover."""
    return rx.recharts.bar_chart(
        rx.recharts.bar(data_key="covered", fill="var(--accent-9)", is_animation_active=False, name="% covered"),
        rx.recharts.x_axis(type_="number", domain=[0, 100], font_size=11),
        rx.recharts.y_axis(data_key="kind", type_="category", width=125, font_size=11, interval=0),
        rx.recharts.graphing_tooltip(),
        data=MatcherState.coverage_chart,
        layout="vertical",
        width=300,
        height=120,
    )


def _requirement(row: RequirementRow) -> rx.Component:
    return rx.hstack(
        rx.cond(
            row.covered,
            rx.icon("circle-check", size=16, color="var(--green-9)", flex_shrink="0"),
            rx.icon("circle-alert", size=16, color="var(--red-9)", flex_shrink="0"),
        ),
        rx.vstack(
            rx.text(row.text, rx.badge(row.kind, variant="soft", size="1", margin_left="0.4em"), size="2"),
            rx.cond(
                row.covered,
                rx.foreach(row.covered_by, lambda text: rx.text("covered by: " + text, size="1", color_scheme="gray")),
                rx.text("No chosen bullet covers this.", size="1", color_scheme="red"),
            ),
            spacing="0",
        ),
        align="start",
        class_name="requirement-row",
        data_covered=row.covered,
    )


def _chips(title: str, words: rx.Var, color: str, element_id: str) -> rx.Component:
    return rx.vstack(
        rx.text(title, size="1", weight="medium", color_scheme="gray"),
        rx.flex(
            rx.foreach(words, lambda word: rx.badge(word, color_scheme=color, variant="soft")),
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


def _panel() -> rx.Component:
    return rx.card(
        rx.cond(
            MatcherState.ranked,
            rx.vstack(
                rx.heading("Match", size="4"),
                _gauge(),
                rx.text("How much of the posting the chosen bullets and skills cover, out of 100.", size="1"),
                rx.text("Requirements covered, by kind (%)", size="1", weight="medium", color_scheme="gray"),
                _coverage_chart(),
                rx.heading("Requirements", size="3"),
                rx.cond(
                    MatcherState.uncovered_count > 0,
                    rx.text(MatcherState.uncovered_count, " not covered yet", size="2", color_scheme="red"),
                ),
                rx.vstack(rx.foreach(MatcherState.requirement_rows, _requirement), spacing="2", id="requirements"),
                rx.heading("Keywords", size="3"),
                _chips("In this version", MatcherState.matched_keywords, "green", "keywords-matched"),
                _chips("In your other bullets, not chosen", MatcherState.missing_here, "amber", "keywords-here"),
                _chips("Nowhere in your resume", MatcherState.missing_everywhere, "red", "keywords-missing"),
                rx.heading("ATS and writing checks", size="3"),
                rx.cond(
                    MatcherState.checks.length() == 0,
                    rx.text("No problems found.", size="2", color_scheme="green"),
                    rx.vstack(rx.foreach(MatcherState.checks, _check), spacing="2", id="checks"),
                ),
                spacing="3",
                width="100%",
                id="match-panel",
            ),
            rx.text("Paste a posting to see how well this resume matches it.", size="2", color_scheme="gray"),
        ),
        width="100%",
    )


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
                default_value=MatcherState.editing_draft,
                on_change=lambda text: MatcherState.set_edit_draft(text).debounce(POSTING_DELAY_MS),
                name="text",
                aria_label="Bullet text",
                id="bullet-editor",
                rows="3",
                width="100%",
                auto_focus=True,
            ),
            rx.hstack(
                rx.button("Save", type="submit", size="1"),
                rx.button("Cancel", type="button", size="1", variant="soft", on_click=MatcherState.cancel_edit),
            ),
            width="100%",
        ),
        on_submit=MatcherState.save_edit_form,
        width="100%",
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
            on_change=lambda _checked: MatcherState.toggle(bullet.id),
            aria_label=rx.cond(bullet.chosen, "Leave this bullet out", "Include this bullet"),
            size="1",
            class_name="include-switch",
        ),
        rx.vstack(
            rx.cond(
                MatcherState.editing_id == bullet.id,
                _bullet_editor(bullet),
                rx.text(rx.foreach(bullet.segments, _segment), size="2", class_name="bullet-text"),
            ),
            rx.cond(
                bullet.score_text != "",
                rx.hstack(
                    rx.progress(value=bullet.score.to(int), width="70px", size="1", class_name="score-bar"),
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
            spacing="1",
            width="100%",
        ),
        rx.vstack(
            icon_button("arrow-up", "Move bullet up", MatcherState.move(bullet.id, -1)),
            icon_button("arrow-down", "Move bullet down", MatcherState.move(bullet.id, 1)),
            spacing="1",
        ),
        icon_button("pencil", "Edit bullet text", MatcherState.start_edit(bullet.id)),
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
        opacity=rx.cond(bullet.chosen, "1", "0.55"),
    )


def _job(job: TailorJob) -> rx.Component:
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
                on_end=MatcherState.place,
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


def _compare_line(line: CompareLine) -> rx.Component:
    return rx.hstack(
        rx.text(line.text, size="2"),
        rx.cond(line.note != "", rx.badge(line.note, variant="soft", color_scheme="gray")),
        align="start",
        justify="between",
        width="100%",
    )


def _compare_column(title: str, lines: rx.Var, class_name: str) -> rx.Component:
    return rx.vstack(
        rx.text(title, weight="bold", size="2"), rx.foreach(lines, _compare_line), width="100%", class_name=class_name
    )


def _compare_job(job: CompareJob) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(job.heading, size="3"),
            rx.grid(
                _compare_column("Master", job.master_lines, "master-lines"),
                _compare_column("This version", job.version_lines, "version-lines"),
                columns="2",
                spacing="4",
                width="100%",
            ),
            width="100%",
        ),
        width="100%",
        class_name="compare-job",
    )


def _versions_card() -> rx.Component:
    def row(version: VersionRow) -> rx.Component:
        return rx.link(
            version.name,
            href="/tailor/" + version.id,
            weight=rx.cond(version.current, "bold", "regular"),
            size="2",
        )

    return rx.card(
        rx.vstack(
            rx.heading("Versions of this resume", size="3"),
            labelled(
                "Name of this version",
                saving_input(
                    "Name of this version",
                    MatcherState.version_name,
                    MatcherState.rename,
                    key=f"version-name-{MatcherState.name_revision}",
                ),
                width="100%",
            ),
            rx.foreach(MatcherState.version_rows, row),
            rx.link("Master resume", href="/resume/" + MatcherState.resume_id, size="2"),
            spacing="1",
            id="versions",
        ),
        width="100%",
    )


def _toolbar() -> rx.Component:
    return rx.vstack(
        rx.link("← " + MatcherState.resume_title, href="/resume/" + MatcherState.resume_id, size="2"),
        rx.hstack(
            rx.heading(MatcherState.version_name, size="6", id="version-name"),
            rx.spacer(),
            save_indicator(MatcherState),
            width="100%",
            align="center",
        ),
        rx.hstack(
            rx.button(
                rx.icon("undo-2"),
                "Undo",
                on_click=MatcherState.undo,
                disabled=MatcherState.undo_label == "",
                id="undo-button",
                variant="soft",
                title=rx.cond(MatcherState.undo_label != "", "Undo " + MatcherState.undo_label + " (Ctrl+Z)", ""),
            ),
            rx.button(
                rx.icon("sparkles"), "Reset to suggestion", on_click=MatcherState.reset_to_suggestion, variant="soft"
            ),
            rx.button(
                rx.icon("columns-2"),
                rx.cond(MatcherState.compare_open, "Back to tailoring", "Compare with master"),
                on_click=MatcherState.toggle_compare,
                variant="soft",
            ),
            rx.button(rx.icon("copy"), "Duplicate", on_click=MatcherState.duplicate, variant="soft"),
            rx.button(
                rx.icon("download"), "DOCX", on_click=MatcherState.download("docx"), aria_label="Download tailored DOCX"
            ),
            rx.button(
                rx.icon("download"),
                "PDF",
                on_click=MatcherState.download("pdf"),
                aria_label="Download tailored PDF",
                variant="soft",
            ),
            wrap="wrap",
            spacing="2",
        ),
        save_error(MatcherState),
        width="100%",
        spacing="2",
    )


def _confirm_dialog() -> rx.Component:
    return confirm_dialog(
        "Change this bullet everywhere?",
        MatcherState.confirm_message,
        "Change everywhere",
        MatcherState.confirm_edit,
        MatcherState.cancel_edit,
        MatcherState.confirm_open,
    )


def _workspace() -> rx.Component:
    return rx.vstack(
        _toolbar(),
        rx.grid(
            rx.vstack(_posting_card(), _panel(), _versions_card(), spacing="4", width="100%"),
            rx.vstack(
                rx.cond(
                    MatcherState.compare_open,
                    rx.foreach(MatcherState.compare_jobs, _compare_job),
                    rx.cond(
                        MatcherState.jobs.length() > 0,
                        rx.foreach(MatcherState.jobs, _job),
                        rx.callout(
                            "This resume has no bullets yet: add some in the editor, then tailor them here.",
                            icon="info",
                        ),
                    ),
                ),
                spacing="3",
                width="100%",
                id="tailored-jobs",
            ),
            spacing="5",
            # One column on a phone, posting and panel beside the bullets from a tablet up.
            grid_template_columns=rx.breakpoints(initial="minmax(0, 1fr)", md="minmax(300px, 2fr) minmax(0, 3fr)"),
            width="100%",
        ),
        _confirm_dialog(),
        width="100%",
        spacing="4",
    )


def tailor_page() -> rx.Component:
    return loaded_page(
        MatcherState,
        "Tailored version not found",
        "This tailored version does not exist in your workspace.",
        _workspace(),
        wide=True,
    )
