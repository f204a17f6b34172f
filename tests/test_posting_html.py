"""A job posting as the person has it in HTML: copied from a job board (a rich paste or its
source), or a saved web page (.html, .htm, .mhtml). The HTML is read into the text shape the
posting analysis reads best, with schema.org JobPosting data when the page has it."""

from __future__ import annotations

import asyncio
import html
import json
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage

import pytest

from resume_app.core.errors import InputError
from resume_app.matching.requirements import analyze_posting
from resume_app.parsing.errors import ParseError
from resume_app.parsing.posting_file import MAX_DOCUMENT_BYTES, posting_text
from resume_app.parsing.posting_html import html_to_posting, looks_like_html
from resume_app.tailoring.pasted import posting_from_box
from tests.corpus import CORPUS
from tests.sentences import one_sentence

RESUME = CORPUS / "truth" / "sb2nov_sourabh_bajaj.json"

REQUIREMENTS = [
    "5+ years of experience building data pipelines in Python",
    "Strong SQL skills and experience with PostgreSQL",
    "Experience with Apache Spark and Airflow",
]
RESPONSIBILITIES = [
    "Design and build batch and streaming data pipelines",
    "Own the data warehouse schema and its documentation",
]

# What a job board's page holds, as copied to the clipboard (Chrome adds the <meta>).
FRAGMENT = f"""<meta charset='utf-8'><h1 class="job-title">Senior Data Engineer</h1>
<div class="description"><p>Acme Analytics builds tools that help hospitals plan their staff.
  We are a team of forty people.</p>
<h2>What you'll do</h2>
<ul>
  {"".join(f"<li><p>{item}</p></li>" for item in RESPONSIBILITIES)}
</ul>
<h2>Requirements</h2>
<ul class="list">
  <li>{REQUIREMENTS[0]}</li>
  <li>{REQUIREMENTS[1].replace("PostgreSQL", "<strong>PostgreSQL</strong>")}</li>
  <li>{REQUIREMENTS[2]}
    <ul><li>Kafka is a plus</li></ul>
  </li>
</ul>
<h2>Benefits</h2>
<ul><li>Health insurance</li><li>Remote-friendly</li></ul></div>"""

FRAGMENT_TEXT = """Senior Data Engineer

Acme Analytics builds tools that help hospitals plan their staff. We are a team of forty people.

What you'll do

- Design and build batch and streaming data pipelines
- Own the data warehouse schema and its documentation

Requirements

- 5+ years of experience building data pipelines in Python
- Strong SQL skills and experience with PostgreSQL
- Experience with Apache Spark and Airflow
- Kafka is a plus

Benefits

- Health insurance
- Remote-friendly"""

DESCRIPTION_HTML = (
    "<p>Northwind Health is hiring a data engineer to join our platform team.</p>"
    "<p><strong>Responsibilities</strong></p><ul>"
    + "".join(f"<li>{item}</li>" for item in RESPONSIBILITIES)
    + "</ul><p><strong>Qualifications</strong></p><ul>"
    + "".join(f"<li>{html.escape(item)}</li>" for item in REQUIREMENTS)
    + "</ul><p>Northwind Health is an equal opportunity employer.</p>"
)

JOB_POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Data Engineer II",
    "datePosted": "2026-11-20",
    # Job boards escape the description's HTML inside the JSON-LD.
    "description": html.escape(DESCRIPTION_HTML),
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Health", "sameAs": "https://example.com"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Austin",
            "addressRegion": "TX",
            "addressCountry": "US",
        },
    },
    "employmentType": "FULL_TIME",
}

NAV_AND_FOOTER = """
<header class="site"><a href="/">JobBoard</a><nav><ul><li>Find jobs</li><li>Company reviews</li>
<li>Salaries</li></ul></nav></header>
<aside><h3>Similar jobs</h3><ul><li>Data Analyst at Contoso</li></ul></aside>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
"""
FOOTER = """<footer><ul><li>About us</li><li>Privacy</li><li>Terms</li></ul>&copy; 2026 JobBoard</footer>
<script>window.dataLayer = [{"event": "view", "text": "<li>not a requirement</li>"}];</script>"""


