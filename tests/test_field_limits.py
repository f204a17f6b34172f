"""Every field and the posting box hold at most what one websocket message carries (issue 13):
a field over about 1 MB was dropped on the way while the badge said "Saved", and so was a
posting of 1.0-1.2 M characters. The browser stops at the limit the server checks
(maxLength, with a sentence from assets/limits.js); the server refuses more with a sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reflex_base.environment import environment

from resume_app.core import editing
from resume_app.core.errors import InputError
from resume_app.storage import repository
from resume_app.tailoring import service

# The limits the server checks.
TEXT_LIMIT, NAME_LIMIT, POSTING_LIMIT = editing.MAX_TEXT_LENGTH, repository.MAX_TITLE_LENGTH, service.MAX_POSTING_CHARS

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def _worst_message_bytes(characters: int) -> int:
    """A Reflex event carrying `characters` of the costliest text: control characters, which
    JSON writes as \\u00XX (6 bytes each), with the event's own fields around them."""
    payload = {"name": "state.tailor_state.set_posting_text", "payload": {"text": "\u0001" * characters}}
    return len(json.dumps(payload).encode()) + 4096


@pytest.mark.parametrize("limit", [TEXT_LIMIT, NAME_LIMIT, POSTING_LIMIT], ids=["field", "name", "posting"])
def test_each_limit_fits_in_one_websocket_message(limit):
    assert _worst_message_bytes(limit) < environment.REFLEX_SOCKET_MAX_HTTP_BUFFER_SIZE.get()


def _max_lengths(component) -> set[int]:
    return {int(value) for value in re.findall(r"maxLength:(\d+)", str(component))}


def test_the_posting_box_stops_at_the_posting_limit():
    from resume_app.ui.pages.tailor.posting import posting_card

    assert _max_lengths(posting_card()) == {POSTING_LIMIT}


def test_every_editor_field_stops_at_the_field_limit():
    from resume_app.ui.pages import editor

    assert _max_lengths(editor._contact_card()) == {TEXT_LIMIT}


def test_names_stop_at_the_name_limit():
    from resume_app.ui.pages.library import _rename_dialog
    from resume_app.ui.pages.tailor.versions import versions_card

    assert _max_lengths(_rename_dialog()) == {NAME_LIMIT}
    assert NAME_LIMIT in _max_lengths(versions_card())


def test_a_posting_over_the_limit_is_refused_with_a_sentence_that_names_it(workspace):
    with pytest.raises(InputError, match=r"^This posting is longer than 100,000 characters"):
        service.store_posting(workspace, "no-such-version", "x" * (POSTING_LIMIT + 1))


def test_a_field_over_the_limit_is_refused_with_a_sentence():
    from resume_app.core.model import Resume

    with pytest.raises(InputError, match=r"^This field can hold at most 10,000 characters\.$"):
        editing.set_contact_field(Resume(), "name", "x" * (TEXT_LIMIT + 1))


def test_every_page_says_when_the_browser_cut_a_paste():
    from resume_app.ui.components.layout import page_shell

    assert "/limits.js" in str(page_shell())
    script = (ASSETS / "limits.js").read_text(encoding="utf-8")
    assert "was not kept" in script and 'role", "status"' in script
