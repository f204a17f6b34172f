"""The version beside its master, job by job, with what moved and what was left out."""

from __future__ import annotations

import reflex as rx

from resume_app.tailoring.rows import (
    CompareJob,
    CompareLine,
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


def compare_job(job: CompareJob) -> rx.Component:
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