def _saved_page(json_ld: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Data Engineer II - Northwind Health | JobBoard</title>
<style>body {{ font-family: sans-serif; }} li::before {{ content: "Find jobs"; }}</style>
<script type="application/ld+json">{json_ld}</script>
<script src="/static/app.js"></script>
</head><body>{NAV_AND_FOOTER}{body}{FOOTER}</body></html>"""


SAVED_PAGE = _saved_page(
    json.dumps(JOB_POSTING, indent=2),
    '<div class="job"><h1>Data Engineer II</h1><div class="job-description">' + DESCRIPTION_HTML + "</div></div>",
)


def _lines(text: str) -> list[str]:
    return text.splitlines()


# ---------------------------------------------------------------------------------------
# A fragment copied from a job board
# ---------------------------------------------------------------------------------------


def test_a_job_board_fragment_keeps_its_headings_paragraphs_and_list_items():
    assert html_to_posting(FRAGMENT) == FRAGMENT_TEXT


def test_the_analysis_of_a_fragment_finds_its_list_items_as_requirements_and_the_title():
    analysis = analyze_posting(html_to_posting(FRAGMENT))
    found = [requirement.text for requirement in analysis.requirements]
    for item in REQUIREMENTS + RESPONSIBILITIES:
        assert any(item in text for text in found), (item, found)
    assert not any("Health insurance" in text for text in found)
    assert analysis.title == "Senior Data Engineer"


def test_br_separated_lines_and_bullet_glyphs_become_list_items():
    text = html_to_posting("<div><b>You have:</b><br>• Python<br>· SQL<br>- Docker</div><p>Apply now.</p>")
    assert _lines(text) == ["You have:", "- Python", "- SQL", "- Docker", "", "Apply now."]


def test_word_and_windows_clipboard_html():
    # Word's HTML: each list item a paragraph with a "·" glyph; Windows' CF_HTML header before the markup.
    word = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000999\r\n<html><body><!--StartFragment-->"
        "<p class=MsoNormal><b>Requirements</b></p>"
        "<p class=MsoListParagraphCxSpFirst><![if !supportLists]><span>·<span>&nbsp;&nbsp; </span></span>"
        "<![endif]>Python</p><p class=MsoListParagraphCxSpLast><span>·&nbsp; </span>SQL</p>"
        "<article><p>A card inside the copied part</p></article><!--EndFragment--></body></html>"
    )
    expected = ["Requirements", "", "- Python", "- SQL", "", "A card inside the copied part"]
    assert _lines(html_to_posting(word)) == expected


# ---------------------------------------------------------------------------------------
# A saved web page with schema.org JobPosting data
# ---------------------------------------------------------------------------------------


def test_a_saved_page_reads_its_json_ld_job_posting_and_drops_the_boilerplate():
    text = html_to_posting(SAVED_PAGE)
    assert text.startswith("Title: Data Engineer II\nCompany: Northwind Health\nLocation: Austin, TX, US\n\n")
    for item in REQUIREMENTS + RESPONSIBILITIES:
        assert f"- {item}" in _lines(text)
    for boilerplate in ("Find jobs", "Similar jobs", "cookies", "Privacy", "dataLayer", "not a requirement", "sans"):
        assert boilerplate not in text
    assert "&lt;" not in text and "<" not in text


def test_the_analysis_of_a_saved_page_takes_title_and_company_from_its_json_ld():
    analysis = analyze_posting(html_to_posting(SAVED_PAGE))
    assert (analysis.title, analysis.company) == ("Data Engineer II", "Northwind Health")
    found = [requirement.text for requirement in analysis.requirements]
    for item in REQUIREMENTS:
        assert any(item in text for text in found), (item, found)
    assert not any("equal opportunity" in text for text in found)


def test_json_ld_in_a_graph_with_a_list_of_locations_and_a_remote_job():
    posting = dict(JOB_POSTING, description=DESCRIPTION_HTML, jobLocationType="TELECOMMUTE")
    posting["@type"] = ["JobPosting"]
    posting["jobLocation"] = [
        {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": {"name": "Germany"}}},
        {"@type": "Place", "address": "Lisbon, Portugal"},
    ]
    graph = [{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Jobs"}, posting]}]
    text = html_to_posting(_saved_page(json.dumps(graph), "<p>Loading...</p>"))
    assert _lines(text)[:3] == [
        "Title: Data Engineer II",
        "Company: Northwind Health",
        "Location: Remote; Berlin, Germany; Lisbon, Portugal",
    ]
    assert f"- {REQUIREMENTS[0]}" in _lines(text)


def test_a_plain_text_description_keeps_its_lines():
    posting = dict(JOB_POSTING, description="About the role\nWe build things.\n\nRequirements:\n• Python\n• SQL")
    text = html_to_posting(_saved_page(json.dumps(posting), ""))
    body = text.split("\n\n", 1)[1]
    assert body == "About the role\nWe build things.\n\nRequirements:\n- Python\n- SQL"


def test_a_truncated_description_gives_way_to_the_page_text():
    posting = dict(JOB_POSTING, description="Northwind Health is hiring a data engineer to join...")
    page = _saved_page(json.dumps(posting), "<main>" + DESCRIPTION_HTML + "</main>")
    text = html_to_posting(page)
    assert text.startswith("Title: Data Engineer II\n")
    assert f"- {REQUIREMENTS[2]}" in _lines(text) and "join..." not in text


def test_broken_or_deeply_nested_json_ld_is_passed_over_for_the_page():
    broken = '{"@type": "JobPosting", "title": "Oops",'
    nested = "[" * 100_000 + "]" * 100_000
    for json_ld in (broken, nested):
        text = html_to_posting(_saved_page(json_ld, "<main><h1>Data Engineer</h1>" + DESCRIPTION_HTML + "</main>"))
        assert not text.startswith("Title:")
        assert f"- {REQUIREMENTS[0]}" in _lines(text)


def test_microdata_job_posting():
    page = f"""<html><body>{NAV_AND_FOOTER}
    <div itemscope itemtype="https://schema.org/JobPosting">
      <h1 itemprop="title">Data Engineer II</h1>
      <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
        <span itemprop="name">Northwind Health</span></div>
      <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
        <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
          <span itemprop="addressLocality">Austin</span>, <span itemprop="addressRegion">TX</span>
        </div></div>
      <div itemprop="description">{DESCRIPTION_HTML}</div>
    </div>{FOOTER}</body></html>"""
    text = html_to_posting(page)
    assert text.startswith("Title: Data Engineer II\nCompany: Northwind Health\nLocation: Austin, TX\n\n")
    assert f"- {REQUIREMENTS[1]}" in _lines(text)
    assert "Find jobs" not in text and "Privacy" not in text


# ---------------------------------------------------------------------------------------
# The corpus postings as a job board shows them
# ---------------------------------------------------------------------------------------

CORPUS_POSTINGS = sorted(path for path in (CORPUS / "jobs").glob("*.txt") if not path.name.endswith(".flat.txt"))


def _as_html(text: str) -> str:
    """A posting's text as a job board marks it up: "- " lines as a list, other blocks as paragraphs."""
    parts = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
    return "\n".join(parts)


def _requirements(text: str) -> tuple[str, str, list[tuple[str, str]]]:
    analysis = analyze_posting(text)
    return analysis.title, analysis.company, [(item.text, item.kind.value) for item in analysis.requirements]


@pytest.mark.parametrize("path", CORPUS_POSTINGS, ids=lambda path: path.stem)
def test_a_corpus_posting_marked_up_as_a_page_or_as_json_ld_reads_as_its_text(path):
    text = path.read_text(encoding="utf-8")
    expected = _requirements(text)
    assert expected[2], "a corpus posting has requirements"
    page = f"<html><body>{NAV_AND_FOOTER}<main>{_as_html(text)}</main>{FOOTER}</body></html>"
    assert _requirements(html_to_posting(page)) == expected
    # The same posting as schema.org JobPosting data, its header lines as the data's fields.
    header = dict(re.findall(r"^(Title|Company|Location): (.*)$", text.split("\n\n", 1)[0], re.MULTILINE))
    body = text.split("\n\n", 1)[1] if header else text
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": header.get("Title", ""),
        "hiringOrganization": {"@type": "Organization", "name": header.get("Company", "")},
        "jobLocation": {"@type": "Place", "address": header.get("Location", "")},
        "description": html.escape(_as_html(body)),
    }
    read = html_to_posting(_saved_page(json.dumps(posting), "<div id=app></div>"))
    assert _requirements(read) == expected
    if header:
        assert read.startswith("".join(f"{key}: {value}\n" for key, value in header.items()) + "\n")


