"""A workspace at its limits on a shared server, as a person meets them in the page: a
full library refuses a new, imported or duplicated resume in one sentence, and a spent
upload allowance says when to try again; nothing is added either way. The server runs
with the default limits; the test fills the workspace in the server's own database."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from resume_app.core.model import Resume
from resume_app.storage import limits, repository
from tests.browser.conftest import AppServer
from tests.browser.helpers import LIBRARY_UPLOAD
from tests.corpus import TRUTH_FILES


def _workspace_key(page: Page, app_server: AppServer) -> str:
    page.goto(app_server.url)
    expect(page.get_by_role("button", name="New resume")).to_be_visible()
    page.wait_for_function("() => !!localStorage.getItem('resume_app_workspace')")
    return page.evaluate("() => localStorage.getItem('resume_app_workspace')")


def _use_the_servers_database(app_server: AppServer, monkeypatch) -> None:
    monkeypatch.delenv("RESUME_APP_DATABASE_URL", raising=False)
    monkeypatch.setenv("RESUME_APP_DATA_DIR", str(app_server.data_dir))


def test_a_full_library_says_so_and_adds_nothing(app_server, new_page, monkeypatch):
    _use_the_servers_database(app_server, monkeypatch)
    page = new_page()
    key = _workspace_key(page, app_server)
    most = limits.current().resumes
    for index in range(most):
        repository.create_resume(key, Resume(title=f"Resume {index}"))
    page.reload()
    cards = page.locator(".resume-card")
    expect(cards).to_have_count(most)
    full = page.get_by_role("alert").filter(has_text=limits.library_full(most))

    page.get_by_role("button", name="New resume").click()
    expect(full).to_be_visible()
    assert page.url.rstrip("/") == app_server.url

    page.reload()
    page.set_input_files(LIBRARY_UPLOAD, str(TRUTH_FILES[0]))
    expect(full).to_be_visible()
    expect(cards).to_have_count(most)
    assert len(repository.list_resumes(key)) == most


def test_a_spent_upload_allowance_says_when_to_try_again(app_server, new_page, monkeypatch):
    _use_the_servers_database(app_server, monkeypatch)
    page = new_page()
    key = _workspace_key(page, app_server)
    allowed = limits.current()
    for _ in range(allowed.uploads):
        repository.charge_upload(key, "import")
    page.set_input_files(LIBRARY_UPLOAD, str(TRUTH_FILES[0]))
    sentence = limits.too_many_uploads(allowed.uploads, allowed.upload_window_minutes, allowed.upload_window_minutes)
    expect(page.get_by_role("alert").filter(has_text=sentence)).to_be_visible()
    expect(page.locator(".resume-card")).to_have_count(0)
    assert repository.list_resumes(key) == []
