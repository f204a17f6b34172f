"""The posting card: paste, type or upload the job posting; saved and ranked as it comes."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.inputs import POSTING_LIMIT, file_upload
from resume_app.ui.state.tailor import TailorState

POSTING_UPLOAD_ID = "posting_upload"
# A pause in typing that saves and ranks the posting; a paste is sent at once (keyboard.js).
POSTING_DELAY_MS = 400


def posting_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Job posting", size="4"),
                rx.spacer(),
                file_upload(
                    "Upload the job posting file",
                    rx.button(
                        rx.icon("upload", size=14), "Upload .txt, .pdf, .docx or .html", variant="soft", size="1"
                    ),
                    id=POSTING_UPLOAD_ID,
                    multiple=False,
                    on_drop=TailorState.upload_posting(rx.upload_files(upload_id=POSTING_UPLOAD_ID)),
                ),
                width="100%",
                align="center",
            ),
            rx.form(
                rx.vstack(
                    rx.text_area(
                        default_value=TailorState.posting_text,
                        key=f"posting-{TailorState.revision}",
                        on_change=lambda text: TailorState.set_posting_text(text).debounce(POSTING_DELAY_MS),
                        on_blur=TailorState.set_posting_text,
                        placeholder="Paste the job posting here: title, company, requirements...",
                        aria_label="Job posting",
                        name="posting",
                        id="posting-text",
                        max_length=POSTING_LIMIT,
                        rows="12",
                        width="100%",
                    ),
                    # A rich paste's HTML, plain text and place, filled and emptied by keyboard.js around its submit.
                    *(rx.el.input(type="hidden", name=f"posting_{key}") for key in ("html", "plain", "span")),
                    rx.button(rx.icon("target", size=14), "Match", type="submit", size="1", variant="soft"),
                    width="100%",
                    align="end",
                ),
                on_submit=TailorState.submit_posting,
                id="posting-form",
                width="100%",
            ),
            rx.cond(
                TailorState.model_loading,
                rx.vstack(
                    rx.text("Loading the matching model (once, after the app starts)...", size="2"),
                    rx.progress(value=TailorState.model_percent, width="100%", aria_label="Loading the matching model"),
                    width="100%",
                    id="model-progress",
                ),
                rx.cond(
                    TailorState.ranking_busy,
                    rx.hstack(rx.spinner(size="1"), rx.text("Matching your bullets...", size="2"), id="ranking-busy"),
                ),
            ),
            rx.cond(
                TailorState.posting_error != "",
                rx.callout(
                    TailorState.posting_error,
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