def test_microdata_with_the_description_in_a_meta_element():
    page = (
        '<html><body><div itemscope itemtype="http://schema.org/JobPosting">'
        '<meta itemprop="title" content="Data Engineer II"><meta itemprop="hiringOrganization" content="Northwind">'
        f'<meta itemprop="description" content="{html.escape(DESCRIPTION_HTML)}"></div></body></html>'
    )
    text = html_to_posting(page)
    assert text.startswith("Title: Data Engineer II\nCompany: Northwind\n\nNorthwind Health is hiring")
    assert f"- {REQUIREMENTS[0]}" in _lines(text)


# ---------------------------------------------------------------------------------------
# A saved page without JobPosting data
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wrapper", ["main", "article", 'div role="main"'])
def test_the_main_content_of_a_page_without_job_posting_data(wrapper):
    closing = wrapper.split()[0]
    page = f"<html><body>{NAV_AND_FOOTER}<{wrapper}><h1>Data Engineer</h1>{DESCRIPTION_HTML}</{closing}>{FOOTER}"
    text = html_to_posting(page)
    assert text.startswith("Data Engineer\n\nNorthwind Health is hiring")
    assert "Find jobs" not in text and "Privacy" not in text and "cookies" not in text


def test_an_article_header_with_the_title_stays_and_the_json_ld_title_is_not_said_twice():
    page = (
        "<html><body><header><h1>Data Engineer II</h1><p>Northwind Health - Austin, TX</p></header>"
        f"<div>{DESCRIPTION_HTML}</div></body></html>"
    )
    assert html_to_posting(page).startswith("Data Engineer II\n\nNorthwind Health - Austin, TX\n\n")
    posting = dict(JOB_POSTING, description="Hiring...")
    text = html_to_posting(_saved_page(json.dumps(posting), page.removeprefix("<html><body>")))
    assert text.startswith("Title: Data Engineer II\nCompany: Northwind Health\nLocation: Austin, TX, US\n\n")
    assert text.count("Data Engineer II") == 1


