"""ATS and writing checks, per bullet and per resume, each with the fix to make."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from resume_app.core.model import Resume

MAX_BULLET_WORDS = 35

WEAK_OPENERS = (
    "responsible for",
    "helped with",
    "helped to",
    "worked on",
    "assisted with",
    "assisted in",
    "duties included",
    "tasked with",
    "involved in",
    "participated in",
    "in charge of",
)
BUZZWORDS = (
    "synergy",
    "synergies",
    "go-getter",
    "team player",
    "hard worker",
    "hard-working",
    "detail-oriented",
    "results-driven",
    "self-starter",
    "think outside the box",
    "best of breed",
    "dynamic",
    "motivated",
    "passionate",
    "rockstar",
    "ninja",
    "guru",
    "leverage",
    "value add",
)
_FIRST_PERSON = re.compile(r"\b(i|me|my|mine|we|our|us)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(was|were|been|being|is|are)\s+(\w+ed|built|made|done|given|led|run|taken|written)\b", re.I)
_METRIC = re.compile(r"\d|%|\$|€|£")
_NOT_VERBS = frozenset({"the", "a", "an", "my", "our", "i", "we", "team", "project", "responsible", "duties"})
# Common action verbs in their base and -s forms (past tense is recognised by "-ed" and below).
_ACTION_VERBS = frozenset(
    """achieve administer analyze analyse architect automate build coach collaborate conduct coordinate
    create cut decrease define deliver deploy design develop direct drive eliminate enable establish
    evaluate execute expand facilitate generate grow guide identify implement improve increase initiate
    introduce launch lead maintain make manage mentor migrate negotiate optimize organize oversee own partner
    plan prepare process produce reduce redesign refactor reconcile resolve restructure review run save
    scale sell ship simplify spearhead streamline supervise support teach test train transform troubleshoot
    win hold keep write""".split()
)
_IRREGULAR_PAST = frozenset(
    """built led ran grew cut drove made won wrote taught sold set kept held shipped began brought chose
    found""".split()
)


@dataclass(frozen=True)
class Check:
    code: str
    message: str
    fix: str
    bullet_id: str = ""
    severity: str = "warning"  # "error" for what an ATS may drop, "warning" for writing


def starts_with_action_verb(text: str) -> bool:
    first = re.sub(r"[^a-z-]", "", text.split()[0].lower()) if text.split() else ""
    if not first or first in _NOT_VERBS:
        return False
    base = first[:-1] if first.endswith("s") and first[:-1] in _ACTION_VERBS else first
    return base in _ACTION_VERBS or first in _IRREGULAR_PAST or (first.endswith("ed") and len(first) > 4)


def writing_quality(text: str) -> float:
    """0-1: what the ranker adds for good writing, judged as the checks judge it: an
    action verb first (0.4), a figure (0.4), a readable length (0.2)."""
    words = text.split()
    lowered = text.lower().strip()
    verb = not any(lowered.startswith(phrase) for phrase in WEAK_OPENERS) and starts_with_action_verb(text)
    return 0.4 * verb + 0.4 * bool(_METRIC.search(text)) + 0.2 * (5 <= len(words) <= MAX_BULLET_WORDS)


def bullet_checks(bullet_id: str, text: str) -> list[Check]:
    checks = []
    lowered = text.lower().strip()
    words = text.split()
    opener = next((phrase for phrase in WEAK_OPENERS if lowered.startswith(phrase)), None)
    if opener:
        checks.append(
            Check("weak-opener", f'Starts with "{opener}".', "Start with what you did: built, cut, led...", bullet_id)
        )
    elif words and not starts_with_action_verb(text):
        checks.append(
            Check("action-verb", "Does not start with an action verb.", "Begin with a verb: led, built...", bullet_id)
        )
    if not _METRIC.search(text):
        checks.append(Check("metric", "Has no number.", "Add a figure: how many, how much, how fast.", bullet_id))
    if _FIRST_PERSON.search(text):
        checks.append(
            Check("pronoun", "Uses I/we/my.", "Drop the pronoun; resumes are written without one.", bullet_id)
        )
    if _PASSIVE.search(text):
        checks.append(Check("passive", "Uses the passive voice.", "Say who did it: you.", bullet_id))
    if len(words) > MAX_BULLET_WORDS:
        checks.append(
            Check("length", f"Is {len(words)} words long.", f"Cut to {MAX_BULLET_WORDS} words or split it.", bullet_id)
        )
    buzz = [word for word in BUZZWORDS if re.search(rf"\b{re.escape(word)}\b", lowered)]
    if buzz:
        checks.append(Check("buzzword", f"Uses {', '.join(buzz)}.", "Replace with a concrete result.", bullet_id))
    return checks


def resume_checks(resume: Resume, visible_only: bool = True) -> list[Check]:
    """Checks of the whole resume, then of every (visible) bullet."""
    checks: list[Check] = []
    contact = resume.contact
    if not contact.name.strip():
        checks.append(Check("name", "The resume has no name.", "Put your name first.", severity="error"))
    if not contact.email.strip():
        checks.append(Check("email", "No email address.", "Add an email address under your name.", severity="error"))
    if not contact.phone.strip():
        checks.append(Check("phone", "No phone number.", "Add a phone number under your name."))
    kinds = {section.kind for section in resume.sections if section.entries or section.skills}
    for kind, heading in (("work", "Experience"), ("education", "Education"), ("skills", "Skills")):
        if kind not in kinds:
            checks.append(Check("section", f"No {heading} section.", f"Add an {heading} section: ATS look for it."))
    # The length is not estimated from words here: the pages are measured on the export
    # (the editor's notice past two pages, the tailoring page's length and page budget).
    for entry, shown in resume.shown_entries(visible_only):
        for bullet in shown:
            checks += bullet_checks(bullet.id, bullet.text)
        openers = Counter(bullet.text.split()[0].lower() for bullet in shown if bullet.text.split())
        job = entry.title or "one job"
        checks += [
            Check(
                "repeated-verb",
                f'"{verb.capitalize()}" opens {count} bullets of {job}.',
                "Vary the verbs.",
            )
            for verb, count in openers.items()
            if count > 2
        ]
    return checks
