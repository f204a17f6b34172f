"""The tailoring page: paste a posting, get ranked suggestions with reasons, pick and
reorder bullets (mouse and keyboard), keep one version per posting, export it."""

from __future__ import annotations

import io
import re

import docx
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.ats_lint import ats_problems
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import edit, fill_field, open_truth_resume
from tests.browser.tailoring import (
    chosen_texts,
    drag_row_to_top,
    job,
    paste_posting,
    posting,
    start_tailoring,
    wait_ranked,
)
from tests.corpus import CORPUS

ACCOUNTANT = "soupboss_01_accountant"


def _tailored(page, app_server, job_name: str = "indeed_974_senior_accountant", resume: str = ACCOUNTANT) -> str:
    open_truth_resume(page, app_server.url, resume)
    url = start_tailoring(page)
    paste_posting(page, posting(job_name))
    return url


def test_pasted_posting_shows_ranked_suggestions_with_reasons(app_server, page):
    _tailored(page, app_server, "indeed_414_data_engineer", "sb2nov_sourabh_bajaj")
    expect(page.locator("#version-name")).not_to_have_text("Tailored version")
    score = int(page.locator("#match-score").get_attribute("data-score") or 0)
    assert 0 < score <= 100
    card = job(page)
    chosen = card.locator('.bullet-row[data-chosen="true"]')
    assert chosen.count() >= 2
    for index in range(chosen.count()):
        row = chosen.nth(index)
        assert 0 < float(row.locator(".bullet-score").inner_text()) <= 100
        covers = row.locator(".covers").inner_text()
        assert covers.startswith("covers: ") and len(covers) > 12
    # Keywords the bullets share with the posting are highlighted in the text.
    assert page.locator(".bullet-row mark.keyword").count() > 0
    requirements = page.locator(".requirement-row")
    assert requirements.count() >= 5
    # Each requirement says Met, Partial or Missing in words, with the bullet behind it.
    statuses = requirements.locator(".status").all_inner_texts()
    assert len(statuses) == requirements.count() and set(map(str.strip, statuses)) <= {"Met", "Partial", "Missing"}
    met = page.locator('.requirement-row[data-status="Met"]')
    assert met.count() > 0
    assert met.first.locator(".evidence").inner_text().startswith("Met by: ")
    # The score's breakdown under the gauge: required met x of y, keywords x of y.
    breakdown = page.locator("#score-breakdown")
    expect(breakdown).to_contain_text(re.compile(r"Required\s*\d+ of \d+ met"))
    expect(breakdown).to_contain_text(re.compile(r"Keywords\s*\d+ of \d+ found"))
    assert page.locator("#keywords-matched .rt-Badge").count() > 0
    # Best first: within each job the chosen bullets' scores never go up.
    scores = [float(text) for text in card.locator('.bullet-row[data-chosen="true"] .bullet-score').all_inner_texts()]
    assert scores == sorted(scores, reverse=True)
    # The versions list of the resume names this one after the posting.
    expect(page.locator("#versions")).to_contain_text(page.locator("#version-name").inner_text())
    # The README's pictures of the tailoring page come from here (copied to docs/).
    page.set_viewport_size({"width": 1400, "height": 1250})
    page.screenshot(path=str(ARTIFACTS / "tailoring.png"))


def test_compare_with_master_shows_what_the_version_changed(app_server, page):
    _tailored(page, app_server)
    card = job(page)
    before = chosen_texts(card)
    edit(page, lambda: card.locator('.bullet-row[data-chosen="true"]').nth(1).get_by_role("switch").click())
    page.get_by_role("button", name="Compare with master").click()
    compare = page.locator(".compare-job").first
    expect(compare).to_contain_text("Master")
    expect(compare.locator(".master-lines")).to_contain_text(before[1])
    expect(compare.locator(".master-lines")).to_contain_text("left out here")
    expect(compare.locator(".version-lines")).not_to_contain_text(before[1])
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.screenshot(path=str(ARTIFACTS / "tailoring-compare.png"))
    page.get_by_role("button", name="Back to tailoring").click()
    expect(job(page)).to_be_visible()


