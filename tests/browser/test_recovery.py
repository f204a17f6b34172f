"""No lost libraries: the recovery key opens a library in a browser that has forgotten it,
and a backup downloaded from the library page restores into a fresh workspace."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Page, expect

from tests.browser.a11y import serious_violations
from tests.browser.helpers import open_truth_resume

TRUTH = "soupboss_01_accountant"
RESTORE_UPLOAD = "#library_restore input[type=file]"


def _library_with_a_resume(page: Page, base_url: str) -> str:
    """Import a corpus resume, back to the library; the resume's title."""
    open_truth_resume(page, base_url, TRUTH)
    page.goto(base_url)
    card = page.locator(".resume-card").first
    expect(card).to_be_visible()
    return card.get_by_role("heading").inner_text()


def _recovery_key(page: Page) -> str:
    panel = page.locator("#recovery-panel")
    panel.get_by_role("button", name="Show key").click()
    key = page.locator("#recovery-key")
    expect(key).to_have_text(re.compile(r"^[A-Za-z0-9_-]{16,64}$"))
    return key.inner_text()


def test_the_recovery_key_opens_the_library_after_site_data_is_cleared(new_page, app_server, tmp_path):
    first = new_page()
    title = _library_with_a_resume(first, app_server.url)
    key = _recovery_key(first)
    with first.expect_download() as downloading:
        first.get_by_role("button", name="Download key").click()
    saved = tmp_path / "key.txt"
    downloading.value.save_as(saved)
    assert key in saved.read_text(encoding="utf-8")

    # Another browser context: no local storage, so a new, empty library.
    cleared = new_page()
    cleared.goto(app_server.url)
    expect(cleared.get_by_text("No resumes yet.")).to_be_visible()
    panel = cleared.locator("#recovery-panel")
    typed = panel.get_by_label("Recovery key to open")
    typed.fill(secrets.token_urlsafe(24))
    panel.get_by_role("button", name="Open my library on this browser").click()
    expect(panel.get_by_role("alert")).to_have_text(
        "No library was found for this recovery key; check it and try again."
    )
    expect(cleared.get_by_text("No resumes yet.")).to_be_visible()
    # The panel, its key on show and its sentence, passes axe as the rest of the library does.
    _recovery_key(cleared)
    assert serious_violations(cleared) == []
    cleared.locator("#recovery-panel").get_by_role("button", name="Hide key").click()

    typed.fill(key)
    panel.get_by_role("button", name="Open my library on this browser").click()
    expect(cleared.locator(".resume-card").get_by_role("heading")).to_have_text([title])
    # The browser keeps the key: after a reload the library is still this one.
    cleared.reload()
    expect(cleared.locator(".resume-card").get_by_role("heading")).to_have_text([title])
    assert _recovery_key(cleared) == key


def test_a_backup_restores_into_a_fresh_workspace(new_page, app_server, tmp_path):
    first = new_page()
    title = _library_with_a_resume(first, app_server.url)
    with first.expect_download() as downloading:
        first.get_by_role("button", name="Back up library").click()
    archive = tmp_path / "library.zip"
    downloading.value.save_as(archive)
    assert downloading.value.suggested_filename.endswith(".zip")

    fresh = new_page()
    fresh.goto(app_server.url)
    expect(fresh.get_by_text("No resumes yet.")).to_be_visible()
    fresh.set_input_files(RESTORE_UPLOAD, str(archive))
    expect(fresh.locator("#recovery-panel").get_by_role("status")).to_have_text(
        "Restored 1 resume, 0 tailored versions and 0 job postings."
    )
    expect(fresh.locator(".resume-card").get_by_role("heading")).to_have_text([title])
    fresh.locator(".resume-card").first.get_by_role("button", name="Open").click()
    fresh.wait_for_url("**/resume/**")
    expect(fresh.locator(".entry-card").first).to_be_visible()

    bad = tmp_path / "not-a-backup.zip"
    bad.write_bytes(b"hello")
    fresh.goto(app_server.url)
    fresh.set_input_files(RESTORE_UPLOAD, str(bad))
    expect(fresh.locator("#recovery-panel").get_by_role("alert")).to_contain_text("not a zip archive")
    expect(fresh.locator(".resume-card")).to_have_count(1)
