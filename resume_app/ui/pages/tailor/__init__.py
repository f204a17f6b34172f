"""The tailoring page: the posting and the live match panel on the left, the resume's
bullets in the version's order on the right. One module per panel."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.layout import loaded_page
from resume_app.ui.pages.tailor.bullets import job_card
from resume_app.ui.pages.tailor.compare import compare_job
from resume_app.ui.pages.tailor.length import length_bar
from resume_app.ui.pages.tailor.match_panel import match_panel
from resume_app.ui.pages.tailor.posting import posting_card
from resume_app.ui.pages.tailor.posting_parts import posting_parts_card
from resume_app.ui.pages.tailor.toolbar import (
    confirm_edit_dialog,
    confirm_skill_dialog,
    confirm_suggestion_dialog,
    toolbar,
)
from resume_app.ui.pages.tailor.versions import versions_card
from resume_app.ui.state.tailor import CompareState, TailorState


def _workspace() -> rx.Component:
    return rx.vstack(
        toolbar(),
        rx.grid(
            rx.vstack(posting_card(), match_panel(), posting_parts_card(), versions_card(), spacing="4", width="100%"),
            rx.vstack(
                length_bar(),
                rx.cond(
                    CompareState.compare_open,
                    rx.foreach(CompareState.compare_jobs, compare_job),
                    rx.cond(
                        TailorState.jobs.length() > 0,
                        rx.foreach(TailorState.jobs, job_card),
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
        confirm_edit_dialog(),
        confirm_suggestion_dialog(),
        confirm_skill_dialog(),
        width="100%",
        spacing="4",
    )


def tailor_page() -> rx.Component:
    return loaded_page(
        TailorState,
        "Tailored version not found",
        "This tailored version does not exist in your workspace.",
        _workspace(),
        wide=True,
    )
