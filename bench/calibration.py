"""Does the importer's amber mean something? Each field it filled, judged right or wrong
against the truth, beside whether the editor would show it as unsure.

A field is one value the editor shows: contact name, email, phone; per work entry its
position, company, start and end; per education entry its institution; every bullet. It is
right when it equals the truth's value for the same entry (entries aligned as bench/scoring.py
aligns them), compared with the same normalisation as the F1 scores. It is unsure when its
confidence (core.model.confidence_key) is below core.model.LOW_CONFIDENCE.

Targets (issue 10): at least 97 % of the confident fields right; an unsure field should more
often be wrong than a confident one, and a file that parses right should show few amber fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench import scoring
from resume_app.core.json_resume import to_json_resume
from resume_app.core.model import LOW_CONFIDENCE, Resume, confidence_key

# (scoring field, JSON key of the entry, the key its confidence is stored under)
_WORK_FIELDS = (("position", "position"), ("company", "name"), ("start", "startDate"), ("end", "endDate"))


@dataclass
class Calibration:
    confident: int = 0
    confident_right: int = 0
    unsure: int = 0
    unsure_wrong: int = 0

    def add(self, unsure: bool, right: bool) -> None:
        if unsure:
            self.unsure += 1
            self.unsure_wrong += not right
        else:
            self.confident += 1
            self.confident_right += right

    def __add__(self, other: Calibration) -> Calibration:
        return Calibration(
            self.confident + other.confident,
            self.confident_right + other.confident_right,
            self.unsure + other.unsure,
            self.unsure_wrong + other.unsure_wrong,
        )

    @property
    def confident_precision(self) -> float:
        return self.confident_right / self.confident if self.confident else 1.0

    @property
    def unsure_wrong_share(self) -> float:
        return self.unsure_wrong / self.unsure if self.unsure else 0.0


def _unsure(resume: Resume, item_id: str, key: str) -> bool:
    return resume.confidence.get(confidence_key(item_id, key), 1.0) < LOW_CONFIDENCE


def calibrate(resume: Resume, truth: dict[str, Any]) -> Calibration:
    """Judge every field `resume` filled against `truth`."""
    result = Calibration()
    predicted = to_json_resume(resume)
    basics, truth_basics = predicted.get("basics", {}), truth.get("basics", {})
    for key, normalize in (
        ("name", scoring.normalize_text),
        ("email", scoring.normalize_text),
        ("phone", scoring.phone_digits),
    ):
        value = normalize(str(basics.get(key) or ""))
        if value:
            result.add(_unsure(resume, "contact", key), value == normalize(str(truth_basics.get(key) or "")))

    work = resume.section("work")
    predicted_work, truth_work = predicted.get("work", []), truth.get("work", [])
    partner = dict(scoring.align_entries(predicted_work, truth_work))
    # A bullet is right wherever the truth has it: education and certificates have highlights too.
    truth_bullets = {
        scoring.collapse_whitespace(str(text))
        for entries in truth.values()
        if isinstance(entries, list)
        for entry in entries
        if isinstance(entry, dict)
        for text in entry.get("highlights") or []
    }
    # to_json_resume writes the visible entries in order; a fresh import hides nothing.
    for index, (entry, shown) in enumerate(zip(work.entries if work else [], predicted_work, strict=False)):
        truth_entry = truth_work[partner[index]] if index in partner else {}
        for field, key in _WORK_FIELDS:
            value = scoring.work_field_value(shown, field)
            if value:
                right = value == scoring.work_field_value(truth_entry, field)
                result.add(_unsure(resume, entry.id, key), right)
    for entry in resume.entries():
        for bullet in entry.bullets:
            text = scoring.collapse_whitespace(bullet.text)
            result.add(_unsure(resume, bullet.id, "text"), text in truth_bullets)
    education = resume.section("education")
    truth_institutions = {value for value, _ in scoring.institution_values(truth)}
    for entry in education.entries if education else []:
        value = scoring.normalize_text(entry.organization)
        if value:
            result.add(_unsure(resume, entry.id, "institution"), value in truth_institutions)
    return result


def amber_count(resume: Resume) -> int:
    """How many fields the editor frames in amber."""
    return sum(1 for value in resume.confidence.values() if value < LOW_CONFIDENCE)
