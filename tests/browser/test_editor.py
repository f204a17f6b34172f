"""The editor in a real browser: edits persist, order persists, workspaces stay apart."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import (
    SAVE_STATUS,
    add_job,
    bullet_texts,
    edit,
    fill_field,
    new_resume,
    open_entry,
    wait_saved,
)
from tests.test_json_resume import UNICODE_NAME

BULLETS = ["Cut build time by 40% with cached CI pipelines", "Mentored 3 engineers", "Shipped the billing API"]


def test_reordered_bullets_persist_and_other_workspaces_see_nothing(app_server, new_page):
    page = new_page()
    resume_url = new_resume(page, app_server.url)
    add_job(page, "Engineer", "Acme", BULLETS)
    third = page.locator(".bullet-row").nth(2)
    edit(page, lambda: third.get_by_role("button", name="Move bullet up").click())
    edit(page, lambda: page.locator(".bullet-row").nth(1).get_by_role("button", name="Move bullet up").click())
    assert bullet_texts(page) == [BULLETS[2], BULLETS[0], BULLETS[1]]

    page.reload()
    open_entry(page.locator(".entry-card").first)
    expect(page.locator(".bullet-row")).to_have_count(3)
    assert bullet_texts(page) == [BULLETS[2], BULLETS[0], BULLETS[1]]
    expect(page.locator(".entry-heading")).to_have_text("Engineer at Acme")

    stranger = new_page()
    stranger.goto(app_server.url)
    expect(stranger.get_by_text("No resumes yet")).to_be_visible()
    expect(stranger.locator(".resume-card")).to_have_count(0)
    stranger.goto(resume_url)
    expect(stranger.get_by_role("heading", name="Resume not found")).to_be_visible()
    expect(stranger.get_by_text(BULLETS[0])).to_have_count(0)


def test_keyboard_alone_reorders_bullets(app_server, page):
    new_resume(page, app_server.url)
    add_job(page, "Analyst", "Initech", BULLETS)
    handle = page.locator(".bullet-row").nth(2).locator(".bullet-handle")
    handle.focus()
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    assert bullet_texts(page) == [BULLETS[0], BULLETS[2], BULLETS[1]]
    # Focus follows the moved bullet, so pressing again keeps moving the same one.
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    assert bullet_texts(page) == [BULLETS[2], BULLETS[0], BULLETS[1]]
    # Alt+ArrowDown while typing in a bullet moves it down.
    page.locator(".bullet-row textarea").first.focus()
    edit(page, lambda: page.keyboard.press("Alt+ArrowDown"))
    assert bullet_texts(page) == [BULLETS[0], BULLETS[2], BULLETS[1]]
    page.reload()
    open_entry(page.locator(".entry-card").first)
    expect(page.locator(".bullet-row")).to_have_count(3)
    assert bullet_texts(page) == [BULLETS[0], BULLETS[2], BULLETS[1]]


def test_hide_and_delete_bullet_and_unicode_name(app_server, page):
    new_resume(page, app_server.url)
    fill_field(page, "Full name", UNICODE_NAME)
    add_job(page, "Ingénieure", "株式会社テスト", BULLETS)
    second = page.locator(".bullet-row").nth(1)
    edit(page, lambda: second.get_by_role("button", name="Hide bullet").click())
    expect(page.locator(".bullet-row").nth(1).get_by_role("button", name="Show bullet")).to_be_visible()
    edit(page, lambda: page.locator(".bullet-row").nth(0).get_by_role("button", name="Delete bullet").click())
    page.reload()
    expect(page.get_by_label("Full name", exact=True)).to_have_value(UNICODE_NAME)
    expect(page.locator(".entry-heading")).to_have_text("Ingénieure at 株式会社テスト")
    open_entry(page.locator(".entry-card").first)
    expect(page.locator(".bullet-row")).to_have_count(2)
    assert bullet_texts(page) == BULLETS[1:]
    expect(page.locator(".bullet-row").first.get_by_role("button", name="Show bullet")).to_be_visible()


def test_a_bad_date_is_explained_and_not_saved(app_server, page):
    new_resume(page, app_server.url)
    add_job(page, "Engineer", "Acme", [])
    start = page.get_by_label("Start", exact=True)
    start.fill("sometime")
    start.blur()
    expect(page.get_by_role("alert")).to_contain_text("is not a date")
    expect(page.locator(SAVE_STATUS)).to_contain_text("Not saved")
    before = int(page.locator(SAVE_STATUS).get_attribute("data-saves"))
    start.fill("Mar 2021")
    start.blur()
    wait_saved(page, before)
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.locator(".entry-card").first).to_contain_text("Mar 2021 - Present")
