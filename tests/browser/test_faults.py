"""Faults a hosted app lives through, on the services of `scripts/serve.sh` (PostgreSQL,
Redis, a replica, nginx): PostgreSQL stopped for 20 s mid-session, and Redis restarted
mid-session. What the page showed as saved is never lost, and what was typed during the
outage is saved after it."""

from __future__ import annotations

import shutil
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from resume_app.storage import db, repository
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import SAVE_STATUS, add_job, bullet_texts, edit, new_resume, open_entry, open_truth_resume
from tests.browser.tailoring import chosen_texts, job, paste_posting, posting, start_tailoring, wait_ranked
from tests.scaleout import ScaleOut

OUTAGE_S = 20
# The page retries every 3 s: once the database is back, a few retries at most.
BACK_TIMEOUT_MS = 30_000
KEY_SCRIPT = "localStorage.getItem('resume_app_workspace')"


@pytest.fixture(scope="module")
def serve():
    running = ScaleOut(replicas=1)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        # The services' logs, for a failure's post-mortem.
        saved = ARTIFACTS / "faults-logs"
        shutil.rmtree(saved, ignore_errors=True)
        if (running.data_dir / "logs").exists():
            shutil.copytree(running.data_dir / "logs", saved)
        running.cleanup()


@pytest.fixture
def page(browser: Browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def stored(serve, monkeypatch):
    """The repository reading the PostgreSQL database the app writes to."""
    monkeypatch.setenv("RESUME_APP_DATABASE_URL", serve.database_url)
    db.dispose_all()
    yield repository
    db.dispose_all()


def _status(page: Page):
    return page.locator(SAVE_STATUS)


def _wait_out(stopped_at: float) -> None:
    time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - stopped_at)))


def test_edits_made_while_postgres_is_down_are_saved_when_it_is_back(serve, page, stored):
    resume_url = new_resume(page, serve.url)
    resume_id = resume_url.rstrip("/").rsplit("/", 1)[-1]
    add_job(page, "Engineer", "Acme", ["Kept 300 laptops patched"])
    key = page.evaluate(KEY_SCRIPT)
    entry = page.locator(".entry-card").first
    box = entry.locator(".bullet-row textarea").first

    serve.stop_postgres()
    stopped_at = time.monotonic()
    try:
        box.fill("Kept 300 laptops patched and encrypted")
        box.blur()
        expect(_status(page)).to_have_attribute("data-status", "error")
        expect(_status(page)).to_contain_text("Not saved")
        expect(page.locator("#save-error")).to_contain_text(
            "The database cannot be reached; your changes are kept on this page"
        )
        position = entry.get_by_label("Position", exact=True)
        position.fill("Senior Engineer")
        position.blur()
        expect(page.locator("#pending-note")).to_contain_text("2 changes wait; trying again every few seconds.")
        # A page opened meanwhile says why it is empty, in a sentence.
        other = page.context.new_page()
        other.goto(resume_url)
        expect(other.locator("#page-unavailable")).to_contain_text("The database cannot be reached")
        _wait_out(stopped_at)
        expect(_status(page)).to_have_attribute("data-status", "error")
    finally:
        serve.start_postgres()

    # Nobody presses anything: the page retries by itself.
    expect(_status(page)).to_have_attribute("data-status", "saved", timeout=BACK_TIMEOUT_MS)
    expect(page.locator("#save-error")).to_have_count(0)
    expect(other.locator(".entry-card").first).to_be_visible(timeout=BACK_TIMEOUT_MS)
    written = stored.get_resume(key, resume_id).sections[0].entries[0]
    assert (written.title, [bullet.text for bullet in written.bullets]) == (
        "Senior Engineer",
        ["Kept 300 laptops patched and encrypted"],
    )
    page.reload()
    open_entry(page.locator(".entry-card").first)
    assert bullet_texts(page) == ["Kept 300 laptops patched and encrypted"]
    expect(page.locator(".entry-heading")).to_have_text("Senior Engineer at Acme")


