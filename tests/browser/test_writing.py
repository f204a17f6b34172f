"""Writing suggestions on the tailoring page, in a real browser: a stronger verb applied and a
figure answered change the bullet in the list and in the downloaded DOCX, and undo takes one back."""

from __future__ import annotations

import io

import docx
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import edit, open_truth_resume
from tests.browser.tailoring import paste_posting, posting, start_tailoring, wait_ranked

# A corpus bullet that opens with a generic verb ("Helped") and names no figure.
WEAK = "Helped the internal audit team complete annual audits"


def _row(page, text: str):
    return page.locator(".bullet-row", has=page.locator(".bullet-text", has_text=text)).first


def _docx_text(page, tmp_path) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download tailored DOCX").click()
    path = tmp_path / "tailored.docx"
    download.value.save_as(path)
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_a_verb_suggestion_and_a_figure_answer_reach_the_list_and_the_docx_and_undo_takes_one_back(
    app_server, page, tmp_path
):
    open_truth_resume(page, app_server.url, "soupboss_01_accountant")
    start_tailoring(page)
    paste_posting(page, posting("indeed_974_senior_accountant"))
    wait_ranked(page)

    _row(page, WEAK).get_by_role("button", name="Writing suggestions").click()
    verb = page.locator('.suggestion[data-kind="stronger-verb"]').first
    expect(verb).to_be_visible()
    expect(verb.locator("mark.changed").first).to_be_visible()  # the changed words are marked
    stronger = verb.locator(".suggestion-text").inner_text().strip()
    assert stronger != WEAK and "internal audit team" in stronger and not stronger.startswith("Helped")
    # The README's picture of a bullet with its suggestions.
    page.set_viewport_size({"width": 1400, "height": 1100})
    _row(page, WEAK).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "writing-suggestions.png"))
    edit(page, lambda: verb.get_by_role("button", name="Apply").click())
    expect(_row(page, stronger)).to_be_visible()
    expect(page.locator(".bullet-text", has_text=WEAK)).to_have_count(0)

    # No figure in it: the question asks for one, and the bullet is rewritten with the answer only.
    _row(page, stronger).get_by_role("button", name="Writing suggestions").click()
    question = page.locator('.suggestion[data-kind="metric"]').first
    expect(question).to_be_visible()
    edit(page, lambda: (question.get_by_role("textbox").fill("12"), question.get_by_role("button", name="Add").click()))
    with_figure = page.locator(".bullet-text", has_text="12")
    expect(with_figure).to_have_count(1)
    answered = with_figure.inner_text().strip()
    assert "internal audit team" in answered

    text = _docx_text(page, tmp_path)
    assert answered in text and WEAK not in text

    # Undo takes the figure back; the stronger verb stays.
    edit(page, lambda: page.get_by_role("button", name="Undo").click())
    expect(_row(page, stronger)).to_be_visible()
    expect(page.locator(".bullet-text", has_text=answered)).to_have_count(0)


def test_the_current_roles_tense_is_chosen_on_the_page_and_kept_with_the_resume(app_server, page):
    # The accountant's current role (2021 to now) reads in the present tense.
    present = "Compute taxes for clients during tax season"
    open_truth_resume(page, app_server.url, "soupboss_01_accountant")
    start_tailoring(page)
    _row(page, present).get_by_role("button", name="Writing suggestions").click()
    choice = page.locator("#current-tense")
    expect(choice.get_by_role("radio", name="present tense")).to_be_checked()
    expect(page.locator('.suggestion[data-kind="tense"]')).to_have_count(0)

    edit(page, lambda: choice.get_by_role("radio", name="past tense").click())
    expect(choice.get_by_role("radio", name="past tense")).to_be_checked()
    tense = page.locator('.suggestion[data-kind="tense"]')
    expect(tense.locator(".suggestion-text")).to_have_text("Computed taxes for clients during tax season")

    # Kept with the resume: the choice and its suggestion are still there after a reload (which
    # keeps the open panel, as it keeps an edit) and after closing and opening the panel again.
    page.reload()
    expect(page.locator("#current-tense").get_by_role("radio", name="past tense")).to_be_checked()
    _row(page, present).get_by_role("button", name="Writing suggestions").click()
    expect(page.locator("#current-tense")).to_have_count(0)
    _row(page, present).get_by_role("button", name="Writing suggestions").click()
    expect(page.locator("#current-tense").get_by_role("radio", name="past tense")).to_be_checked()
    expect(page.locator('.suggestion[data-kind="tense"]')).to_have_count(1)
