"""Which of the file's words the parsed resume holds, and the lines it could not place.

The importer must never drop text silently. Rather than trust every parsing step to
report what it skipped, this step looks at the outcome: a word of the text layer is
placed when some field of the resume holds it (compared on letters and digits only, so
wrapped, hyphenated and re-punctuated text still counts), when it is part of a date the
resume read, or when its line was a section heading. Every other word is listed, with
its line and section, in the resume's ImportReport for the person to place or dismiss.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from resume_app.core.json_resume import to_json_resume
from resume_app.core.model import ImportReport, Resume, UnplacedLine
from resume_app.parsing.dates import find_date_ranges
from resume_app.parsing.lines import Line, join_wrapped

# Labels in front of values ("Email: ...", "Tel.", "GPA: 3.8", "Major: Finance"): the value
# is the field, the label is form.
FORM_LABELS = frozenset(
    """email e mail phone tel telephone mobile cell fax address web website site homepage portfolio
    linkedin github gitlab twitter x stackoverflow skype contact mail location gpa cgpa grade major
    minor""".split()
)
# A PDF without word spaces glues words together ("Ledservicemeshtechnology"): a key this long
# may be split into pieces of at least _MIN_PIECE characters, each found in a field. Shorter
# words are never split: "Visionary" is not "vis" + "ionary".
_MIN_GLUED = 12
_MIN_PIECE = 4
_KEY_DROP = re.compile(r"[\W_]+")
_INSIDE_WORD = re.compile(r"[^\s()\[\],;|–—-]")
_ADDRESS = re.compile(r"[/@]|www\.|\w\.\w", re.IGNORECASE)


@dataclass(frozen=True)
class LinePlace:
    """Where a line sat in the document: its section, and whether it was the heading itself."""

    section: str
    heading: str
    is_heading: bool = False
    # Set when the line was left out on purpose (page furniture): the reason shown to the person.
    skipped: str = ""


def key(text: str) -> str:
    """Letters and digits only, case-folded: "Cross-device," and "cross device" share a key."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _field_texts(resume: Resume) -> list[str]:
    return list(_strings(to_json_resume(resume, include_hidden=True)))


def _found(word: str, haystack: str) -> bool:
    word_key = key(word)
    if word_key in haystack:
        return True
    # An address (URL, domain, e-mail, DOI) is one token by nature: found whole or not at all.
    if len(word_key) < _MIN_GLUED or _ADDRESS.search(word):
        return False
    # A word glued to its neighbours ("SoftwareEngineerAcme") may span two fields: found when
    # it splits into pieces each found in a field.
    start = 0
    while start < len(word_key):
        end = len(word_key)
        while end - start >= _MIN_PIECE and word_key[start:end] not in haystack:
            end -= 1
        if end - start < _MIN_PIECE:
            return False
        start = end
    return True


# Pieces of a line that fields hold separately: columns, pipes, middots, dashes, commas.
_SEGMENT_SEPARATORS = re.compile(r"\t+|\s[|•·–—-]\s|[|•·;]|,\s|:\s")
# A paragraph wraps after a line at least this long; "1. ..." or "a) ..." starts an item of its own.
_MIN_WRAPPED_WORDS = 6
_ENUMERATED = re.compile(r"^(?:\d{1,3}|[a-z])[.)]\s")
# A piece of a line this short is looked up word by word.
_SHORT_PIECE_WORDS = 2
# "2 years 10 months" beside a date range: the template's sum of the dates, not a field.
_TIME_SPAN = re.compile(r"\b\d+\s+(?:years?|yrs?|months?|mos?)\b", re.IGNORECASE)


def _years(texts: list[str]) -> set[str]:
    return {year for text in texts for year in re.findall(r"\b(?:19|20)\d\d\b", text)}


def form_spans(text: str, years: set[str] | None = None) -> list[tuple[int, int]]:
    """Where a line holds dates (of the given years, when given) and, on a dated line, time
    spans ("2 years 10 months"): form the resume keeps as its own date fields, not words."""
    dates = [
        found
        for found in find_date_ranges(text)
        if (years is None or found.start[:4] in years) and _stands_alone(text, found.begin, found.finish)
    ]
    spans = [(found.begin, found.finish) for found in dates]
    if dates or _TIME_SPAN.fullmatch(text.strip()):
        spans += [match.span() for match in _TIME_SPAN.finditer(text)]
    return spans


