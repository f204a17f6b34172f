"""A rich paste into the tailoring page's posting box: a browser puts the copied page's HTML
on the clipboard beside its plain text, and the box shows the posting read from that HTML,
headings and list items on their own lines."""

from __future__ import annotations

import re

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


# Chrome copies each element's computed style inline: a whole page copied runs to megabytes,
# more than the websocket's 1 MB message; the box's script sends the HTML without them.
STYLE = "color: rgb(33, 33, 33); font-family: -apple-system, system-ui, sans-serif; " * 60
STYLED = re.sub(r"<(h1|h2|p|ul|li|div)\b", rf'<\1 style="{STYLE}"', FRAGMENT) + f'<div style="{STYLE * 300}"></div>'
FLATTENED = " ".join(line.lstrip("- ") for line in FRAGMENT_TEXT.splitlines() if line)


def _rich_paste(page, html: str) -> None:
    start_tailoring(page)
    box = page.locator("#posting-text")
    box.focus()
    box.evaluate(PASTE, [html, FLATTENED])


def test_a_rich_paste_from_a_job_board_keeps_its_headings_and_list_items(app_server, page):
    open_truth_resume(page, app_server.url, "sb2nov_sourabh_bajaj")
    _rich_paste(page, FRAGMENT)
    expect(page.locator("#posting-text")).to_have_value(FRAGMENT_TEXT)
    wait_ranked(page)
    requirements = page.locator(".requirement-row")
    for item in REQUIREMENTS:
        expect(requirements.filter(has_text=item)).to_have_count(1)
    # The hidden fields were emptied after the paste: the Match button sends the box alone.
    assert page.locator('input[name="posting_html"]').input_value() == ""
    page.reload()
    expect(page.locator("#posting-text")).to_have_value(FRAGMENT_TEXT)


def test_a_rich_paste_of_megabytes_of_inline_styles_reads_the_same(app_server, page):
    assert len(STYLED) > 1_000_000
    open_truth_resume(page, app_server.url, "sb2nov_sourabh_bajaj")
    _rich_paste(page, STYLED)
    expect(page.locator("#posting-text")).to_have_value(FRAGMENT_TEXT)
