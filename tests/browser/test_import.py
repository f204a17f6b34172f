"""Importing the resume a person has: PDF and DOCX in, structure shown in the editor;
every broken or hostile file explained in one sentence, with nothing changed."""

from __future__ import annotations

import io
import json

import docx
from playwright.sync_api import Page, expect

from tests.badfiles import BAD_FILES
from tests.browser.helpers import edit, open_entry
from tests.corpus import CORPUS, ROOT

LIBRARY_UPLOAD = "#library_import input[type=file]"
UNSURE = "The importer was not sure about this: please check it."


def _upload(page: Page, path) -> None:
    page.set_input_files(LIBRARY_UPLOAD, str(path))


def test_corpus_pdf_opens_with_name_jobs_and_bullets(app_server, page):
    truth = json.loads((CORPUS / "truth" / "rendercv_sb2nov.json").read_text(encoding="utf-8"))
    page.goto(app_server.url)
    _upload(page, CORPUS / "resumes" / "rendercv_sb2nov.pdf")
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.get_by_label("Full name", exact=True)).to_have_value(truth["basics"]["name"])
    work = page.locator('.resume-section[data-kind="work"]')
    expect(work.locator(".entry-card")).to_have_count(len(truth["work"]))
    for index, job in enumerate(truth["work"]):
        card = open_entry(work.locator(".entry-card").nth(index))
        expect(card.get_by_label("Position", exact=True)).to_have_value(job["position"])
        expect(card.get_by_label("Company", exact=True)).to_have_value(job["name"])
        texts = card.locator(".bullet-row textarea").evaluate_all("boxes => boxes.map(box => box.value)")
        assert texts == job["highlights"]
    page.goto(app_server.url)
    expect(page.locator(".resume-card")).to_have_count(1)
    expect(page.locator(".resume-card").first).to_contain_text(truth["basics"]["name"])


def test_corpus_docx_opens_in_the_editor(app_server, page):
    page.goto(app_server.url)
    _upload(page, CORPUS / "resumes" / "kentstate_john_smith.docx")
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.get_by_label("Full name", exact=True)).to_have_value("John Smith")
    expect(page.locator('.resume-section[data-kind="work"] .entry-heading').first).to_have_text(
        "Resident Advisor at Kent State University"
    )


def test_every_bad_file_is_explained_and_changes_nothing(app_server, page, tmp_path):
    page.goto(app_server.url)
    _upload(page, CORPUS / "resumes" / "soupboss_01_accountant.docx")
    page.wait_for_url("**/resume/**", timeout=60_000)
    page.goto(app_server.url)
    expect(page.locator(".resume-card")).to_have_count(1)
    for case, (name, make, message) in BAD_FILES.items():
        path = tmp_path / case / name
        path.parent.mkdir()
        path.write_bytes(make())
        _upload(page, path)
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text(message, timeout=30_000)
        expect(alert).not_to_contain_text("Traceback")
        assert page.url.rstrip("/") == app_server.url, case
        expect(page.locator("#import-status")).to_have_attribute("data-importing", "false")
        expect(page.locator(".resume-card")).to_have_count(1)
        assert app_server.is_serving(), case
    page.reload()
    expect(page.locator(".resume-card")).to_have_count(1)
    # Uploads are read in memory: Reflex's public upload folder never gets a resume.
    public = ROOT / "uploaded_files"
    assert not public.exists() or not any(path.is_file() for path in public.rglob("*"))


def _resume_with_an_unclear_entry() -> bytes:
    document = docx.Document()
    document.add_paragraph("Sam Okafor", style="Title")
    document.add_paragraph("sam.okafor@example.com")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Blue Harbor Northwind\t2019 - 2021")
    document.add_paragraph("Planned weekly delivery routes for 14 drivers", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_fields_the_importer_was_unsure_of_are_flagged_until_edited(app_server, page, tmp_path):
    path = tmp_path / "sam.docx"
    path.write_bytes(_resume_with_an_unclear_entry())
    page.goto(app_server.url)
    _upload(page, path)
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.locator("#unsure-notice")).to_be_visible()
    position = open_entry(page.locator(".entry-card").first).get_by_label("Position", exact=True)
    expect(position).to_have_attribute("title", UNSURE)
    expect(page.get_by_label("Full name", exact=True)).not_to_have_attribute("title", UNSURE)
    edit(page, lambda: (position.fill("Route Planner"), position.blur()))
    expect(position).not_to_have_attribute("title", UNSURE)
    page.reload()
    open_entry(page.locator(".entry-card").first)
    expect(page.locator(".entry-card").first.get_by_label("Position", exact=True)).to_have_value("Route Planner")
    expect(page.locator(".entry-card").first.get_by_label("Position", exact=True)).not_to_have_attribute(
        "title", UNSURE
    )
