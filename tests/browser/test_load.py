"""bench/load.py's simulated users against the real app, briefly: the protocol they speak is
still the page's, every save a page acknowledged is in the database, and no page received
another workspace's text. (The benchmark's timings are its own business: none here.)"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench import load


@pytest.fixture(scope="module")
def load_run(app_server):
    # Every kind of step at least once (the tour), and several in 20 s (short pauses). On a
    # thread of its own: Playwright's sync API, once a browser test ran, keeps an event loop
    # running on this one, where asyncio.run refuses to start another.
    users = load.run_users(
        app_server.url,
        users=2,
        seconds=20,
        ramp_s=1,
        actions={"edit": 1, "reorder": 1, "paste": 1},
        think_s=(0.5, 1.5),
        tour=True,
    )
    with ThreadPoolExecutor(max_workers=1) as thread:
        result = thread.submit(asyncio.run, users).result()
    return result, f"sqlite:///{app_server.data_dir / 'resume_app.db'}"


def test_two_simulated_users_lose_nothing_and_see_only_their_own_workspace(load_run):
    result, database_url = load_run
    stats = result.stats
    assert dict(stats.errors) == {}, stats.error_examples
    assert all(user.saved.resume_id for user in result.users)
    for kind in ("open library", "import", "open editor", "edit-to-saved", "reorder-to-saved", "paste-to-ranked"):
        assert stats.latencies[kind], f"no {kind} step was completed"

    check = load.check_database(database_url, result.users)
    assert check.checked_edits > 0 and check.checked_orders > 0 and check.checked_postings > 0
    assert check.lost_edits == [] and check.lost_orders == [] and check.lost_postings == []
    assert stats.cross_reads == [] and check.misplaced == []


def test_the_checks_notice_a_lost_edit_and_another_workspaces_text(load_run):
    result, database_url = load_run
    first, second = result.users
    bullet_id = next(iter(first.saved.bullet_text))
    first.saved.bullet_text[bullet_id] = "A text this page never saved"
    entry_id, order = next(iter(first.saved.entry_order.items()))
    first.saved.entry_order[entry_id] = order[::-1]

    check = load.check_database(database_url, result.users)
    assert len(check.lost_edits) == 1 and bullet_id in check.lost_edits[0]
    assert len(check.lost_orders) == 1 and entry_id in check.lost_orders[0]

    first.scan(f'{{"text": "Led the team ({second.marker} edit 3)"}}', "websocket")
    assert result.stats.cross_reads == [
        f"user {first.index} got user {second.index}'s marker {second.marker} (websocket)"
    ]


def test_an_exception_in_the_server_counts_as_an_error_though_no_step_fails():
    from reflex.app import default_backend_exception_handler
    from reflex.state import StateUpdate
    from reflex_base.event import Event
    from reflex_base.utils.format import json_dumps

    # What the page receives when an event handler raised: Reflex's "An error occurred." toast.
    toast = Event.from_event_type(default_backend_exception_handler(RuntimeError("lock expired")))
    update = json.loads(json_dumps(StateUpdate(delta={}, events=toast if isinstance(toast, list) else [toast])))
    stats = load.Stats()
    user = load.User(0, "http://127.0.0.1:1", stats, http=None, registry={})
    user._apply({"events": [{"name": "_call_script", "payload": {"javascript_code": "window.scrollTo(0, 0)"}}]})
    assert sum(stats.errors.values()) == 0
    user._apply(update)
    assert dict(stats.errors) == {"server exception (the page says 'An error occurred.')": 1}