def test_dragging_a_bullet_to_the_top_stays_after_reload(app_server, page):
    _tailored(page, app_server)
    card = job(page)
    before = chosen_texts(card)
    assert len(before) >= 3
    drag_row_to_top(page, card, len(before) - 1)
    expected = [before[-1], *before[:-1]]
    expect(card.locator('.bullet-row[data-chosen="true"] .bullet-text').first).to_have_text(before[-1])
    assert chosen_texts(card) == expected
    page.reload()
    wait_ranked(page)
    assert chosen_texts(job(page)) == expected
    # Reset to the suggestion: the best-first order again.
    edit(page, lambda: page.get_by_role("button", name="Reset to suggestion").click())
    expect(job(page).locator('.bullet-row[data-chosen="true"] .bullet-text').first).to_have_text(before[0])
    assert chosen_texts(job(page)) == before


def test_keyboard_alone_reorders_and_undoes(app_server, page):
    _tailored(page, app_server)
    card = job(page)
    before = chosen_texts(card)
    handle = card.locator(".bullet-row").nth(1).locator(".bullet-handle")
    handle.focus()
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    after = chosen_texts(card)
    assert after == [before[1], before[0], *before[2:]]
    # The focus stays on the moved bullet's handle: another press moves it again.
    expect(card.locator(".bullet-row").first.locator(".bullet-handle")).to_be_focused()
    edit(page, lambda: page.keyboard.press("ArrowDown"))
    assert chosen_texts(card) == before
    page.locator("body").focus()
    edit(page, lambda: page.keyboard.press("Control+z"))
    assert chosen_texts(card) == after


def test_an_excluded_bullet_is_absent_from_the_exported_docx(app_server, page, tmp_path):
    _tailored(page, app_server)
    card = job(page)
    chosen = chosen_texts(card)
    left_out = chosen[0]
    row = card.locator('.bullet-row[data-chosen="true"]').first
    edit(page, lambda: row.get_by_role("switch").click())
    expect(card.locator('.bullet-row[data-chosen="true"] .bullet-text').first).to_have_text(chosen[1])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download tailored DOCX").click()
    path = tmp_path / "tailored.docx"
    download.value.save_as(path)
    data = path.read_bytes()
    assert ats_problems(data) == []
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    assert _ascii(left_out) not in text
    for kept in chosen[1:]:
        assert _ascii(kept) in text
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download tailored PDF").click()
    pdf_path = tmp_path / "tailored.pdf"
    pdf_download.value.save_as(pdf_path)
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf_path).pages).split())
    assert _ascii(left_out) not in pdf_text and _ascii(chosen[1]) in pdf_text


def _ascii(text: str) -> str:
    # The DOCX uses plain punctuation (an ATS rule).
    return text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")


def test_two_versions_for_two_postings_keep_their_own_orders(app_server, page):
    first_url = _tailored(page, app_server)
    first_card = job(page)
    drag_row_to_top(page, first_card, len(chosen_texts(first_card)) - 1)
    first_order = chosen_texts(first_card)
    resume_url = page.locator("a", has_text="←").get_attribute("href")
    page.goto(app_server.url + resume_url)
    start_tailoring(page)
    paste_posting(page, posting("indeed_589_tax_accountant"))
    second_card = job(page)
    second_before = chosen_texts(second_card)
    handle = second_card.locator(".bullet-row").nth(1).locator(".bullet-handle")
    handle.focus()
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    second_order = chosen_texts(second_card)
    assert second_order == [second_before[1], second_before[0], *second_before[2:]]
    page.goto(first_url)
    wait_ranked(page)
    assert chosen_texts(job(page)) == first_order
    page.go_back()
    wait_ranked(page)
    assert chosen_texts(job(page)) == second_order
    assert page.locator("#versions a").count() >= 3  # both versions and the master
    fill_field(page, "Name of this version", "Tax role, short version")
    expect(page.locator("#version-name")).to_have_text("Tax role, short version")
    page.goto(first_url)
    expect(page.locator("#versions")).to_contain_text("Tax role, short version")
    # The resume's editor lists both versions; deleting one asks first.
    page.goto(app_server.url + resume_url)
    versions = page.locator("#tailored-versions .version-row")
    expect(versions).to_have_count(2)
    versions.filter(has_text="Tax role").get_by_role("button", name="Delete tailored version").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Tax role, short version")
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(versions).to_have_count(1)
    expect(versions).not_to_contain_text("Tax role")


