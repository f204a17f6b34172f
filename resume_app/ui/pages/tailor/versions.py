"""The versions of this resume: this one's name, links to the others and the master, and
deleting one (after asking)."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    VersionRow,
)
from resume_app.ui.components.dialogs import confirm_dialog
from resume_app.ui.components.inputs import labelled, saving_input
from resume_app.ui.components.status import icon_button
from resume_app.ui.state.tailor import TailorState, VersionsState


def _row(version: VersionRow) -> rx.Component:
    return rx.hstack(
        rx.link(
            version.name,
            href="/tailor/" + version.id,
            weight=rx.cond(version.current, "bold", "regular"),
            size="2",
        ),
        rx.spacer(),
        icon_button("trash-2", "Delete tailored version", VersionsState.ask_delete(version.id), color_scheme="red"),
        width="100%",
        align="center",
        class_name="version-row",
    )


def _delete_dialog() -> rx.Component:
    return confirm_dialog(
        "Delete this tailored version?",
        rx.text('"', VersionsState.delete_name, '" will be deleted; its bullets stay in the master resume.'),
        "Delete",
        VersionsState.confirm_delete,
        VersionsState.cancel_delete,
        VersionsState.delete_id != "",
        color_scheme="red",
    )


def versions_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Versions of this resume", size="3"),
            labelled(
                "Name of this version",
                saving_input(
                    "Name of this version",
                    TailorState.version_name,
                    VersionsState.rename,
                    key=f"version-name-{TailorState.name_revision}",
                ),
                width="100%",
            ),
            rx.foreach(VersionsState.version_rows, _row),
            rx.link("Master resume", href="/resume/" + TailorState.resume_id, size="2"),
            _delete_dialog(),
            spacing="1",
            width="100%",
            id="versions",
        ),
        width="100%",
    )
