"""Accessible pages: axe-core finds no serious or critical violation on the library, the editor,
the tailoring page and its compare view; keyboard focus is always visible; charts have words."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.a11y import serious_violations
from tests.browser.helpers import LIBRARY_UPLOAD, edit, open_entry, open_truth_resume
from tests.browser.tailoring import paste_posting, posting, start_tailoring
from tests.corpus import CORPUS

# Amber fields, lines not placed, every kind of section: the editor with the most on it.
BUSY_PDF = CORPUS / "resumes" / "rendercv_classic.pdf"

# The focused element, or the text field around it, draws a ring (Radix outlines the field's root).
FOCUS_IS_VISIBLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const drawn = [element, element.closest(".rt-TextFieldRoot, .rt-TextAreaRoot")].filter(Boolean);
    const ring = drawn.some((node) => {
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outline || (style.boxShadow && style.boxShadow !== "none");
    });
    const name = element.getAttribute("aria-label") || element.id || element.textContent.trim().slice(0, 40);
    return {ring, what: `${element.tagName.toLowerCase()} "${name}"`};
}"""


def _tab_through(page: Page, presses: int) -> list[str]:
    """Press Tab `presses` times from the top of the page; the controls that got focus unseen."""
    page.locator("body").click(position={"x": 5, "y": 5})
    unseen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_IS_VISIBLE)
        if focused and not focused["ring"]:
            unseen.append(focused["what"])
    return unseen


def test_library_page(app_server, page):
    page.goto(app_server.url)
    expect(page.get_by_text("No resumes yet")).to_be_visible()
    assert serious_violations(page) == []
    open_truth_resume(page, app_server.url, "soupboss_01_accountant")
    page.goto(app_server.url)
    expect(page.locator(".resume-card")).to_have_count(1)
    assert serious_violations(page) == []
    page.locator(".resume-card").first.get_by_role("button", name="Rename").click()
    expect(page.get_by_label("Resume name")).to_be_visible()
    assert serious_violations(page) == []
    page.keyboard.press("Escape")
    assert _tab_through(page, 12) == []


def test_editor_page(app_server, page):
    page.goto(app_server.url)
    page.set_input_files(LIBRARY_UPLOAD, str(BUSY_PDF))
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.locator("#unsure-count")).to_be_visible()
    assert serious_violations(page) == []
    # Opened: fields, amber fields, bullets, the preview.
    page.get_by_role("button", name="Next unsure field").click()
    expect(page.get_by_role("button", name="Looks right")).to_be_visible()
    open_entry(page.locator(".entry-card").first)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#export-preview")).to_be_visible()
    assert serious_violations(page) == []
    # Hidden from exports: an entry and a bullet stay readable.
    first = page.locator(".entry-card").first
    edit(page, lambda: first.locator(".bullet-row").first.get_by_role("button", name="Hide bullet").click())
    edit(page, lambda: page.locator(".entry-card").nth(1).get_by_role("button", name="Hide entry").click())
    assert serious_violations(page) == []
    # From the top: the bar, the versions card, the contact fields, the entries' heading lines.
    assert _tab_through(page, 45) == []
    page.locator(".entry-card").nth(1).locator(".entry-toggle").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_IS_VISIBLE)["ring"]


def test_tailoring_page_and_compare_view(app_server, page):
    open_truth_resume(page, app_server.url, "soupboss_01_accountant")
    start_tailoring(page)
    assert serious_violations(page) == []
    paste_posting(page, posting("indeed_974_senior_accountant"))
    assert serious_violations(page) == []
    # The charts say in words what they draw.
    score = page.locator("#match-score").get_attribute("data-score")
    expect(page.get_by_role("img", name=f"Match score: {score} out of 100")).to_be_visible()
    expect(page.locator("#coverage-chart")).to_have_attribute("role", "img")
    expect(page.locator("#coverage-chart")).to_have_attribute(
        "aria-label", re.compile(r"^Requirements covered: \w[\w ]* \d+% of \d+")
    )
    assert _tab_through(page, 30) == []
    page.get_by_role("button", name="Compare with master").click()
    expect(page.locator(".compare-job").first).to_be_visible()
    assert serious_violations(page) == []
