"""What the page shows as saved survives the server being killed outright."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import SAVE_STATUS, add_job, bullet_texts, edit, new_resume, open_entry


def test_edit_survives_sigkill_right_after_saved(app_server, page):
    resume_url = new_resume(page, app_server.url)
    add_job(page, "Engineer", "Acme", ["Kept 300 laptops imaged and patched"])
    box = page.locator(".bullet-row textarea").first
    edit(page, lambda: (box.fill("Kept 300 laptops imaged, patched and encrypted"), box.blur()))
    # "Saved" is showing: cut the power now.
    expect(page.locator(SAVE_STATUS)).to_contain_text("Saved")
    app_server.kill()
    assert not app_server.is_serving()
    app_server.start()

    page.goto(resume_url)
    open_entry(page.locator(".entry-card").first)
    expect(page.locator(".bullet-row")).to_have_count(1)
    assert bullet_texts(page) == ["Kept 300 laptops imaged, patched and encrypted"]
    expect(page.locator(".entry-heading")).to_have_text("Engineer at Acme")


def test_a_tailored_order_survives_sigkill_and_the_page_ranks_again_after_restart(app_server, page):
    from tests.browser.helpers import open_truth_resume
    from tests.browser.tailoring import chosen_texts, job, paste_posting, posting, start_tailoring, wait_ranked

    open_truth_resume(page, app_server.url, "soupboss_01_accountant")
    version_url = start_tailoring(page)
    paste_posting(page, posting("indeed_589_tax_accountant"))
    handle = job(page).locator(".bullet-row").nth(1).locator(".bullet-handle")
    handle.focus()
    edit(page, lambda: page.keyboard.press("ArrowUp"))
    order = chosen_texts(job(page))
    app_server.kill()
    app_server.start()
    # Straight after a start the model may still be loading: the stored order shows at once,
    # the scores follow when the model is ready.
    page.goto(version_url)
    expect(job(page).locator(".bullet-row").first).to_be_visible()
    assert chosen_texts(job(page)) == order
    wait_ranked(page)
    assert chosen_texts(job(page)) == order
