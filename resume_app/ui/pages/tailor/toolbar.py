"""The page's header: back to the master, the version's name, the save badge, and the actions
(undo, reset, compare, duplicate, download); and the dialog before a shared bullet changes."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.dialogs import confirm_dialog
from resume_app.ui.components.status import save_error, save_indicator
from resume_app.ui.state.tailor import MatcherState


def toolbar() -> rx.Component:
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


def confirm_edit_dialog() -> rx.Component:
    return confirm_dialog(
        "Change this bullet everywhere?",
        MatcherState.confirm_message,
        "Change everywhere",
        MatcherState.confirm_edit,
        MatcherState.cancel_edit,
        MatcherState.confirm_open,
    )
