"""ATS and writing checks, per bullet and per resume, each with the fix to make."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from resume_app.core.model import Resume
from resume_app.matching.suggestions.verbs import BANK, form_of

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
# A bullet that speaks to the reader is a template's instruction left in ("Showcase your
# project here", "Describe what you did"): resumes are written about the person, not to them.
_TO_THE_READER = re.compile(r"\byou(r|rs|rself)?\b", re.IGNORECASE)
_METRIC = re.compile(r"\d|%|\$|€|£")
_NOT_VERBS = frozenset({"the", "a", "an", "my", "our", "i", "we", "team", "project", "responsible", "duties"})
# Action verbs by lemma. A bullet may open with one in any tense a resume uses: "Manage",
# "Manages", "Managed" (forms read by lemminflect through suggestions.verbs.form_of). The
# list serves achievement bullets of any field: the common verbs of software and project
# work first, then the everyday verbs of finance and office work (compute, file, schedule),
# support and care (assist, answer, monitor, install), sales (meet, exceed) and teaching
# and research (demonstrate, invent, publish); with the writing suggestions' verb bank.
# Words that are more often nouns than verbs at the start of a bullet ("Research integrated
# into...", "Head of...") are left out, the bank's too: their past forms still count, as
# every verb's past does.
_NOUN_FIRST = frozenset({"research", "head", "author", "document", "data", "model", "budget"})
_COMMON_VERBS = frozenset(
    """achieve administer analyze analyse architect automate build coach collaborate conduct coordinate
    create cut decrease define deliver deploy design develop direct drive eliminate enable establish
    evaluate execute expand facilitate generate grow guide identify implement improve increase initiate
    introduce launch lead maintain make manage mentor migrate negotiate optimize organize oversee own partner
    plan prepare process produce reduce redesign refactor reconcile resolve restructure review run save
    scale sell ship simplify spearhead streamline supervise support teach test train transform troubleshoot
    win hold keep write
    compute calculate audit file schedule track reconcile forecast allocate verify ensure update compile
    assist answer respond serve install configure repair monitor diagnose treat greet welcome
    meet exceed attain surpass secure close acquire recruit hire onboard
    demonstrate present publish speak invent discover investigate measure survey explore
    use utilize apply adopt translate draft edit proofread communicate advise consult instruct tutor""".split()
)
_ACTION_VERBS = (_COMMON_VERBS | {verb for group in BANK for verb in group.verbs}) - _NOUN_FIRST
_NOT_VERBS = frozenset({"the", "a", "an", "my", "our", "i", "we", "team", "project", "responsible", "duties"})
_IRREGULAR_PAST = frozenset(
    """built led ran grew cut drove made won wrote taught sold set kept held shipped began brought chose
    found""".split()
)
_WORD = re.compile(r"[a-z][a-z-]*")


def _is_action_verb(word: str) -> bool:
    """A word an achievement may open with: an action verb in the base, -s or past form, or
    any verb in the past tense ("Met", "Troubleshot", "Co-authored")."""
    if not word or word in _NOT_VERBS:
        return False
    found = form_of(word)
    if found:
        lemma, form = found
        if form == "past" or (lemma in _ACTION_VERBS and form in ("present", "third", "both")):
            return True
    # Past forms lemminflect does not know: "-ed" words and a few irregular ones.
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


@dataclass(frozen=True)
class Check:
    code: str
    message: str
    fix: str
    bullet_id: str = ""
    severity: str = "warning"  # "error" for what an ATS may drop, "warning" for writing


def starts_with_action_verb(text: str) -> bool:
    """Whether the bullet opens with an action verb, or with an adverb and then one
    ("Continuously improved...")."""
    words = [_WORD.match(word.lower()) for word in text.split()[:2]]
    words = [match.group() if match else "" for match in words]
    if not words:
        return False
    if _is_action_verb(words[0]):
        return True
    return len(words) == 2 and words[0].endswith("ly") and len(words[0]) > 4 and _is_action_verb(words[1])


def is_template_text(text: str) -> bool:
    return bool(_TO_THE_READER.search(text))


def writing_quality(text: str) -> float:
    """0-1: what the ranker adds for good writing, judged as the checks judge it: an
    action verb first (0.4), a figure (0.4), a readable length (0.2)."""
    words = text.split()
    lowered = text.lower().strip()
    verb = not any(lowered.startswith(phrase) for phrase in WEAK_OPENERS) and starts_with_action_verb(text)
    return 0.4 * verb + 0.4 * bool(_METRIC.search(text)) + 0.2 * (5 <= len(words) <= MAX_BULLET_WORDS)


def bullet_checks(bullet_id: str, text: str) -> list[Check]:
    lowered = text.lower().strip()
    words = text.split()
    if is_template_text(text):
        # The other checks would only ask to polish text that should not be there.
        return [
            Check(
                "template",
                'Reads like a template\'s instruction (it speaks to "you").',
                "Replace it with what you did, or delete it.",
                bullet_id,
            )
        ]
    checks = []
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
