"""Field-level scoring of a parsed resume against its ground truth (both JSON Resume dicts).

For each field, a document yields three counts: true positives, values predicted, values
expected. Summing them over documents (micro-averaging) gives precision = tp / predicted,
recall = tp / expected and F1. "overall" is the micro-average over every field.

Fields and how their values compare:

    name, email       basics.name / basics.email, normalised text (see `normalize_text`)
    phone             basics.phone, digits only
    position, company work[].position / work[].name        } per work entry, after aligning
    start, end        work[].startDate / work[].endDate    } predicted entries to truth entries
    bullets           highlights of work[], volunteer[] and projects[], as a multiset;
                      exact text after NFKC and whitespace collapsing (case kept)
    institution       education[].institution, a multiset of normalised texts
    skills            skills[].keywords items, plus skills[].name of skills without keywords,
                      a multiset of normalised texts

Work entries are aligned one-to-one, greedily, on the words their company + position share
and the words their bullets share (equal dates only break ties), so that a right start date
on the wrong job does not count. A field of an aligned pair is a true positive when both
sides agree; every non-empty predicted field of an unaligned or disagreeing entry counts
only in `predicted`, every truth field only in `expected`. A missing endDate means
"present" (when the entry has a startDate).

Run this file to check the scorer itself: each truth file scored against itself must give
1.0 for every field, an empty prediction 0 true positives, and a hand-made case that differs
only in format (case, spacing, phone punctuation, job order, "Present") 1.0.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

FIELDS = ("name", "email", "phone", "position", "company", "start", "end", "bullets", "institution", "skills")

# The work-entry fields, as (field name, JSON Resume key).
WORK_FIELDS = (("position", "position"), ("company", "name"), ("start", "startDate"), ("end", "endDate"))

# Sections whose entries' highlights are the resume's bullets (education highlights are not:
# the tailoring app ranks experience and project bullets).
BULLET_SECTIONS = ("work", "volunteer", "projects")

# Word overlap (0..2, see entry_similarity) below which two work entries are not aligned.
MIN_ALIGN_EVIDENCE = 0.1

PRESENT = "present"
_PRESENT_WORDS = {"present", "current", "now", "today"}

# A value to compare (`key`) and the value as the document had it (`shown`, for reports).
Value = tuple[str, str]


@dataclass(frozen=True)
class Counts:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.expected + other.expected,
        )

    # Nothing predicted where nothing is expected is a perfect score, not 0/0: a resume
    # without a phone number must not pull the phone figures down.
    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.expected == 0 else 0.0
        return self.true_positives / self.predicted

    @property
    def recall(self) -> float:
        if self.expected == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.true_positives / self.expected

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class FieldScore:
    counts: Counts
    # Values shown for `-v` reports: predicted without a match, expected without a match.
    spurious: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()


# --- normalisation -------------------------------------------------------------------------


def collapse_whitespace(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def normalize_text(text: str) -> str:
    """NFKC, casefold, collapse whitespace, strip punctuation and space at both ends."""
    folded = collapse_whitespace(text).casefold()
    start, end = 0, len(folded)
    while start < end and _is_edge_junk(folded[start]):
        start += 1
    while end > start and _is_edge_junk(folded[end - 1]):
        end -= 1
    return folded[start:end]


def phone_digits(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKC", text) if char in "0123456789")


def normalize_date(text: str) -> str:
    date = collapse_whitespace(text)
    return PRESENT if date.casefold() in _PRESENT_WORDS else date


def _text(value: Any) -> str:
    # Truth and predictions should hold strings; anything else compares as its text.
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _entries(document: dict[str, Any], section: str) -> list[dict[str, Any]]:
    return [entry for entry in document.get(section) or [] if isinstance(entry, dict)]


# --- values per field ----------------------------------------------------------------------


def _basics_values(document: dict[str, Any], key: str, normalize: Callable[[str], str]) -> list[Value]:
    raw = _text((document.get("basics") or {}).get(key))
    compared = normalize(raw)
    return [(compared, raw)] if compared else []


def bullet_values(document: dict[str, Any]) -> list[Value]:
    values = []
    for section in BULLET_SECTIONS:
        for entry in _entries(document, section):
            for highlight in entry.get("highlights") or []:
                text = collapse_whitespace(_text(highlight))
                if text:
                    values.append((text, text))
    return values


def institution_values(document: dict[str, Any]) -> list[Value]:
    raw = [_text(entry.get("institution")) for entry in _entries(document, "education")]
    return [(normalize_text(text), text) for text in raw if normalize_text(text)]


def skill_values(document: dict[str, Any]) -> list[Value]:
    raw = []
    for skill in document.get("skills") or []:
        if isinstance(skill, str):  # some tools write a skill as a bare name
            raw.append(skill)
        elif isinstance(skill, dict):
            keywords = [_text(keyword) for keyword in skill.get("keywords") or []]
            raw.extend(keywords if keywords else [_text(skill.get("name"))])
    return [(normalize_text(text), text) for text in raw if normalize_text(text)]


def work_field_value(entry: dict[str, Any], field: str) -> str:
    """The comparable value of one work field of one entry ("" when absent)."""
    if field == "position":
        return normalize_text(_text(entry.get("position")))
    if field == "company":
        return normalize_text(_text(entry.get("name") or entry.get("company")))
    if field == "start":
        return normalize_date(_text(entry.get("startDate")))
    end = normalize_date(_text(entry.get("endDate")))
    # No endDate means "to the present", but only for an entry that has dates at all.
    if not end and normalize_date(_text(entry.get("startDate"))):
        return PRESENT
    return end


# --- matching ------------------------------------------------------------------------------


def match_multisets(predicted: Iterable[Value], expected: Iterable[Value]) -> FieldScore:
    """Score two bags of values: each expected value can be matched by one predicted value."""
    predicted, expected = list(predicted), list(expected)
    available = Counter(key for key, _ in expected)
    spurious = []
    for key, shown in predicted:
        if available[key] > 0:
            available[key] -= 1
        else:
            spurious.append(shown)
    unmatched = Counter(key for key, _ in predicted)
    missed = []
    for key, shown in expected:
        if unmatched[key] > 0:
            unmatched[key] -= 1
        else:
            missed.append(shown)
    true_positives = len(predicted) - len(spurious)
    return FieldScore(Counts(true_positives, len(predicted), len(expected)), tuple(spurious), tuple(missed))


def _word_overlap(left: str, right: str) -> float:
    """Jaccard similarity of the two texts' word sets (0 when either has no words)."""
    left_words, right_words = set(re.findall(r"\w+", left)), set(re.findall(r"\w+", right))
    if not left_words or not right_words:
        return 0.0
    return len(left_words & right_words) / len(left_words | right_words)


