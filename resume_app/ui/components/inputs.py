"""Inputs that save as the person types (debounced) and when they leave the field."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from resume_app.core.editing import MAX_TEXT_LENGTH
from resume_app.storage.repository import MAX_TITLE_LENGTH
from resume_app.tailoring.service import MAX_POSTING_CHARS

# What a field holds, as the server checks it; the browser stops typing and cuts a paste
# there (maxLength), and assets/limits.js says so. All well under the websocket's 1 MB
# message, which is dropped on the way, unsaved and unannounced, when it is larger.
TEXT_LIMIT = MAX_TEXT_LENGTH
NAME_LIMIT = MAX_TITLE_LENGTH
POSTING_LIMIT = MAX_POSTING_CHARS

# Long enough to batch a burst of typing, short enough that "saved" shows quickly.
SAVE_DELAY_MS = 400


def saving_input(
    label: str,
    value: rx.Var,
    save: Callable[[rx.Var], rx.event.EventSpec],
    key: rx.Var | str,
    multiline: bool = False,
    placeholder: rx.Var | str = "",
    element_id: rx.Var | str | None = None,
    unsure: rx.Var | bool = False,
    **props,
) -> rx.Component:
    """An uncontrolled input: typing is never slowed by a round trip to the server.

    Debounced events share one timer per handler name, so a save on blur makes
    sure a quick move to the next field never drops the previous one.
    """
    component = rx.text_area if multiline else rx.input
    extra = {"id": element_id} if element_id is not None else {}
    # Fields the importer guessed at get an amber frame until the person edits them.
    props.setdefault("color_scheme", rx.cond(unsure, "amber", "gray"))
    props.setdefault("variant", rx.cond(unsure, "soft", "surface"))
    props.setdefault("title", rx.cond(unsure, "The importer was not sure about this: please check it.", ""))
    props.setdefault("max_length", TEXT_LIMIT)
    return component(
        default_value=value,
        on_change=lambda text: save(text).debounce(SAVE_DELAY_MS),
        on_blur=lambda text: save(text),
        aria_label=label,
        placeholder=placeholder,
        key=key,
        width="100%",
        **extra,
        **props,
    )


def labelled(label: rx.Var | str, control: rx.Component, **props) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", color_scheme="gray", weight="medium"), control, spacing="1", **props)


def file_upload(label: str, *children: rx.Component, **props) -> rx.Component:
    """`rx.upload.root` whose hidden file input is named for screen readers (and axe): Reflex
    gives the input only react-dropzone's props."""
    upload = rx.upload.root(*children, **props)
    zone = upload.children[0]
    file_input = next(child for child in zone.children if getattr(child, "tag", "") == "input")
    file_input.custom_attrs["aria-label"] = label
    return upload