def test_a_page_with_neither_drops_navigation_header_footer_asides_and_hidden_elements():
    page = (
        f"<html><body>{NAV_AND_FOOTER}<div class=content><h1>Data Engineer</h1>{DESCRIPTION_HTML}"
        '<div style="display: none">Report this job</div><p hidden>Sign in to apply</p>'
        f"<select><option>English</option></select></div>{FOOTER}</body></html>"
    )
    text = html_to_posting(page)
    assert text.startswith("Data Engineer\n\nNorthwind Health is hiring")
    for boilerplate in ("JobBoard", "Find jobs", "Similar jobs", "cookies", "Privacy", "Report", "Sign in", "English"):
        assert boilerplate not in text


# ---------------------------------------------------------------------------------------
# Broken HTML, entities, and pages made to hurt
# ---------------------------------------------------------------------------------------


def test_broken_unclosed_html_still_gives_its_items():
    text = html_to_posting("<h2>Requirements<ul><li>Python<li>SQL <b>and <i>Spark<li>Docker</ul><p>Apply <p>today")
    # As a browser builds it: the unclosed <h2> holds the list, the unclosed <b> and <i> end with their item.
    assert _lines(text) == ["Requirements", "- Python", "- SQL and Spark", "- Docker", "", "Apply", "", "today"]


def test_entity_soup():
    text = html_to_posting(
        "<p>R&amp;D &amp;amp; QA&nbsp;team &#8212; caf&eacute; &#x2022; &bogus; &lt;script&gt;alert(1)&lt;/script&gt;"
        " 5&nbsp;&lt;&nbsp;10 &zwnj;x&#8203;y &#0; &#xD800;</p>"
    )
    assert text.startswith("R&D &amp; QA team \u2014 caf\u00e9 \u2022 &bogus; <script>alert(1)</script> 5 < 10 xy")
    assert "\u200b" not in text and "\u00a0" not in text and "\0" not in text


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "<div>" * n + "Python" + "</div>" * n,
        lambda n: "<ul>" + "<li><ul>" * n + "<li>deep",
        lambda n: "<b><i><span>" * n + "text",
        lambda n: "<table>" + "<tr><td>cell" * n,
        lambda n: "<p>" + "&amp;" * (n * 10),
        lambda n: "<" * (n * 20),
    ],
    ids=["nested_divs", "nested_lists", "formatting_soup", "table_soup", "entities", "angle_brackets"],
)
def test_a_huge_or_deeply_nested_document_takes_linear_time_and_never_a_traceback(make):
    source = make(200_000)[: MAX_DOCUMENT_BYTES - 1000]
    started = time.monotonic()
    try:
        text = html_to_posting(source)
    except ParseError as error:
        assert one_sentence(str(error)), str(error)
    else:
        assert isinstance(text, str)
    assert time.monotonic() - started < 10