def test_versions_are_deleted_from_the_tailoring_page_after_asking(app_server, page):
    open_truth_resume(page, app_server.url, ACCOUNTANT)
    first_url = start_tailoring(page)
    page.get_by_role("button", name="Duplicate").click()
    page.wait_for_url(lambda url: url != first_url and "/tailor/" in url)
    copy_url = page.url
    rows = page.locator("#versions .version-row")
    expect(rows).to_have_count(2)
    # Another version: asked about by name, then gone from the list; this page stays.
    rows.filter(has_not_text="Copy of").get_by_role("button", name="Delete tailored version").click()
    expect(page.get_by_role("alertdialog")).to_contain_text('"Tailored version" will be deleted')
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Copy of Tailored version")
    assert page.url == copy_url
    # Cancel deletes nothing; deleting this version goes back to the master.
    rows.get_by_role("button", name="Delete tailored version").click()
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    expect(rows).to_have_count(1)
    rows.get_by_role("button", name="Delete tailored version").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.wait_for_url("**/resume/**")
    expect(page.locator("#tailored-versions .version-row")).to_have_count(0)


def test_editing_a_bullet_used_by_another_version_asks_first(app_server, page):
    first_url = _tailored(page, app_server)
    page.get_by_role("button", name="Duplicate").click()
    page.wait_for_url(lambda url: url != first_url and "/tailor/" in url)
    wait_ranked(page)
    row = job(page).locator('.bullet-row[data-chosen="true"]').first
    original = row.locator(".bullet-text").inner_text()
    row.get_by_role("button", name="Edit bullet text").click()
    page.locator("#bullet-editor").fill("Closed the books by day five every month for 14 entities")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alertdialog")).to_contain_text("also in 1 other tailored version")
    edit(page, lambda: page.get_by_role("button", name="Change everywhere").click())
    expect(job(page)).to_contain_text("Closed the books by day five")
    page.goto(first_url)
    wait_ranked(page)
    expect(job(page)).to_contain_text("Closed the books by day five")
    expect(job(page)).not_to_contain_text(original)


def test_posting_upload_reads_text_pdf_and_refuses_other_files(app_server, page, tmp_path):
    open_truth_resume(page, app_server.url, ACCOUNTANT)
    start_tailoring(page)
    upload = "#posting_upload input[type=file]"
    picture = tmp_path / "posting.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    page.set_input_files(upload, str(picture))
    expect(page.locator("#posting-error")).to_contain_text("is not a text, PDF, DOCX or HTML file")
    expect(page.locator("#posting-text")).to_have_value("")
    page.set_input_files(upload, str(CORPUS / "jobs" / "servicenow_senior_software_engineer.pdf"))
    wait_ranked(page)
    assert "servicenow" in page.locator("#posting-text").input_value().lower()
    expect(page.locator("#posting-error")).to_have_count(0)
    page.locator("#posting-text").fill("hello")
    expect(page.locator("#posting-error")).to_be_visible(timeout=20_000)
    assert app_server.is_serving()


def test_reload_keeps_the_posting_a_bullet_being_edited_and_undo(app_server, page):
    _tailored(page, app_server)
    card = job(page)
    before = chosen_texts(card)
    handle = card.locator(".bullet-row").nth(1).locator(".bullet-handle")
    handle.focus()
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    row = card.locator('.bullet-row[data-chosen="true"]').first
    row.get_by_role("button", name="Edit bullet text").click()
    page.locator("#bullet-editor").fill("Half-typed new wording")
    page.wait_for_timeout(800)  # longer than the draft's save delay
    page.reload()
    wait_ranked(page)
    expect(page.locator("#posting-text")).to_have_value(posting("indeed_974_senior_accountant"))
    expect(page.locator("#bullet-editor")).to_have_value("Half-typed new wording")
    page.get_by_role("button", name="Cancel").click()
    # The move made before the reload can still be undone.
    edit(page, lambda: page.get_by_role("button", name="Undo").click())
    assert chosen_texts(job(page)) == before
