"""Nothing silently lost: every word of an imported file is in a field or in the "Not placed" list.

Checked on every corpus resume: the words the resume's fields hold (read from its JSON Resume
form, not from the importer's own bookkeeping) plus the words listed as not placed cover every
word of the text layer; section headings and the dates the resume read are form, not content.
Then the person's side: a line placed as a bullet or an entry, or dismissed, leaves the list and
the resume keeps that across a save; a heading with nothing read under it is flagged, not shown
as a confident empty section.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import docx
import pytest

from bench import layouts
from bench.parse_accuracy import corpus_documents
from resume_app.core import editing
from resume_app.core.errors import InputError
from resume_app.core.json_resume import UNPLACED_KEY, to_json_resume
from resume_app.core.model import LOW_CONFIDENCE, confidence_key
from resume_app.parsing.accounting import FORM_LABELS, form_spans, key
from resume_app.parsing.docx import read_docx
from resume_app.parsing.importer import import_resume
from resume_app.parsing.lines import RUNNING_HEAD
from resume_app.parsing.pdf import read_pdf
from resume_app.parsing.sections import split_sections

DOCUMENTS = [path for path, _ in corpus_documents([])]
# Files the importer refuses: nothing imported, so nothing to account for (none today).
REFUSED: set[str] = set()


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _text_layer(path):
    data = path.read_bytes()
    return read_pdf(data) if path.suffix == ".pdf" else read_docx(data)


def _lost_words(path) -> list[str]:
    """Words of the text layer found neither in a field nor among the listed lines."""
    lines = _text_layer(path)
    resume = import_resume(path.name, path.read_bytes())
    document = to_json_resume(resume, include_hidden=True)
    del document[UNPLACED_KEY]  # the list itself is checked below, apart from the fields
    fields = "\n".join(key(text) for text in _strings(document))
    # A listed paragraph joins its wrapped lines, so "cutting-" / "edge" may be listed as
    # "cutting-edge": count a hyphenated listed word's parts too.
    listed = Counter(
        key(part)
        for line in resume.import_report.unplaced
        for word in line.text.split()
        for part in {word, *(word.split("-") if "-" in word.strip("-") else ())}
    )
    _, sections = split_sections([line for line in lines if line.source != RUNNING_HEAD])
    headings = {id(section.heading_line) for section in sections}
    lost = []
    for line in lines:
        if id(line) in headings:
            continue
        dates = form_spans(line.text)
        # A word's letters and digits, without the punctuation around it ("(2023", "Current)").
        for match in re.finditer(r"[^\s]*?([^\W_][^\s]*[^\W_]|[^\W_])[^\s]*", line.text):
            word_key = key(match.group())
            in_date = any(begin <= match.start(1) and match.end(1) <= end for begin, end in dates)
            if not word_key or in_date or word_key in FORM_LABELS or word_key in fields:
                continue
            if listed[word_key] > 0:
                listed[word_key] -= 1
                continue
            lost.append(match.group())
    return lost


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.name not in REFUSED], ids=lambda path: path.name)
def test_every_word_is_in_a_field_or_listed_as_not_placed(path):
    assert _lost_words(path) == []


@pytest.mark.parametrize("family", sorted(layouts.FAMILIES))
def test_every_word_of_every_generated_layout_is_in_a_field_or_listed(family):
    """The same on every layout family of bench/layouts (rendered on first use, then cached)."""
    results = layouts.generate_results([family])
    assert results[0].docs, f"{family} could not be built: {results[0].skipped_reason or results[0].dropped}"
    lost = {}
    for doc in results[0].docs:
        try:
            words = _lost_words(doc.path)
        except InputError:  # refused: nothing imported, nothing to account for (scored in the bench)
            continue
        if words:
            lost[doc.path.name] = words
    assert lost == {}


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.name not in REFUSED], ids=lambda path: path.name)
def test_the_report_counts_every_word_once(path):
    report = import_resume(path.name, path.read_bytes()).import_report
    layer_words = sum(1 for line in _text_layer(path) for word in line.text.split() if key(word))
    assert report.words == layer_words
    listed = sum(1 for line in report.unplaced for word in line.text.split() if key(word))
    # Each word is counted placed or not placed, never both: the listed lines hold at least the rest.
    assert report.placed_words + listed >= report.words
    assert 0 < report.placed_share <= 1


def _resume_docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A Word file of (style, text) paragraphs, made here so the test knows every line."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SIDEBAR_LIKE = [
    ("Title", "Alex Rivera"),
    ("Normal", "alex.rivera@example.com | +44 20 7946 0958"),
    ("Heading 1", "Experience"),
    ("Normal", "Warehouse Lead, Northwind Traders, 2019 - Present"),
    ("List Bullet", "Cut picking errors by 40% by redesigning the shelf labels"),
    ("Heading 1", "Publications"),
    ("Heading 1", "Education"),
    ("Normal", "Diploma in Logistics, Leeds College, 2015 - 2017"),
    ("Heading 1", "Patents"),
    ("Normal", "Self-levelling pallet jack for narrow aisles, GB 2 345 678"),
]


def test_a_heading_with_nothing_under_it_is_flagged_not_confident():
    resume = import_resume("resume.docx", _resume_docx(SIDEBAR_LIKE))
    publications = resume.section("publications")
    assert publications is not None and not publications.entries
    assert resume.confidence[confidence_key(publications.id, "entries")] < LOW_CONFIDENCE
    work = resume.section("work")
    assert confidence_key(work.id, "entries") not in resume.confidence


def test_placing_and_dismissing_lines_empties_the_list():
    resume = import_resume("resume.docx", _resume_docx(SIDEBAR_LIKE))
    report = resume.import_report
    texts = [line.text for line in report.needing_review()]
    assert any("pallet jack" in text for text in texts), texts
    job = resume.section("work").entries[0]
    line = next(line for line in report.unplaced if "pallet jack" in line.text)
    assert (line.section, line.heading) == ("other", "Patents")
    placed_before = report.placed_words
    bullet = editing.place_as_bullet(resume, line.id, job.id)
    assert bullet.text == line.text and job.bullets[-1] is bullet
    assert line not in report.unplaced and report.placed_words > placed_before
    for rest in list(report.unplaced):
        editing.place_as_entry(resume, rest.id, "certificates")
    assert report.unplaced == []
    with pytest.raises(Exception, match="already placed or dismissed"):
        editing.dismiss_unplaced(resume, line.id)


def test_the_not_placed_lines_are_kept_with_the_resume(workspace):
    from resume_app.storage import repository

    resume = repository.create_resume(workspace, import_resume("resume.docx", _resume_docx(SIDEBAR_LIKE)))
    stored = repository.get_resume(workspace, resume.id)
    assert stored.import_report == resume.import_report
    line = stored.import_report.needing_review()[0]
    job = stored.section("work").entries[0]
    repository.update_resume(workspace, resume.id, lambda r: editing.place_as_bullet(r, line.id, job.id))
    again = repository.get_resume(workspace, resume.id)
    assert line.id not in [kept.id for kept in again.import_report.unplaced]
    assert again.section("work").entries[0].bullets[-1].text == line.text


def test_parse_json_lists_the_lines_under_x_unplaced_and_json_import_keeps_them(tmp_path):
    import json
    import subprocess
    import sys

    from resume_app.core import json_resume

    path = tmp_path / "resume.docx"
    path.write_bytes(_resume_docx(SIDEBAR_LIKE))
    printed = subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "parse", str(path), "--json"], capture_output=True, text=True
    )
    assert printed.returncode == 0, printed.stderr
    document = json.loads(printed.stdout)
    lines = document[UNPLACED_KEY]["lines"]
    assert any("pallet jack" in line["text"] and line["section"] == "other" for line in lines)
    assert document[UNPLACED_KEY]["words"] >= document[UNPLACED_KEY]["placedWords"] > 0
    again = json_resume.loads(printed.stdout)
    assert [line.text for line in again.import_report.unplaced] == [line["text"] for line in lines]
    assert json.loads(json_resume.dumps(again))[UNPLACED_KEY] == document[UNPLACED_KEY]