def _stands_alone(text: str, begin: int, end: int) -> bool:
    """A date is a word of its own, not the inside of one ("iclr.2021.3456")."""
    return (begin == 0 or not _INSIDE_WORD.match(text[begin - 1])) and (
        end == len(text) or not _INSIDE_WORD.match(text[end]) or text[end] in ".,;:" and end + 1 == len(text)
    )


def _without_form(text: str, years: set[str]) -> str:
    for begin, end in sorted(form_spans(text, years), reverse=True):
        text = text[:begin] + "\t" + text[end:]
    return text


def _missing_in_segment(words: list[str], haystack: str) -> list[str]:
    """The words of one piece of a line that no field holds.

    A piece of one or two words ("Berkeley, CA") is looked up word by word. In a longer one,
    runs of two or more words that a field holds count; a single word that some field holds
    counts only beside a counted one ("B.S." + "in" + "Computer Science" are two fields and a
    joint), because a lone common word ("Business", "of") is in most resumes whether this
    line was read or not.
    """
    keys = [key(word) for word in words]
    if len(words) <= _SHORT_PIECE_WORDS:
        placed = [_found(word, haystack) for word in words]
    else:
        placed = [False] * len(words)
        start = 0
        while start < len(words):
            end = len(words)
            while end - start >= 2 and "".join(keys[start:end]) not in haystack:
                end -= 1
            if end - start >= 2:
                placed[start:end] = [True] * (end - start)
            start = max(end, start + 1)
        joints = [word_key in haystack for word_key in keys]
        changed = True
        while changed:
            changed = False
            for index, joint in enumerate(joints):
                beside = placed[max(index - 1, 0) : index] + placed[index + 1 : index + 2]
                if joint and not placed[index] and any(beside):
                    placed[index] = changed = True
    return [
        word for word, word_key, ok in zip(words, keys, placed, strict=True) if not ok and word_key not in FORM_LABELS
    ]


def _missing_words(text: str, haystack: str) -> list[str]:
    """The words of `text` that no field holds: the whole line, else piece by piece."""
    if not key(text) or key(text) in haystack:
        return []
    missing = []
    for segment in _SEGMENT_SEPARATORS.split(text):
        words = [word for word in segment.split() if key(word)]
        if words and key(segment) not in haystack:
            missing += _missing_in_segment(words, haystack)
    return missing


def _continues(previous: Line | None, listed: UnplacedLine | None, line: Line, place: LinePlace) -> bool:
    """Does a whole unplaced line carry on the one listed just before it (a wrapped paragraph)?
    Only after a full-length line, and never into a list item ("2. ...", a bullet)."""
    if previous is None or listed is None or (listed.section, listed.heading) != (place.section, place.heading):
        return False
    text = line.text.strip()
    if line.bullet or _ENUMERATED.match(text) or len(previous.text.split()) < _MIN_WRAPPED_WORDS:
        return False
    return text[:1].islower() or not previous.text.rstrip().endswith((".", "!", "?", ":", ";"))


def account(lines: Iterable[Line], places: dict[int, LinePlace], resume: Resume) -> ImportReport:
    """Count the words of `lines` that `resume` holds and list the rest, line by line; a
    paragraph wrapped over several unplaced lines is listed once, joined.

    `places` maps id(line) to where the line sat; lines missing from it were in the header.
    """
    texts = _field_texts(resume)
    haystack = "\n".join(key(text) for text in texts)
    years = _years(texts)
    report = ImportReport()
    # The item the last line was listed as, and that line, while the lines after it are listed too.
    open_paragraph: UnplacedLine | None = None
    last_line: Line | None = None
    for line in lines:
        place = places.get(id(line), LinePlace("header", ""))
        words = sum(1 for word in line.text.split() if key(word))
        report.words += words
        if place.is_heading:
            report.placed_words += words
            open_paragraph = None
            continue
        if place.skipped:
            report.unplaced.append(
                UnplacedLine(line.text, line.text, place.section, place.heading, reason=place.skipped)
            )
            continue
        missing = _missing_words(_without_form(line.text, years), haystack)
        report.placed_words += words - len(missing)
        if not missing:
            open_paragraph = None
        elif len(missing) * 3 < words:  # a few words of a line that is otherwise placed
            report.unplaced.append(UnplacedLine(" ".join(missing), line.text, place.section, place.heading))
            open_paragraph = None
        elif _continues(last_line, open_paragraph, line, place):
            open_paragraph.text = open_paragraph.line = join_wrapped(open_paragraph.text, line.text)
        else:
            open_paragraph = UnplacedLine(line.text, line.text, place.section, place.heading)
            report.unplaced.append(open_paragraph)
        last_line = line
    return report
