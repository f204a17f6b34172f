"""Import a resume whose sidebar the parser cannot place: the editor says so and lists the lines;
one added as a bullet stays in the resume after a reload."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import LIBRARY_UPLOAD, bullet_texts, edit, open_all_entries
from tests.corpus import CORPUS

# A right sidebar printed after the main column, headings last in the text layer: the
# importer places the jobs but not all of the sidebar and profile text.
SIDEBAR_RESUME = CORPUS / "resumes" / "htmltopdf_cardo_dalisay.pdf"


def test_lines_the_importer_could_not_place_are_listed_and_can_be_added(app_server, page: Page):
    page.goto(app_server.url)
    page.set_input_files(LIBRARY_UPLOAD, str(SIDEBAR_RESUME))
    page.wait_for_url("**/resume/**", timeout=60_000)
    summary = page.locator("#import-summary")
    expect(summary).to_contain_text(re.compile(r"Placed \d+% of your file's text\. \d+ lines? needs? you\."))
    waiting = int(re.search(r"(\d+) lines? needs? you", summary.inner_text()).group(1))
    lines = page.locator("#not-placed .unplaced-line")
    expect(lines).to_have_count(waiting)
    summary.get_by_role("link", name="See them").click()
    expect(page.locator("#not-placed")).to_be_in_viewport()

    # Pick a line long enough to be a bullet and add it to the first job.
    texts = page.locator("#not-placed .unplaced-text").all_inner_texts()
    index, text = next((i, t) for i, t in enumerate(texts) if len(t.split()) >= 6)
    line = lines.nth(index)
    line.get_by_role("button", name="Add as bullet").click()
    target = page.get_by_role("menuitem").filter(has_text="Experience:").first
    edit(page, target.click)
    expect(lines).to_have_count(waiting - 1)
    assert text in bullet_texts(page)

    page.reload()
    expect(page.locator("#not-placed .unplaced-line")).to_have_count(waiting - 1)
    expect(page.locator("#import-summary")).to_contain_text(f"{waiting - 1} line")
    open_all_entries(page)
    assert text in bullet_texts(page)
    assert text not in page.locator("#not-placed .unplaced-text").all_inner_texts()

    # Dismiss one line, and make a new certificate of another: both leave the list for good.
    edit(page, page.locator("#not-placed .unplaced-line").first.get_by_role("button", name="Dismiss").click)
    expect(page.locator("#not-placed .unplaced-line")).to_have_count(waiting - 2)
    second = page.locator("#not-placed .unplaced-text").first.inner_text()
    page.locator("#not-placed .unplaced-line").first.get_by_role("button", name="New entry").click()
    edit(page, page.get_by_role("menuitem", name="Certifications", exact=True).click)
    certificates = page.locator('.resume-section[data-kind="certificates"] .entry-card')
    expect(certificates.first.get_by_label("Certificate", exact=True)).to_have_value(second)
    page.reload()
    expect(page.locator("#not-placed .unplaced-line")).to_have_count(waiting - 3)
    open_all_entries(page)
    expect(certificates.first.get_by_label("Certificate", exact=True)).to_have_value(second)