def test_a_tailored_order_changed_while_postgres_is_down_is_saved_when_it_is_back(serve, page, stored):
    open_truth_resume(page, serve.url, "soupboss_01_accountant")
    version_url = start_tailoring(page)
    version_id = version_url.rstrip("/").rsplit("/", 1)[-1]
    paste_posting(page, posting("indeed_589_tax_accountant"))
    wait_ranked(page)
    key = page.evaluate(KEY_SCRIPT)
    before = chosen_texts(job(page))

    serve.stop_postgres()
    stopped_at = time.monotonic()
    try:
        handle = job(page).locator(".bullet-row").nth(1).locator(".bullet-handle")
        handle.focus()
        page.keyboard.press("ArrowUp")
        expect(_status(page)).to_have_attribute("data-status", "error")
        expect(page.locator("#save-error")).to_contain_text("The database cannot be reached")
        _wait_out(stopped_at)
    finally:
        serve.start_postgres()

    expect(_status(page)).to_have_attribute("data-status", "saved", timeout=BACK_TIMEOUT_MS)
    moved = [before[1], before[0], *before[2:]]
    expect(job(page).locator(".bullet-row").first).to_contain_text(before[1][:40])
    assert chosen_texts(job(page)) == moved
    version = stored.get_version(key, version_id)
    master = stored.get_resume(key, version.resume_id)
    ids = {bullet.text: bullet.id for section in master.sections for e in section.entries for bullet in e.bullets}
    order = version.bullet_ids
    assert order.index(ids[before[1]]) < order.index(ids[before[0]]), "the move is stored"
    page.reload()
    expect(job(page).locator(".bullet-row").first).to_be_visible(timeout=BACK_TIMEOUT_MS)
    assert chosen_texts(job(page)) == moved


def test_after_a_redis_restart_the_next_edit_saves_to_the_right_resume(serve, page, stored):
    resume_url = new_resume(page, serve.url)
    resume_id = resume_url.rstrip("/").rsplit("/", 1)[-1]
    add_job(page, "Engineer", "Acme", ["Kept 300 laptops patched"])
    key = page.evaluate(KEY_SCRIPT)

    # Every state in Redis is gone. The page finds out on its next event, or when its
    # websocket reconnects: either way it shows the resume again, read from the database.
    key_form = page.locator("#workspace-key-form")
    asked_before = key_form.get_attribute("data-seq")
    serve.restart_redis()
    # The person's next click finds the state gone: the page reads the resume again (asking
    # the browser for its key, a request of its own), then it can be edited as before.
    page.locator(".entry-card").first.locator(".entry-toggle").click()
    expect(key_form).not_to_have_attribute("data-seq", asked_before or "", timeout=BACK_TIMEOUT_MS)
    box = open_entry(page.locator(".entry-card").first).locator(".bullet-row textarea").first
    # Wait for this edit's own save: the rebuilt page's badge starts at "Saved".
    edit(page, lambda: (box.fill("Kept 300 laptops patched after Redis restarted"), box.blur()))

    expect(_status(page)).to_have_attribute("data-status", "saved", timeout=BACK_TIMEOUT_MS)
    expect(page.locator(".entry-heading")).to_have_text("Engineer at Acme")
    assert page.evaluate(KEY_SCRIPT) == key, "the browser keeps its library's key"
    written = stored.get_resume(key, resume_id).sections[0].entries[0]
    assert [bullet.text for bullet in written.bullets] == ["Kept 300 laptops patched after Redis restarted"]
    # And the session goes on as before.
    entry = open_entry(page.locator(".entry-card").first)
    edit(page, lambda: entry.get_by_role("button", name="Add bullet").click())
    page.reload()
    open_entry(page.locator(".entry-card").first)
    assert bullet_texts(page) == ["Kept 300 laptops patched after Redis restarted", ""]
