"""The versions of this resume: this one's name, links to the others and the master, and
deleting one (after asking)."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    VersionRow,
)
from resume_app.ui.components.inputs import NAME_LIMIT, labelled, saving_input
from resume_app.ui.components.versions import delete_version_dialog, version_row
from resume_app.ui.state.tailor import TailorState, VersionsState


def _row(version: VersionRow) -> rx.Component:
    return version_row(version.name, version.id, VersionsState.ask_delete(version.id), version.current)


def _delete_dialog() -> rx.Component:
    return delete_version_dialog(
        VersionsState.delete_name,
        "the master resume",
        VersionsState.confirm_delete,
        VersionsState.cancel_delete,
        VersionsState.delete_id != "",
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
                    max_length=NAME_LIMIT,
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