def test_a_page_without_text_is_refused_withone_sentence():
    for source in ("<html><head><script>var a = 1;</script></head><body><nav>Jobs</nav></body></html>", "<div></div>"):
        with pytest.raises(ParseError) as error:
            html_to_posting(source)
        assert isinstance(error.value, InputError) and one_sentence(str(error.value))


# ---------------------------------------------------------------------------------------
# Files: .html, .htm, .mhtml, and a .txt that holds HTML
# ---------------------------------------------------------------------------------------


def _mhtml(page: str) -> bytes:
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://jobs.example.com/123"
    message["Subject"] = "Data Engineer II"
    message.make_mixed()
    message.set_type("multipart/related")
    message.set_param("type", "text/html")
    part = EmailMessage()
    part.set_content(page, subtype="html", cte="quoted-printable")
    part["Content-Location"] = "https://jobs.example.com/123"
    message.attach(part)
    image = EmailMessage()
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(500), maintype="image", subtype="png")
    message.attach(image)
    return message.as_bytes()


def test_a_saved_page_file_an_mhtml_file_and_a_text_file_of_html_read_the_same(tmp_path):
    expected = html_to_posting(SAVED_PAGE)
    assert posting_text("Data Engineer II.html", SAVED_PAGE.encode("utf-8")) == expected
    assert posting_text("Data Engineer II.mhtml", _mhtml(SAVED_PAGE)) == expected
    assert posting_text("posting.txt", SAVED_PAGE.encode("utf-8")) == expected


def test_a_saved_page_in_its_declared_charset():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    page += "<body><h1>Comptable – Café Nordic</h1><ul><li>Maîtrise d’Excel</li></ul></body></html>"
    assert posting_text("offre.htm", page.encode("cp1252")) == "Comptable – Café Nordic\n\n- Maîtrise d’Excel"
    # As browsers read them: "ISO-8859-1" means Windows-1252, and a page that says UTF-16 in ASCII is UTF-8.
    latin = page.replace("windows-1252", "ISO-8859-1").encode("cp1252")
    assert posting_text("offre.htm", latin) == "Comptable – Café Nordic\n\n- Maîtrise d’Excel"
    utf16 = page.replace("windows-1252", "utf-16").encode("utf-8")
    assert posting_text("offre.htm", utf16) == "Comptable – Café Nordic\n\n- Maîtrise d’Excel"


def test_a_saved_page_over_the_document_limit_is_refused_and_one_under_the_text_limit_is_read():
    filler = "<!-- " + "x" * (2 * 1024 * 1024) + " -->"
    assert "- Python" in posting_text("big.html", f"<html><body>{filler}<ul><li>Python</li></ul>".encode())
    with pytest.raises(ParseError) as error:
        posting_text("huge.html", b"<html><body>" + b" " * MAX_DOCUMENT_BYTES)
    assert "huge.html is larger than 10 MB" in str(error.value) and one_sentence(str(error.value))


def test_an_mhtml_file_without_a_page_is_refused_withone_sentence():
    data = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
    data += b"Content-Type: multipart/related; boundary=x\r\n\r\n--x--\r\n"
    with pytest.raises(ParseError) as error:
        posting_text("page.mhtml", data)
    assert "page.mhtml holds no web page" in str(error.value) and one_sentence(str(error.value))


def _rank_cli(posting) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "rank", str(RESUME), str(posting), "--json"],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_cli_refuses_a_saved_page_without_text_with_one_line(tmp_path):
    posting = tmp_path / "app.html"
    posting.write_text('<!DOCTYPE html><html><body><div id="root"></div><script src="app.js"></script>')
    result = _rank_cli(posting)
    assert result.returncode == 2 and result.stdout == ""
    assert "app.html has no job posting text to read; copy the posting" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_the_cli_ranks_against_a_saved_page(tmp_path):
    posting = tmp_path / "posting.html"
    posting.write_text(SAVED_PAGE, encoding="utf-8")
    result = _rank_cli(posting)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    texts = [item["text"] for item in document["requirements"]]
    for item in REQUIREMENTS:
        assert any(item in text for text in texts), (item, texts)
    assert document["bullets"] and 0 <= document["match_score"] <= 100


