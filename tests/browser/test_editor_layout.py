"""The editor a person can work in: entries collapsed to their heading line until opened (by
click or keyboard), a section navigator, a bar that stays in view, and a walk through the
amber fields one by one."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.browser.helpers import LIBRARY_UPLOAD, edit, open_truth_resume, save_count, wait_saved
from tests.corpus import CORPUS

UNSURE = "The importer was not sure about this: please check it."
# The tallest editor page among the corpus resumes: awesomecv_resume.json. With every entry
# open as one long form it measured 14,886 px at 1280 x 900 (the first of these tests, before
# entries collapsed); collapsed it measures about 3,600 px.
TALLEST_TRUTH = "awesomecv_resume"
HEIGHT_BEFORE_PX = 14_886
# rendercv_classic.pdf: the importer is unsure of four publication dates, in four entries.
UNSURE_PDF = CORPUS / "resumes" / "rendercv_classic.pdf"


def _truth(name: str) -> dict:
    return json.loads((CORPUS / "truth" / f"{name}.json").read_text(encoding="utf-8"))


def _month(date: str) -> str:
    """ "2023-06" as the heading line writes it: "Jun 2023"."""
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    year, _, month = date.partition("-")
    return f"{months[int(month) - 1]} {year}" if month else year


def _bar_bottom(page: Page) -> float:
    box = page.locator("#editor-bar").bounding_box()
    return box["y"] + box["height"]


def test_entries_show_their_heading_line_until_opened_by_click_or_keyboard(app_server, page):
    truth = _truth("rendercv_classic")
    open_truth_resume(page, app_server.url, "rendercv_classic")
    cards = page.locator(".entry-card")
    expect(cards.first).to_have_attribute("data-open", "false")
    assert cards.count() == page.locator('.entry-card[data-open="false"]').count() > 10
    # Collapsed: no fields and no bullets on the page, only the heading lines.
    expect(page.locator(".entry-card input, .entry-card textarea")).to_have_count(0)
    work = page.locator('.resume-section[data-kind="work"] .entry-card')
    expect(work).to_have_count(len(truth["work"]))
    for index, job in enumerate(truth["work"]):
        card = work.nth(index)
        expect(card.locator(".entry-heading")).to_have_text(f"{job['position']} at {job['name']}")
        end = _month(job["endDate"]) if job.get("endDate") else "Present"
        expect(card.locator(".entry-dates")).to_have_text(f"{_month(job['startDate'])} - {end}")

    # A click on the heading line opens the entry: its fields and bullets show.
    first, job = work.first, truth["work"][0]
    toggle = first.locator(".entry-toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(first).to_have_attribute("data-open", "true")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first.get_by_label("Position", exact=True)).to_have_value(job["position"])
    expect(first.get_by_label("Company", exact=True)).to_have_value(job["name"])
    boxes = first.locator(".bullet-row textarea")
    assert boxes.evaluate_all("boxes => boxes.map(box => box.value)") == job["highlights"]
    # The other entries stay closed.
    expect(work.nth(1)).to_have_attribute("data-open", "false")
    toggle.click()
    expect(first).to_have_attribute("data-open", "false")
    expect(first.locator(".bullet-row")).to_have_count(0)

    # The keyboard alone: Tab reaches the heading line, Enter opens it, Space closes it.
    second = work.nth(1)
    first.locator(".entry-toggle").focus()
    # Past the first entry's buttons (move up, move down, hide, delete) to the next heading line.
    for _ in range(8):
        page.keyboard.press("Tab")
        if second.locator(".entry-toggle").evaluate("element => element === document.activeElement"):
            break
    expect(second.locator(".entry-toggle")).to_be_focused()
    page.keyboard.press("Enter")
    expect(second).to_have_attribute("data-open", "true")
    expect(second.get_by_label("Company", exact=True)).to_have_value(truth["work"][1]["name"])
    page.keyboard.press("Space")
    expect(second).to_have_attribute("data-open", "false")


def test_the_navigator_jumps_to_each_section_and_the_bar_stays_in_view(app_server, page):
    open_truth_resume(page, app_server.url, "rendercv_classic")
    navigator = page.locator("#section-nav")
    for name, kind in (("Projects", "projects"), ("Experience", "work"), ("Awards", "awards")):
        navigator.get_by_role("link", name=name, exact=True).click()
        # The section's heading lands just below the bar, not under it.
        page.wait_for_function(
            """([selector]) => {
                const top = document.querySelector(selector).getBoundingClientRect().top;
                return top >= 0 && top < window.innerHeight / 2;
            }""",
            arg=[f"#section-{kind}"],
        )
        heading = page.locator(f"#section-{kind}").get_by_role("heading", name=name, exact=True)
        assert _bar_bottom(page) <= heading.bounding_box()["y"] < page.viewport_size["height"] / 2, name
    assert page.evaluate("window.scrollY") > 1000
    # Far down the page the save badge and the main actions are still in view.
    expect(page.locator("#save-status")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Download DOCX")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Next unsure field")).to_have_count(0)
    assert page.locator("#editor-bar").bounding_box()["y"] == 0
    navigator.get_by_role("link", name="Contact", exact=True).click()
    expect(page.get_by_label("Full name", exact=True)).to_be_in_viewport()


def test_next_unsure_field_walks_the_amber_fields_one_by_one(app_server, page):
    page.goto(app_server.url)
    page.set_input_files(LIBRARY_UPLOAD, str(UNSURE_PDF))
    page.wait_for_url("**/resume/**", timeout=60_000)
    expect(page.locator("#unsure-count")).to_have_text("4 to check")
    # Each entry with an amber field says so on its collapsed heading line.
    flagged = page.locator(".entry-card", has=page.locator(".entry-unsure"))
    expect(flagged).to_have_count(4)
    for index in range(4):
        expect(flagged.nth(index)).to_have_attribute("data-open", "false")
        expect(flagged.nth(index).locator(".entry-unsure")).to_have_text("1 to check")

    walked = []
    for index in range(4):
        page.get_by_role("button", name="Next unsure field").click()
        # The field's entry opens and the cursor is in the field, which is amber.
        expect(flagged.nth(index)).to_have_attribute("data-open", "true")
        focused = page.locator(":focus")
        expect(focused).to_have_attribute("title", UNSURE)
        expect(focused).to_be_in_viewport()
        walked.append(focused.get_attribute("id"))
        assert flagged.nth(index).locator(f"#{walked[-1]}").count() == 1
    assert len(set(walked)) == 4
    # Passing through a field without changing it is no check: all four are still amber.
    expect(page.locator("#unsure-count")).to_have_text("4 to check")
    # After the last one it starts again from the top.
    page.get_by_role("button", name="Next unsure field").click()
    expect(page.locator(":focus")).to_have_attribute("id", walked[0])

    # Fixing one clears it from the count and from its heading line; the walk goes on to the next.
    field = page.locator(f"#{walked[0]}")
    edit(page, lambda: (field.fill("Jan 2023"), field.blur()))
    expect(page.locator("#unsure-count")).to_have_text("3 to check")
    expect(flagged).to_have_count(3)
    page.get_by_role("button", name="Next unsure field").click()
    expect(page.locator(":focus")).to_have_attribute("id", walked[1])
    # A field that is right as it is: "Looks right" keeps it, clears it and goes on to the next.
    before = save_count(page)
    page.get_by_role("button", name="Looks right").click()
    wait_saved(page, before)
    expect(page.locator("#unsure-count")).to_have_text("2 to check")
    expect(page.locator(f"#{walked[1]}")).not_to_have_attribute("title", UNSURE)
    expect(page.locator(":focus")).to_have_attribute("id", walked[2])
    page.reload()
    expect(page.locator("#unsure-count")).to_have_text("2 to check")


def test_the_tallest_corpus_resume_fits_in_a_third_of_the_page_it_took(app_server, page):
    open_truth_resume(page, app_server.url, TALLEST_TRUTH)
    expect(page.locator('.entry-card[data-open="false"]').first).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < HEIGHT_BEFORE_PX / 3, height
    # Opening every entry brings the long form back (the bound above measures the collapse).
    page.locator("#section-nav").get_by_role("button", name="Open all").click()
    expect(page.locator('.entry-card[data-open="false"]')).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollHeight") > HEIGHT_BEFORE_PX * 0.8
