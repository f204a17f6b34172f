"""A rich paste into the tailoring page's posting box: a browser puts the copied page's HTML
on the clipboard beside its plain text, and the box shows the posting read from that HTML,
headings and list items on their own lines."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import open_truth_resume
from tests.browser.tailoring import start_tailoring, wait_ranked
from tests.test_posting_html import FRAGMENT, FRAGMENT_TEXT, REQUIREMENTS

# What Chrome does on Ctrl+V with a copied selection of a web page: a paste event whose
# clipboardData holds text/html and text/plain (a synthetic event inserts nothing itself).
PASTE = """(box, [html, text]) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", text);
    box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def test_a_rich_paste_from_a_job_board_keeps_its_headings_and_list_items(app_server, page):
    open_truth_resume(page, app_server.url, "sb2nov_sourabh_bajaj")
    start_tailoring(page)
    box = page.locator("#posting-text")
    box.focus()
    flattened = " ".join(line.lstrip("- ") for line in FRAGMENT_TEXT.splitlines() if line)
    box.evaluate(PASTE, [FRAGMENT, flattened])
    expect(page.locator("#posting-text")).to_have_value(FRAGMENT_TEXT)
    wait_ranked(page)
    requirements = page.locator(".requirement-row")
    for item in REQUIREMENTS:
        expect(requirements.filter(has_text=item)).to_have_count(1)
    # The hidden fields were emptied after the paste: the Match button sends the box alone.
    assert page.locator('input[name="posting_html"]').input_value() == ""
    page.reload()
    expect(page.locator("#posting-text")).to_have_value(FRAGMENT_TEXT)
