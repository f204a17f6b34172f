"""Fit to a page budget on the tailoring page, after a corpus posting whose conditions of the
job are listed apart from its requirements: the live page count follows the bullets
switched on and off, "Fit to 1 page" leaves out what does not fit and says what, and the
downloaded PDF and DOCX (opened in LibreOffice) are one page each."""

from __future__ import annotations

import shutil
import subprocess

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import edit, open_truth_resume
from tests.browser.tailoring import RANKED_TIMEOUT_MS, job, paste_posting, posting, start_tailoring

# Two pages as exported, one job with many bullets: its best ones fit on one page.
RESUME = "rendercv_sb2nov"
POSTING = "indeed_414_data_engineer"


def _pages(page) -> str:
    return page.locator("#page-count")


def _download(page, button: str, path):
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    download.value.save_as(path)
    return path


def _docx_pages(path, tmp_path) -> int:
    assert shutil.which("soffice"), "LibreOffice is missing: scripts/test.sh installs libreoffice-writer-nogui"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo-out"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return len(PdfReader(tmp_path / "lo-out" / f"{path.stem}.pdf").pages)


def test_fit_to_one_page_downloads_one_page_docx_and_pdf(app_server, page, tmp_path):
    open_truth_resume(page, app_server.url, RESUME)
    start_tailoring(page)
    paste_posting(page, posting(POSTING))
    # Conditions of the job are listed apart from the requirements, never as uncovered ones.
    condition = "require sponsorship for employment visa status"
    expect(page.locator("#eligibility")).to_contain_text(condition)
    expect(page.locator(".requirement-row", has_text=condition)).to_have_count(0)
    page.locator("#posting-left-out summary").click()
    expect(page.locator("#posting-left-out")).to_contain_text("(about the company)")
    # The page count is measured on the export and shown beside the master's.
    expect(_pages(page)).to_contain_text("(the master: 2)", timeout=RANKED_TIMEOUT_MS)
    expect(page.locator("#page-budget")).to_be_visible()

    # Every bullet switched on: the version grows to the master's two pages, live.
    card = job(page)
    while card.locator('.bullet-row[data-chosen="false"]').count():
        edit(page, lambda: card.locator('.bullet-row[data-chosen="false"]').first.get_by_role("switch").click())
    expect(_pages(page)).to_contain_text("2 pages (the master", timeout=30_000)

    page.get_by_role("radio", name="1 page").click()
    expect(page.locator("#over-budget")).to_be_visible()
    page.locator("#fit-button").click()
    expect(_pages(page)).to_contain_text("1 page (the master", timeout=60_000)
    expect(page.locator("#fit-notes")).to_contain_text("What fitting left out")
    page.locator("#fit-notes summary").click()
    expect(page.locator("#fit-notes li").first).to_contain_text("Left out")
    expect(page.locator("#over-budget")).to_have_count(0)
    assert card.locator('.bullet-row[data-chosen="true"]').count() >= 1
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.screenshot(path=str(ARTIFACTS / "tailoring-fit.png"))

    pdf = _download(page, "Download tailored PDF", tmp_path / "fitted.pdf")
    assert len(PdfReader(pdf).pages) == 1
    docx_path = _download(page, "Download tailored DOCX", tmp_path / "fitted.docx")
    assert _docx_pages(docx_path, tmp_path) == 1

    # Undo takes the fitting back: two pages again.
    page.locator("body").focus()
    edit(page, lambda: page.get_by_role("button", name="Undo").click())
    expect(_pages(page)).to_contain_text("2 pages (the master", timeout=30_000)
