"""What a person does in the editor, as Playwright steps."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

SAVE_STATUS = "#save-status"


def save_count(page: Page) -> int:
    return int(page.locator(SAVE_STATUS).get_attribute("data-saves") or 0)


def wait_saved(page: Page, after: int) -> None:
    """Wait until a save newer than `after` is committed and the page says so."""
    page.wait_for_function(
        """([selector, after]) => {
            const status = document.querySelector(selector);
            return status && Number(status.dataset.saves) > after && status.dataset.status === "saved";
        }""",
        arg=[SAVE_STATUS, after],
    )
    expect(page.locator(SAVE_STATUS)).to_contain_text("Saved")


def edit(page: Page, action) -> None:
    """Do `action` and wait until the page shows its result as saved."""
    before = save_count(page)
    action()
    wait_saved(page, before)


def new_resume(page: Page, base_url: str) -> str:
    page.goto(base_url)
    page.get_by_role("button", name="New resume").click()
    page.wait_for_url("**/resume/**")
    expect(page.locator(SAVE_STATUS)).to_be_visible()
    return page.url


def fill_field(page: Page, label: str, text: str, scope=None) -> None:
    field = (scope or page).get_by_label(label, exact=True)
    edit(page, lambda: (field.fill(text), field.blur()))


def add_job(page: Page, position: str, company: str, bullets: list[str]) -> None:
    if page.locator('.resume-section[data-kind="work"]').count() == 0:
        edit(page, lambda: page.get_by_role("button", name="Experience", exact=True).click())
    work = page.locator('.resume-section[data-kind="work"]')
    edit(page, lambda: work.get_by_role("button", name="Add entry").click())
    entry = work.locator(".entry-card").first
    fill_field(page, "Position", position, entry)
    fill_field(page, "Company", company, entry)
    for index, text in enumerate(bullets):
        edit(page, lambda: entry.get_by_role("button", name="Add bullet").click())
        box = entry.locator(".bullet-row textarea").nth(index)
        edit(page, lambda box=box, text=text: (box.fill(text), box.blur()))


def bullet_texts(page: Page) -> list[str]:
    """The texts of the bullets on show (those of opened entries)."""
    return page.locator(".bullet-row textarea").evaluate_all("boxes => boxes.map(box => box.value)")


def open_entry(card: Locator) -> Locator:
    """Open an entry collapsed to its heading line by clicking it (nothing when it is open)."""
    expect(card).to_have_attribute("data-open", re.compile("true|false"))
    if card.get_attribute("data-open") != "true":
        card.locator(".entry-toggle").click()
    expect(card).to_have_attribute("data-open", "true")
    return card


def open_all_entries(page: Page) -> None:
    page.locator("#section-nav").get_by_role("button", name="Open all").click()
    expect(page.locator('.entry-card[data-open="false"]')).to_have_count(0)


LIBRARY_UPLOAD = "#library_import input[type=file]"


def open_truth_resume(page: Page, base_url: str, truth_name: str) -> None:
    """Import a corpus truth file (JSON Resume) through the library and open it."""
    from tests.corpus import CORPUS

    page.goto(base_url)
    page.set_input_files(LIBRARY_UPLOAD, str(CORPUS / "truth" / f"{truth_name}.json"))
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.locator(".entry-card").first).to_be_visible()
