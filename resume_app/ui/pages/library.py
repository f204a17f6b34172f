"""The library: every resume of this browser's workspace."""

from __future__ import annotations

import reflex as rx

from resume_app.ui.components.dialogs import confirm_dialog, dialog_buttons
from resume_app.ui.components.inputs import NAME_LIMIT, file_upload
from resume_app.ui.components.layout import page_shell
from resume_app.ui.components.workspace_key import workspace_key_form
from resume_app.ui.state.library import LibraryState, ResumeCard
from resume_app.ui.state.uploads import IMPORT_LIMITS

IMPORT_UPLOAD_ID = "library_import"
RESTORE_UPLOAD_ID = "library_restore"


def _resume_row(card: ResumeCard) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.link(rx.heading(card.title, size="4"), href=f"/resume/{card.id}"),
                rx.text(
                    rx.cond(card.name != "", card.name, "No name yet"),
                    " · ",
                    card.bullet_count,
                    " bullets · edited ",
                    rx.el.time(card.edited, title=card.edited_iso),
                    size="2",
                    color_scheme="gray",
                ),
                spacing="1",
                align="start",
            ),
            rx.spacer(),
            rx.button("Open", on_click=rx.redirect(f"/resume/{card.id}"), variant="soft"),
            rx.button("Rename", on_click=LibraryState.ask_rename(card.id), variant="soft", color_scheme="gray"),
            rx.button("Duplicate", on_click=LibraryState.duplicate(card.id), variant="soft", color_scheme="gray"),
            rx.button("Delete", on_click=LibraryState.ask_delete(card.id), variant="soft", color_scheme="red"),
            align="center",
            width="100%",
            spacing="2",
        ),
        width="100%",
        class_name="resume-card",
    )


def _rename_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Rename resume"),
            rx.input(
                value=LibraryState.target_title,
                on_change=LibraryState.set_target_title,
                aria_label="Resume name",
                auto_focus=True,
                max_length=NAME_LIMIT,
            ),
            dialog_buttons(rx.button("Rename", on_click=LibraryState.confirm_rename), LibraryState.close_dialogs),
        ),
        open=LibraryState.rename_open,
    )


def _delete_dialog() -> rx.Component:
    return confirm_dialog(
        "Delete this resume?",
        rx.text('"', LibraryState.target_title, '" and its tailored versions will be deleted for good.'),
        "Delete",
        LibraryState.confirm_delete,
        LibraryState.close_dialogs,
        LibraryState.delete_open,
        color_scheme="red",
    )


def _import_zone() -> rx.Component:
    """Drop or choose the resume you have; it is read in memory and opened in the editor."""
    return file_upload(
        "Import a resume file (PDF, DOCX or JSON Resume)",
        rx.box(
            rx.cond(
                LibraryState.importing,
                rx.hstack(rx.spinner(size="3"), rx.text("Reading your resume..."), align="center", spacing="3"),
                rx.hstack(
                    rx.icon("upload", size=28, color="var(--accent-9)"),
                    rx.vstack(
                        rx.text("Import the resume you have", weight="bold"),
                        rx.text(
                            f"Drop a PDF, DOCX or JSON Resume file here, or click to choose one ({IMPORT_LIMITS}).",
                            size="2",
                            color_scheme="gray",
                        ),
                        spacing="0",
                    ),
                    align="center",
                    spacing="4",
                ),
            ),
            id="import-status",
            data_importing=LibraryState.importing,
            padding="1.25em",
            border="2px dashed var(--gray-7)",
            border_radius="var(--radius-3)",
            width="100%",
            cursor="pointer",
        ),
        id=IMPORT_UPLOAD_ID,
        multiple=False,
        disabled=LibraryState.importing,
        on_drop=LibraryState.import_file(rx.upload_files(upload_id=IMPORT_UPLOAD_ID)),
        width="100%",
    )


