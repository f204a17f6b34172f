"""The versions of this resume: this one's name, and links to the others and the master."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    VersionRow,
)
from resume_app.ui.components.inputs import labelled, saving_input
from resume_app.ui.state.tailor import TailorState


def versions_card() -> rx.Component:
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
                    TailorState.version_name,
                    TailorState.rename,
                    key=f"version-name-{TailorState.name_revision}",
                ),
                width="100%",
            ),
            rx.foreach(TailorState.version_rows, row),
            rx.link("Master resume", href="/resume/" + TailorState.resume_id, size="2"),
            spacing="1",
            id="versions",
        ),
        width="100%",
    )
