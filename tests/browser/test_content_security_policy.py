"""The pages carry a content security policy, and everything a person does passes it:
import, the editor (walking the amber fields, keyboard reordering, downloads), the
tailoring page (ranking with its gauge and charts, dragging and keyboard reordering, the
download) and the recovery panel (copy and download the key, back up, restore). Every
violation the browser reports (securitypolicyviolation events and console messages) fails
the test."""

from __future__ import annotations

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import AppServer
from tests.browser.helpers import LIBRARY_UPLOAD, edit, open_entry
from tests.browser.tailoring import drag_row_to_top, job, paste_posting, posting, start_tailoring
from tests.browser.test_editor_layout import UNSURE, UNSURE_PDF

RESTORE_UPLOAD = "#library_restore input[type=file]"
# Runs in every document before the page's own scripts (Playwright injects it past the policy).
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def _violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__cspViolations || []")


def _check(page: Page, seen: list[str], where: str) -> None:
    # Collected page by page: a navigation starts a new document with an empty list.
    seen.extend(f"{where}: {violation}" for violation in _violations(page))


def test_the_policy_is_sent_and_strict(app_server: AppServer):
    policy = httpx.get(app_server.url, timeout=10).headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert "'unsafe-eval'" not in policy
    assert "'unsafe-inline'" not in directives["script-src"]
    assert any(source.startswith("'sha256-") for source in directives["script-src"])


def test_every_page_and_action_passes_the_policy(app_server: AppServer, browser: Browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(20_000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server.url)
    context.add_init_script(REPORT_VIOLATIONS)
    console: list[str] = []
    seen: list[str] = []
    page = context.new_page()
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    try:
        # Import: the library page, a PDF with fields the importer was unsure of.
        response = page.goto(app_server.url)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.set_input_files(LIBRARY_UPLOAD, str(UNSURE_PDF))
        page.wait_for_url("**/resume/**", timeout=60_000)
        _check(page, seen, "library")

        # The editor: the amber-field walk puts the cursor in the field (no script from the server).
        page.get_by_role("button", name="Next unsure field").click()
        expect(page.locator(":focus")).to_have_attribute("title", UNSURE)
        # Keyboard reordering on a bullet's grip handle.
        card = open_entry(page.locator('.resume-section[data-kind="work"] .entry-card').first)
        edit(page, lambda: (card.locator(".bullet-handle").first.focus(), page.keyboard.press("ArrowDown")))
        for label in ("Download DOCX", "Download PDF", "Download JSON Resume"):
            with page.expect_download():
                page.get_by_role("button", name=label).click()
        _check(page, seen, "editor")

        # Tailoring: ranking, the gauge and charts, drag and drop, keyboard, the download.
        start_tailoring(page)
        paste_posting(page, posting("indeed_589_tax_accountant"))
        expect(page.locator("#match-panel svg").first).to_be_visible()
        first_job = job(page)
        drag_row_to_top(page, first_job, first_job.locator(".bullet-row").count() - 1)
        handle = first_job.locator(".bullet-row").nth(1).locator(".bullet-handle")
        edit(page, lambda: (handle.focus(), page.keyboard.press("ArrowUp")))
        with page.expect_download():
            page.get_by_role("button", name="Download tailored DOCX").click()
        _check(page, seen, "tailoring")

        # The recovery panel: copy and download the key, back up and restore the library.
        page.goto(app_server.url)
        panel = page.locator("#recovery-panel")
        panel.get_by_role("button", name="Show key").click()
        key = page.locator("#recovery-key").inner_text()
        panel.get_by_role("button", name="Copy key").click()
        expect(panel).to_contain_text("The recovery key is copied")
        assert page.evaluate("() => navigator.clipboard.readText()") == key
        with page.expect_download():
            panel.get_by_role("button", name="Download key").click()
        panel.get_by_label("Recovery key to open").fill(key)
        panel.get_by_role("button", name="Open my library on this browser").click()
        expect(panel).to_contain_text("This library is already open on this browser.")
        with page.expect_download() as backing_up:
            panel.get_by_role("button", name="Back up library").click()
        archive = tmp_path / "library.zip"
        backing_up.value.save_as(archive)
        page.set_input_files(RESTORE_UPLOAD, str(archive))
        expect(panel).to_contain_text("Restored 1 resume")
        _check(page, seen, "recovery")
    finally:
        context.close()
    assert seen == []
    assert console == []