def _recovery_panel() -> rx.Component:
    """The recovery key, opening a library by its key, and the whole library backed up."""
    return rx.card(
        rx.vstack(
            rx.heading("Recovery key", size="4"),
            rx.text(
                "Your library lives under a key kept in this browser. Keep the key somewhere safe: with it you "
                "open your library on another browser, or on this one after its site data is cleared.",
                size="2",
                color_scheme="gray",
            ),
            rx.hstack(
                rx.button(
                    rx.cond(LibraryState.key_shown, "Hide key", "Show key"),
                    on_click=LibraryState.toggle_key,
                    variant="soft",
                ),
                # Copied by the page's own code: a script sent by the server would need eval,
                # which the content security policy forbids (web_guard).
                rx.button(
                    "Copy key",
                    on_click=[rx.set_clipboard(LibraryState.workspace_token), LibraryState.copy_key],
                    variant="soft",
                ),
                rx.button("Download key", on_click=LibraryState.download_key, variant="soft"),
                spacing="2",
                wrap="wrap",
            ),
            rx.cond(
                LibraryState.key_shown,
                rx.code(LibraryState.workspace_token, id="recovery-key", size="3", style={"word_break": "break-all"}),
            ),
            rx.form(
                rx.hstack(
                    rx.input(
                        value=LibraryState.key_typed,
                        on_change=LibraryState.set_key_typed,
                        placeholder="Paste a recovery key",
                        aria_label="Recovery key to open",
                        auto_complete="off",
                        width="22em",
                    ),
                    rx.button("Open my library on this browser", type="submit", variant="soft"),
                    spacing="2",
                    wrap="wrap",
                ),
                on_submit=lambda _: LibraryState.open_with_key,
                reset_on_submit=False,
            ),
            rx.text(
                "Opening another library leaves the one open now under its own key: keep that key first "
                "to come back to it.",
                size="1",
                color_scheme="gray",
            ),
            rx.hstack(
                rx.button(rx.icon("download"), "Back up library", on_click=LibraryState.backup_library, variant="soft"),
                file_upload(
                    "Restore from backup (.zip)",
                    rx.button(
                        rx.cond(LibraryState.restoring, rx.spinner(size="2"), rx.icon("upload")),
                        "Restore from backup",
                        variant="soft",
                        disabled=LibraryState.restoring,
                    ),
                    id=RESTORE_UPLOAD_ID,
                    multiple=False,
                    accept={"application/zip": [".zip"]},
                    disabled=LibraryState.restoring,
                    on_drop=LibraryState.restore_backup(rx.upload_files(upload_id=RESTORE_UPLOAD_ID)),
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            rx.cond(
                LibraryState.recovery_error != "",
                rx.callout(
                    LibraryState.recovery_error, icon="triangle_alert", color_scheme="red", role="alert", width="100%"
                ),
            ),
            rx.cond(
                LibraryState.recovery_note != "",
                rx.callout(LibraryState.recovery_note, icon="info", role="status", width="100%"),
            ),
            spacing="3",
            width="100%",
        ),
        id="recovery-panel",
        width="100%",
    )


def library_page() -> rx.Component:
    return page_shell(
        workspace_key_form(LibraryState),
        rx.hstack(
            rx.heading("Your resumes", size="7"),
            rx.spacer(),
            # Until the page knows this browser's workspace key (asked of the browser on a first
            # visit), nothing can be created in it.
            rx.button(rx.icon("plus"), "New resume", on_click=LibraryState.new_resume, disabled=~LibraryState.loaded),
            width="100%",
            align="center",
            spacing="3",
        ),
        rx.cond(LibraryState.loaded, _import_zone(), rx.center(rx.spinner(size="3"), width="100%", padding="2em")),
        rx.cond(
            LibraryState.message != "",
            rx.callout(LibraryState.message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
        ),
        rx.cond(
            LibraryState.loaded & (LibraryState.resumes.length() == 0),
            rx.text("No resumes yet. Start a new one or import the resume you have.", color_scheme="gray"),
        ),
        rx.vstack(rx.foreach(LibraryState.resumes, _resume_row), width="100%", spacing="3", id="resume-list"),
        _recovery_panel(),
        _rename_dialog(),
        _delete_dialog(),
    )