# ---------------------------------------------------------------------------------------
# Pasted: HTML source as text, and a rich paste's clipboard HTML
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Senior Data Engineer\n- Python",
        "<Senior> Data Engineer, with a <b>bold</b> claim",
        "Use <div> and <span> well",
        "<3 our team",
    ],
)
def test_plain_text_is_not_taken_for_html_and_stays_as_typed(text):
    assert not looks_like_html(text)
    assert posting_from_box(text) == text


def test_html_source_pasted_as_text_is_read_as_html():
    assert looks_like_html("  \n" + FRAGMENT)
    assert posting_from_box(FRAGMENT) == FRAGMENT_TEXT


def test_a_rich_paste_replaces_the_selection_with_the_text_read_from_its_html():
    assert posting_from_box("", FRAGMENT, "plain", "0,0") == FRAGMENT_TEXT
    # Typed text around the paste stays; the browser counts the caret in UTF-16 units.
    before, after = "Notes 🙂 for me\n", "\nold text"
    box = before + "SELECTED" + after
    start = len(before.encode("utf-16-le")) // 2
    span = f"{start},{start + len('SELECTED')}"
    assert posting_from_box(box, "<ul><li>Python</li><li>SQL</li></ul>", "Python SQL", span) == (
        before + "- Python\n- SQL" + after
    )


def test_a_rich_paste_without_text_in_its_html_takes_the_plain_text():
    assert posting_from_box("", "<img src='x.png'>", "Data Engineer", "0,0") == "Data Engineer"
    assert posting_from_box("ab", "<div></div>", "X", "junk") == "abX"


def _page(workspace):
    import reflex as rx

    from resume_app.ui.state.tailor import TailorState

    root = rx.State(_reflex_internal_init=True)
    page = root.get_substate(TailorState.get_full_name().split(".")[1:])
    page.workspace_token = workspace
    page.version_id = "v1"
    return page


def _drain(generator) -> list:
    async def run():
        return [update async for update in generator]

    # On a thread of its own: browser tests earlier in the process leave an event loop running.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


@pytest.fixture
def stored(monkeypatch):
    from resume_app.tailoring import service

    texts: list[str] = []

    def store_posting(workspace, version_id, text):
        texts.append(text)
        return "p1", False

    monkeypatch.setattr(service, "store_posting", store_posting)
    return texts


def test_the_page_stores_a_rich_paste_as_the_text_read_from_its_html_and_shows_it(workspace, stored):
    page = _page(workspace)
    revision = page.revision
    form = {"posting": "", "posting_html": FRAGMENT, "posting_plain": "Senior Data Engineer", "posting_span": "0,0"}
    _drain(page.submit_posting(form))
    assert stored == [FRAGMENT_TEXT] and page.posting_text == FRAGMENT_TEXT
    assert page.revision == revision + 1, "the box is re-keyed to show the text read"
    # The Match button later sends the box as it shows: nothing new to store.
    _drain(page.submit_posting({"posting": FRAGMENT_TEXT, "posting_html": "", "posting_plain": "", "posting_span": ""}))
    assert stored == [FRAGMENT_TEXT] and page.revision == revision + 1


def test_the_page_reads_html_source_pasted_as_text_once(workspace, stored):
    page = _page(workspace)
    _drain(page.submit_posting({"posting": SAVED_PAGE}))
    assert stored == [html_to_posting(SAVED_PAGE)] and page.posting_text.startswith("Title: Data Engineer II\n")
    revision = page.revision
    # The typing pause that follows the paste sends the same source again: read the same, not stored twice.
    _drain(page.set_posting_text(SAVED_PAGE))
    assert len(stored) == 1 and page.revision == revision


def test_the_page_keeps_plain_text_as_typed(workspace, stored):
    page = _page(workspace)
    revision = page.revision
    _drain(page.set_posting_text("Data Engineer\n- Python <3"))
    assert stored == ["Data Engineer\n- Python <3"] and page.revision == revision


def test_html_without_text_pasted_as_source_says_why_inone_sentence(workspace, stored):
    page = _page(workspace)
    _drain(page.set_posting_text("<html><body><script>x()</script><div></div></body></html>"))
    assert stored == [] and one_sentence(page.save_message)
    assert page.save_message.startswith("The pasted HTML has no job posting text to read")