def _heading_text(entry: dict[str, Any]) -> str:
    return f"{work_field_value(entry, 'company')} {work_field_value(entry, 'position')}"


def _bullets_text(entry: dict[str, Any]) -> str:
    return normalize_text(" ".join(_text(text) for text in entry.get("highlights") or []))


def entry_similarity(predicted: dict[str, Any], truth: dict[str, Any]) -> float:
    """How likely two work entries describe the same job; 0 means "never align them".

    Words are compared rather than whole fields, and company and position together, so
    that an entry with the two swapped, merged ("Company, City, Position") or with its
    bullets cut short still finds its job; whether each field is right is judged later.
    """
    evidence = _word_overlap(_heading_text(predicted), _heading_text(truth)) + _word_overlap(
        _bullets_text(predicted), _bullets_text(truth)
    )
    if evidence < MIN_ALIGN_EVIDENCE:
        # Equal dates alone are no evidence: most resumes have several jobs ending "present"
        # or starting the same year; nor is one shared "and" among forty words.
        return 0.0
    same_dates = sum(
        1 for field in ("start", "end") if work_field_value(predicted, field) == work_field_value(truth, field)
    )
    return evidence + 0.1 * same_dates


def align_entries(predicted: list[dict[str, Any]], truth: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, truth index) pairs, best similarity first (greedy)."""
    candidates = []
    for predicted_index, predicted_entry in enumerate(predicted):
        for truth_index, truth_entry in enumerate(truth):
            similarity = entry_similarity(predicted_entry, truth_entry)
            if similarity > 0:
                # Ties go to the pair closest in document order.
                candidates.append((-similarity, abs(predicted_index - truth_index), predicted_index, truth_index))
    pairs, used_predicted, used_truth = [], set(), set()
    for _, _, predicted_index, truth_index in sorted(candidates):
        if predicted_index not in used_predicted and truth_index not in used_truth:
            pairs.append((predicted_index, truth_index))
            used_predicted.add(predicted_index)
            used_truth.add(truth_index)
    return pairs


def _shown_work_value(entry: dict[str, Any], field: str, key: str, where: str) -> str:
    # `where` says which entry the value belongs to, so a report can pair the two sides up.
    shown = collapse_whitespace(_text(entry.get(key))) or work_field_value(entry, field)
    return f"{shown}  [{where}]"


def _truth_label(index: int, entry: dict[str, Any]) -> str:
    company = collapse_whitespace(_text(entry.get("name") or entry.get("position")))
    return f"truth job {index + 1}: {company}" if company else f"truth job {index + 1}"


def _predicted_label(index: int, truth_index: int | None) -> str:
    if truth_index is None:
        return f"job {index + 1}, aligned with no truth job"
    return f"job {index + 1}, aligned with truth job {truth_index + 1}"


def score_work(predicted: dict[str, Any], truth: dict[str, Any]) -> dict[str, FieldScore]:
    predicted_entries, truth_entries = _entries(predicted, "work"), _entries(truth, "work")
    partner = dict(align_entries(predicted_entries, truth_entries))
    scores = {}
    for field, key in WORK_FIELDS:
        true_positives, spurious, missed = 0, [], []
        for predicted_index, entry in enumerate(predicted_entries):
            value = work_field_value(entry, field)
            truth_index = partner.get(predicted_index)
            if truth_index is not None and value and value == work_field_value(truth_entries[truth_index], field):
                true_positives += 1
            elif value:
                spurious.append(_shown_work_value(entry, field, key, _predicted_label(predicted_index, truth_index)))
        matched_truth = {
            truth_index
            for predicted_index, truth_index in partner.items()
            if work_field_value(predicted_entries[predicted_index], field)
            == work_field_value(truth_entries[truth_index], field)
        }
        for truth_index, entry in enumerate(truth_entries):
            if work_field_value(entry, field) and truth_index not in matched_truth:
                missed.append(_shown_work_value(entry, field, key, _truth_label(truth_index, entry)))
        counts = Counts(true_positives, true_positives + len(spurious), true_positives + len(missed))
        scores[field] = FieldScore(counts, tuple(spurious), tuple(missed))
    return scores


def score_document(predicted: dict[str, Any], truth: dict[str, Any]) -> dict[str, FieldScore]:
    """Per-field scores of one predicted JSON Resume dict against its truth, in FIELDS order."""
    scores = {
        "name": match_multisets(
            _basics_values(predicted, "name", normalize_text), _basics_values(truth, "name", normalize_text)
        ),
        "email": match_multisets(
            _basics_values(predicted, "email", normalize_text), _basics_values(truth, "email", normalize_text)
        ),
        "phone": match_multisets(
            _basics_values(predicted, "phone", phone_digits), _basics_values(truth, "phone", phone_digits)
        ),
        **score_work(predicted, truth),
        "bullets": match_multisets(bullet_values(predicted), bullet_values(truth)),
        "institution": match_multisets(institution_values(predicted), institution_values(truth)),
        "skills": match_multisets(skill_values(predicted), skill_values(truth)),
    }
    return {field: scores[field] for field in FIELDS}


def document_counts(predicted: dict[str, Any], truth: dict[str, Any]) -> dict[str, Counts]:
    return {field: score.counts for field, score in score_document(predicted, truth).items()}


def overall(counts_by_field: dict[str, Counts]) -> Counts:
    return sum(counts_by_field.values(), Counts())


def add_counts(total: dict[str, Counts], more: dict[str, Counts]) -> dict[str, Counts]:
    return {field: total.get(field, Counts()) + more.get(field, Counts()) for field in FIELDS}


# --- self-check ----------------------------------------------------------------------------


def _rule_problems() -> list[str]:
    """The comparison rules on one hand-made case: format differences that must not count."""
    truth = {
        "basics": {"name": "Ana Núñez", "phone": "(555) 123-4567"},
        "work": [
            {"name": "Acme", "position": "Engineer", "startDate": "2020-01", "highlights": ["Built  it"]},
            {"name": "Beta Corp", "position": "Intern", "startDate": "2019-06", "endDate": "2019-08"},
        ],
    }
    # Jobs in the other order, other case and spacing, an explicit "Present", another phone format.
    predicted = {
        "basics": {"name": "ANA NÚÑEZ ", "phone": "555.123.4567"},
        "work": [
            {"name": "beta corp.", "position": "Intern", "startDate": "2019-06", "endDate": "2019-08"},
            {
                "name": "Acme",
                "position": "Engineer",
                "startDate": "2020-01",
                "endDate": "Present",
                "highlights": ["Built it"],
            },
        ],
    }
    return [
        f"hand-made case: {field} scores {counts}"
        for field, counts in document_counts(predicted, truth).items()
        if counts.f1 != 1.0
    ]


def self_check(truths: dict[str, dict[str, Any]]) -> list[str]:
    """Problems found scoring each truth against itself and against nothing ([] = all good)."""
    problems = _rule_problems()
    for stem, truth in truths.items():
        for field, counts in document_counts(truth, truth).items():
            if (counts.precision, counts.recall, counts.f1) != (1.0, 1.0, 1.0):
                problems.append(f"{stem}: {field} scores {counts} against itself")
        for field, counts in document_counts({}, truth).items():
            if counts.true_positives or counts.predicted:
                problems.append(f"{stem}: {field} finds {counts} in an empty prediction")
    return problems


def _main() -> int:
    import json
    from pathlib import Path

    truth_dir = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "truth"
    truths = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(truth_dir.glob("*.json"))}
    problems = self_check(truths)
    for problem in problems:
        print(problem)
    print(f"scoring self-check on {len(truths)} truth files: {'FAILED' if problems else 'ok'}")
    return 1 if problems or not truths else 0


if __name__ == "__main__":
    raise SystemExit(_main())
