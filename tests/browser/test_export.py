"""Downloads from the editor: an ATS-safe DOCX, a PDF, and a warning past two pages."""

from __future__ import annotations

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.ats_lint import ats_problems
from tests.browser.helpers import edit, open_entry, open_truth_resume


def _open(page, app_server, truth_name: str) -> None:
    open_truth_resume(page, app_server.url, truth_name)


def test_docx_and_pdf_downloads(app_server, page, tmp_path):
    _open(page, app_server, "soupboss_01_accountant")
    with page.expect_download() as docx_download:
        page.get_by_role("button", name="Download DOCX").click()
    docx_path = tmp_path / "resume.docx"
    docx_download.value.save_as(docx_path)
    assert docx_download.value.suggested_filename.endswith(".docx")
    assert ats_problems(docx_path.read_bytes()) == []
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download PDF").click()
    pdf_path = tmp_path / "resume.pdf"
    pdf_download.value.save_as(pdf_path)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    assert "Ebony Moore" in text and "Gilmore Financial" in text
    expect(page.locator("#page-warning")).to_have_count(0)


def test_a_long_resume_is_flagged_past_two_pages(app_server, page, tmp_path):
    _open(page, app_server, "awesomecv_resume")  # four pages as we export it
    with page.expect_download():
        page.get_by_role("button", name="Download PDF").click()
    expect(page.locator("#page-warning")).to_contain_text("pages; most recruiters read one or two")


def test_preview_shows_the_resume_as_exported_and_follows_edits(app_server, page):
    _open(page, app_server, "soupboss_01_accountant")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#export-preview")
    expect(preview).to_contain_text("Ebony Moore")
    expect(preview.locator(".preview-heading").first).to_have_text("Summary")
    expect(preview).to_contain_text("Oct 2021 - Present")
    open_entry(page.locator('.resume-section[data-kind="work"] .entry-card').first)
    bullet = page.locator(".bullet-row").first
    edit(page, lambda: bullet.get_by_role("button", name="Hide bullet").click())
    expect(preview).not_to_contain_text("Meet with clients to discuss their accounting needs")
