"""What a person does on the tailoring page, as Playwright steps."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import edit
from tests.corpus import CORPUS

# The first ranking after a start may wait for the model to finish loading.
RANKED_TIMEOUT_MS = 90_000


def posting(name: str) -> str:
    return (CORPUS / "jobs" / f"{name}.txt").read_text(encoding="utf-8")


def start_tailoring(page: Page) -> str:
    """From a resume's editor, start a new tailored version; returns its URL."""
    page.get_by_role("button", name="Tailor to a job").click()
    page.wait_for_url("**/tailor/**")
    expect(page.locator("#posting-text")).to_be_visible()
    return page.url


def paste_posting(page: Page, text: str) -> None:
    """Paste a posting and wait until the ranked bullets show their scores."""
    page.locator("#posting-text").fill(text)
    wait_ranked(page)


def wait_ranked(page: Page) -> None:
    expect(page.locator("#match-panel")).to_be_visible(timeout=RANKED_TIMEOUT_MS)
    expect(page.locator(".bullet-row .bullet-score").first).to_be_visible(timeout=RANKED_TIMEOUT_MS)


def job(page: Page, index: int = 0) -> Locator:
    return page.locator(".job-card").nth(index)


def chosen_texts(card: Locator) -> list[str]:
    return card.locator('.bullet-row[data-chosen="true"] .bullet-text').all_inner_texts()


def drag_row_to_top(page: Page, card: Locator, index: int) -> None:
    """Drag the row at `index` by its grip handle above the first row, with the mouse."""
    handle = card.locator(".bullet-row").nth(index).locator(".bullet-handle")
    first = card.locator(".bullet-row").first
    handle.scroll_into_view_if_needed()
    source, target = handle.bounding_box(), first.bounding_box()
    assert source and target
    start_x, start_y = source["x"] + source["width"] / 2, source["y"] + source["height"] / 2
    end_x, end_y = target["x"] + target["width"] / 2, target["y"] + target["height"] * 0.25

    def action():
        page.mouse.move(start_x, start_y)
        page.mouse.down()
        page.mouse.move(start_x, start_y + 3, steps=2)  # past SortableJS's start threshold
        for step in range(1, 11):
            page.mouse.move(start_x + (end_x - start_x) * step / 10, start_y + (end_y - start_y) * step / 10)
            page.wait_for_timeout(30)
        page.mouse.move(end_x, end_y - 1)
        page.wait_for_timeout(100)
        page.mouse.up()

    edit(page, action)
