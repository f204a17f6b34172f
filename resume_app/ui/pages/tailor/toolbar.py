"""The page's header: back to the master, the version's name, the save badge, and the actions
(undo, reset, compare, duplicate, download); and the dialog before a shared bullet changes."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.dialogs import confirm_dialog
from resume_app.ui.components.status import save_error, save_indicator
from resume_app.ui.state.tailor import BulletEditState, CompareState, TailorState, VersionsState
from resume_app.ui.state.writing import WritingState


def toolbar() -> rx.Component:
    return rx.vstack(
        rx.link("← " + TailorState.resume_title, href="/resume/" + TailorState.resume_id, size="2"),
        rx.hstack(
            rx.heading(TailorState.version_name, size="6", id="version-name"),
            rx.spacer(),
            save_indicator(TailorState),
            width="100%",
            align="center",
        ),
        rx.hstack(
            rx.button(
                rx.icon("undo-2"),
                "Undo",
                on_click=TailorState.undo,
                disabled=TailorState.undo_label == "",
                id="undo-button",
                variant="soft",
                title=rx.cond(TailorState.undo_label != "", "Undo " + TailorState.undo_label + " (Ctrl+Z)", ""),
            ),
            rx.button(
                rx.icon("sparkles"), "Reset to suggestion", on_click=TailorState.reset_to_suggestion, variant="soft"
            ),
            rx.button(
                rx.icon("columns-2"),
                rx.cond(CompareState.compare_open, "Back to tailoring", "Compare with master"),
                on_click=CompareState.toggle_compare,
                variant="soft",
            ),
            rx.button(rx.icon("copy"), "Duplicate", on_click=VersionsState.duplicate, variant="soft"),
            rx.button(
                rx.icon("download"), "DOCX", on_click=TailorState.download("docx"), aria_label="Download tailored DOCX"
            ),
            rx.button(
                rx.icon("download"),
                "PDF",
                on_click=TailorState.download("pdf"),
                aria_label="Download tailored PDF",
                variant="soft",
            ),
            wrap="wrap",
            spacing="2",
        ),
        save_error(TailorState),
        width="100%",
        spacing="2",
    )


def confirm_edit_dialog() -> rx.Component:
    return confirm_dialog(
        "Change this bullet everywhere?",
        BulletEditState.confirm_message,
        "Change everywhere",
        BulletEditState.confirm_edit,
        BulletEditState.cancel_edit,
        BulletEditState.confirm_open,
    )


def confirm_suggestion_dialog() -> rx.Component:
    return confirm_dialog(
        "Change this bullet everywhere?",
        WritingState.writing_confirm_message,
        "Change everywhere",
        WritingState.confirm_suggestion,
        WritingState.cancel_suggestion,
        WritingState.writing_confirm_open,
    )


def confirm_skill_dialog() -> rx.Component:
    return confirm_dialog(
        "Add this skill?",
        rx.text(
            "The posting asks for ",
            rx.text.strong(WritingState.skill_term),
            ", which your resume does not name. Add it to your skills only if you have it.",
        ),
        "I have it: add it",
        WritingState.confirm_skill,
        WritingState.cancel_skill,
        WritingState.skill_confirm_open,
    )
