"""The library page: import and export JSON Resume, bad files, rename, duplicate, delete."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from resume_app.core import json_resume
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import open_entry
from tests.corpus import TRUTH_FILES

LIBRARY_UPLOAD = "#library_import input[type=file]"


def _import(page: Page, base_url: str, path) -> None:
    page.goto(base_url)
    page.set_input_files(LIBRARY_UPLOAD, str(path))


def test_import_shows_the_resume_and_export_gives_it_back(app_server, page, tmp_path):
    truth = next(path for path in TRUTH_FILES if path.stem == "rendercv_classic")
    document = json.loads(truth.read_text(encoding="utf-8"))
    _import(page, app_server.url, truth)
    page.wait_for_url("**/resume/**")
    expect(page.get_by_label("Full name", exact=True)).to_have_value(document["basics"]["name"])
    first_job = document["work"][0]
    expect(page.locator(".entry-heading").first).to_have_text(f"{first_job['position']} at {first_job['name']}")
    open_entry(page.locator('.resume-section[data-kind="work"] .entry-card').first)
    expect(page.locator(".bullet-row textarea").first).to_have_value(first_job["highlights"][0])
    ARTIFACTS.mkdir(exist_ok=True)
    # The README's picture of the editor comes from here (copied to docs/).
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "editor.png"))

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download JSON Resume").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    saved = tmp_path / "downloaded.json"
    download.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == document


def _bad_files(tmp_path):
    files = {
        "not_json.json": b"{ this is not json",
        # Fields the schema leaves open are kept (x-salary); the same key twice is refused.
        "duplicate_key.json": b'{"basics": {"name": "A"}, "work": [{"name": "X", "x-salary": 1}], "work": []}',
        "wrong_type.json": b'{"basics": {"name": "A"}, "work": [{"highlights": "one string"}]}',
        "empty_name.json": b'{"basics": {"name": ""}, "work": []}',
        "empty.json": b"",
        "huge.json": b'{"basics": {"name": "A", "summary": "' + b"x" * (11 * 1024 * 1024) + b'"}}',
        "resume.exe": b"MZ\x90\x00 binary junk",
    }
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


EXPECTED_MESSAGES = {
    "not_json.json": "This is not valid JSON",
    "duplicate_key.json": 'The document has the field "work" twice.',
    "wrong_type.json": "work[0].highlights should be a list of text",
    "empty_name.json": "The resume has no name",
    "empty.json": "This file is empty.",
    "huge.json": "too large for a resume",
    "resume.exe": "is not a PDF, DOCX or JSON Resume file",
}


def test_bad_files_give_one_sentence_and_change_nothing(app_server, page, tmp_path):
    good = TRUTH_FILES[0]
    _import(page, app_server.url, good)
    page.wait_for_url("**/resume/**")
    page.goto(app_server.url)
    expect(page.locator(".resume-card")).to_have_count(1)
    for path in _bad_files(tmp_path):
        page.set_input_files(LIBRARY_UPLOAD, str(path))
        expect(page.get_by_role("alert")).to_contain_text(EXPECTED_MESSAGES[path.name])
        expect(page.get_by_role("alert")).not_to_contain_text("Traceback")
        assert page.url.rstrip("/") == app_server.url
        page.reload()
        expect(page.locator(".resume-card")).to_have_count(1)
        assert app_server.is_serving()
    page.locator(".resume-card a").first.click()
    page.wait_for_url("**/resume/**")
    expect(page.get_by_label("Full name", exact=True)).to_have_value(json_resume.loads(good.read_bytes()).contact.name)


@pytest.mark.parametrize("where", ["editor"])
def test_bad_file_in_the_editor_leaves_the_resume_alone(app_server, page, tmp_path, where):
    _import(page, app_server.url, TRUTH_FILES[1])
    page.wait_for_url("**/resume/**")
    url = page.url
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"basics": {"name": 7}}')
    page.set_input_files("#editor_import input[type=file]", str(bad))
    expect(page.get_by_role("alert")).to_contain_text("basics.name should be text, not a number.")
    assert page.url == url
    page.goto(app_server.url)
    expect(page.locator(".resume-card")).to_have_count(1)


def test_rename_duplicate_and_delete_with_confirmation(app_server, page):
    _import(page, app_server.url, TRUTH_FILES[2])
    page.wait_for_url("**/resume/**")
    page.goto(app_server.url)
    card = page.locator(".resume-card").first
    card.get_by_role("button", name="Rename").click()
    page.get_by_label("Resume name").fill("For Acme")
    page.get_by_role("button", name="Rename", exact=True).last.click()
    expect(page.locator(".resume-card").first).to_contain_text("For Acme")

    page.locator(".resume-card").first.get_by_role("button", name="Duplicate").click()
    expect(page.locator(".resume-card")).to_have_count(2)
    expect(page.get_by_text("Copy of For Acme")).to_be_visible()

    copy_card = page.locator(".resume-card", has_text="Copy of For Acme")
    copy_card.get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Copy of For Acme")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator(".resume-card")).to_have_count(2)
    copy_card.get_by_role("button", name="Delete").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(page.locator(".resume-card")).to_have_count(1)
    page.reload()
    expect(page.locator(".resume-card")).to_have_count(1)
    expect(page.locator(".resume-card").first).to_contain_text("For Acme")
