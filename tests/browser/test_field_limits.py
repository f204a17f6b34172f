"""A field or a posting longer than the websocket's 1 MB message (issue 13) was dropped on the
way while the badge said "Saved", and was empty after a reload. The browser now stops at the
limit the server checks, says so, and what the page shows after the save is what is stored."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import SAVE_STATUS, new_resume, open_truth_resume, save_count, wait_saved
from tests.browser.tailoring import posting, start_tailoring

# A paste as Chrome makes it on Ctrl+V (a synthetic one inserts nothing by itself).
PASTE = """(box, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""
MEGABYTE_AND_MORE = "Organised the team's release notes. " * 31_000  # 1.1 M characters


def _paste(page, box, text: str) -> None:
    box.focus()
    box.evaluate(PASTE, text)  # what the page's scripts see of the paste
    page.keyboard.insert_text(text)  # what the browser puts in the box


def test_a_summary_of_more_than_a_megabyte_is_cut_at_the_limit_said_and_saved(app_server, page):
    new_resume(page, app_server.url)
    summary = page.get_by_label("Summary", exact=True)
    before = save_count(page)
    _paste(page, summary, MEGABYTE_AND_MORE)
    summary.blur()
    wait_saved(page, before)
    expect(page.locator("#limit-note")).to_have_text(
        "This field holds at most 10,000 characters; what was pasted past that was not kept."
    )
    assert summary.input_value() == MEGABYTE_AND_MORE[:10_000]
    page.reload()
    expect(page.get_by_label("Summary", exact=True)).to_have_value(MEGABYTE_AND_MORE[:10_000])
    expect(page.locator(SAVE_STATUS)).to_contain_text("Saved")


def test_a_posting_of_more_than_a_megabyte_is_cut_at_the_limit_said_and_saved(app_server, page):
    open_truth_resume(page, app_server.url, "sb2nov_sourabh_bajaj")
    start_tailoring(page)
    text = posting("indeed_321_sr_full_stack_java_web_developer") + "\n" + MEGABYTE_AND_MORE
    box = page.locator("#posting-text")
    before = save_count(page)
    box.focus()
    page.keyboard.insert_text(text)  # as a paste puts it in the box (its own script sends it at once)
    expect(page.locator("#limit-note")).to_contain_text("at most 100,000 characters")
    assert box.input_value() == text[:100_000]
    wait_saved(page, before)
    expect(page.locator("#posting-error")).to_have_count(0)
    page.reload()
    expect(page.locator("#posting-text")).to_have_value(text[:100_000], timeout=30_000)
