"""The verb bank, verb forms, and the openers and verbs the rules replace.

The bank serves achievement bullets of any field (software, finance, office, care,
sales, teaching): verbs grouped by what they claim, so a replacement never claims more
than the bullet said (a "handled" bullet gets verbs that organise or support, not ones
that lead or grow). Every verb's past form starts an action-verb bullet as ats.py reads
it (tests/test_writing_suggestions.py checks this).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllLemmas, getInflection


@dataclass(frozen=True)
class VerbGroup:
    claim: str
    # What the verbs claim, in words the embedding model compares a bullet with.
    gloss: str
    # Words that point to this claim when no model is at hand (the lexical picker).
    cues: tuple[str, ...]
    verbs: tuple[str, ...]  # lemmas, inflected as the bullet's tense asks


BANK: tuple[VerbGroup, ...] = (
    VerbGroup(
        "built",
        "created new software, systems, tools, products, processes or content",
        (
            "system",
            "tool",
            "app",
            "application",
            "api",
            "service",
            "software",
            "feature",
            "website",
            "pipeline",
            "platform",
            "product",
            "prototype",
            "dashboard",
            "module",
            "code",
            "framework",
            "database",
            "content",
        ),
        ("develop", "build", "design", "engineer", "implement", "create", "launch"),
    ),
    VerbGroup(
        "improved",
        "made something better, faster, more reliable or easier to use",
        (
            "performance",
            "quality",
            "speed",
            "reliability",
            "process",
            "workflow",
            "experience",
            "efficiency",
            "ranking",
            "indexing",
            "improvement",
            "improvements",
            "accuracy",
            "usability",
        ),
        ("improve", "optimize", "streamline", "modernize", "refine", "upgrade", "enhance"),
    ),
    VerbGroup(
        "led",
        "led people, a team, a project or an initiative and was accountable for it",
        (
            "team",
            "staff",
            "project",
            "initiative",
            "program",
            "programme",
            "department",
            "reports",
            "effort",
            "engineers",
            "people",
            "volunteers",
            "crew",
        ),
        ("lead", "manage", "direct", "supervise", "coordinate", "head", "orchestrate"),
    ),
    VerbGroup(
        "saved",
        "cut cost, time, waste or errors",
        ("cost", "costs", "spend", "waste", "errors", "time", "downtime", "overhead", "manual", "expenses"),
        ("reduce", "cut", "eliminate", "save", "consolidate", "automate"),
    ),
    VerbGroup(
        "grew",
        "increased revenue, sales, users, reach or output",
        (
            "revenue",
            "sales",
            "users",
            "growth",
            "engagement",
            "traffic",
            "membership",
            "market",
            "subscribers",
            "adoption",
            "signups",
            "retention",
        ),
        ("increase", "grow", "expand", "scale", "accelerate", "boost"),
    ),
    VerbGroup(
        "analysed",
        "studied data, research or problems to find answers",
        (
            "data",
            "analysis",
            "research",
            "report",
            "reports",
            "trends",
            "metrics",
            "study",
            "audit",
            "audits",
            "risk",
            "model",
            "models",
            "experiments",
            "statistics",
        ),
        ("analyze", "evaluate", "assess", "investigate", "research", "conduct", "measure", "audit"),
    ),
    VerbGroup(
        "supported",
        "served, helped or answered customers, clients, patients or colleagues",
        (
            "customer",
            "customers",
            "client",
            "clients",
            "patients",
            "users",
            "requests",
            "tickets",
            "issues",
            "questions",
            "calls",
            "inquiries",
            "employees",
            "guests",
        ),
        ("support", "resolve", "assist", "serve", "advise", "answer"),
    ),
    VerbGroup(
        "taught",
        "trained, mentored or taught others",
        (
            "training",
            "new",
            "hires",
            "students",
            "juniors",
            "interns",
            "mentees",
            "course",
            "courses",
            "workshop",
            "onboarding",
            "class",
            "classes",
        ),
        ("train", "mentor", "coach", "teach", "guide", "onboard"),
    ),
    VerbGroup(
        "communicated",
        "presented, wrote, documented or negotiated",
        (
            "presentation",
            "documentation",
            "proposal",
            "contract",
            "contracts",
            "paper",
            "report",
            "terms",
            "findings",
            "guide",
            "manual",
            "stakeholders",
        ),
        ("present", "document", "write", "author", "negotiate", "publish"),
    ),
    VerbGroup(
        "organised",
        "planned, ran and kept in order operations, schedules, records, events or budgets",
        (
            "schedule",
            "schedules",
            "operations",
            "records",
            "events",
            "budget",
            "inventory",
            "logistics",
            "payroll",
            "files",
            "accounts",
            "office",
            "meetings",
            "travel",
            "orders",
            "invoices",
        ),
        ("organize", "plan", "administer", "schedule", "process", "maintain", "execute"),
    ),
)

_PEOPLE = """staff team teams employees students clients customers engineers members hires nurses volunteers interns
juniors managers executives patients users people colleagues developers analysts children athletes residents
trainees technicians agents associates reports apprentices parents families guests"""
# Verbs that fit only some objects, with the words (any field) one of which the rest of the
# bullet must name: "Answered the onboarding" or "Served payroll" are never offered. Verbs
# not listed fit any object (manage, develop, improve, plan...).
OBJECTS: dict[str, frozenset[str]] = {
    verb: frozenset(words.split())
    for verb, words in {
        "answer": "calls phones questions inquiries emails requests tickets messages",
        "resolve": "issues complaints problems tickets disputes incidents conflicts bugs escalations requests errors",
        "serve": "customers clients guests patients residents users members tables community communities",
        "advise": _PEOPLE,
        "assist": _PEOPLE,
        "coach": _PEOPLE,
        "mentor": _PEOPLE,
        "train": _PEOPLE + " models",
        "teach": _PEOPLE + " classes courses lessons",
        "guide": _PEOPLE,
        "onboard": _PEOPLE,
        "supervise": _PEOPLE + " operations work",
        "head": "team department unit project initiative committee effort program office group",
        "orchestrate": "migration migrations launch launches events campaigns rollout projects efforts release",
        "audit": "accounts records books processes payroll expenses invoices compliance controls statements systems",
        "measure": "performance results metrics impact quality time traffic outcomes satisfaction",
        "conduct": "analysis research studies audits interviews surveys experiments tests assessments reviews "
        "training inspections investigations meetings",
        "schedule": "meetings appointments shifts events interviews deliveries travel staff calls visits",
        "process": "orders payments invoices claims applications payroll returns transactions data requests refunds",
        "maintain": "records systems databases accounts equipment servers files inventory website relationships code "
        "documentation infrastructure ledger payroll books",
        "administer": "programs budgets benefits payroll systems tests medications accounts contracts grants",
        "publish": "papers articles reports research findings posts",
        "present": "findings results reports papers proposals research talks",
        "negotiate": "contracts terms deals prices rates agreements leases",
        "document": "processes procedures requirements systems code decisions workflows",
        "author": "papers reports articles proposals guides documentation books",
        "launch": "products features campaigns programs services sites apps app website initiatives platform store",
        "implement": "systems processes policies features solutions programs controls tools procedures changes",
        "engineer": "systems solutions pipelines software platform features infrastructure",
        "consolidate": "vendors systems accounts reports data tools offices contracts",
        "eliminate": "errors waste costs steps delays backlog duplication",
        "save": "money time costs hours dollars",
        "cut": "costs time spend waste errors delays turnaround",
        "reduce": "costs time errors churn waste latency spend turnover downtime delays defects risk expenses backlog",
        "increase": "revenue sales users traffic engagement membership retention conversion donations enrollment "
        "followers subscribers share attendance profit throughput output",
        "grow": "revenue sales users traffic engagement membership business team accounts audience",
        "boost": "revenue sales users traffic engagement retention conversion morale attendance",
        "accelerate": "delivery growth release releases onboarding hiring development",
        "scale": "systems infrastructure team operations platform services business program",
        "execute": "plans plan strategy campaigns projects programs trades contracts migration rollout",
    }.items()
}

VERB_GROUP: dict[str, VerbGroup] = {}
for _group in BANK:
    for _verb in _group.verbs:
        VERB_GROUP.setdefault(_verb, _group)

# Weak openers of any bullet and what replaces them. "gerund": the opener is dropped and the
# gerund after it becomes the verb ("Responsible for managing" -> "Managed"); "groups": with a
# noun after it, the verbs of these claims are offered (picked by meaning); a fixed phrase
# otherwise. None: drop the opener only before a verb.
WEAK_OPENERS: dict[str, tuple[str, ...] | str] = {
    "responsible for": ("led", "organised", "supported"),
    "was responsible for": ("led", "organised", "supported"),
    "were responsible for": ("led", "organised", "supported"),
    "in charge of": ("led", "organised"),
    "duties included": ("organised", "supported", "led"),
    "tasked with": ("organised", "built", "supported"),
    "worked on": ("built", "improved", "analysed"),
    "helped with": "support",
    "assisted with": "support",
    "assisted in": "support",
    "helped to": "",
    "involved in": "contribute to",
    "participated in": "contribute to",
}
# Generic verbs that say little of what was done: the claims whose verbs may replace them
# ("worked" is generic only as "worked on", a weak opener, and "worked with", below).
GENERIC_VERBS: dict[str, tuple[str, ...]] = {
    "handle": ("organised", "supported", "led"),
    "do": ("built", "analysed", "organised"),
    "help": ("supported",),
}
# "Worked with X", "was part of X": fixed replacements that keep the preposition's object.
GENERIC_PHRASES: dict[str, tuple[str, ...]] = {
    "worked with": ("collaborated with", "partnered with", "coordinated with"),
    "works with": ("collaborates with", "partners with", "coordinates with"),
    "work with": ("collaborate with", "partner with", "coordinate with"),
    "was part of": ("contributed to",),
    "were part of": ("contributed to",),
}

# Compounds of irregular verbs that the inflection tables get wrong.
_IRREGULAR = {"troubleshoot": "troubleshot", "rebuild": "rebuilt", "oversee": "oversaw", "co-lead": "co-led"}
_IRREGULAR_LEMMA = {past: lemma for lemma, past in _IRREGULAR.items()}


@cache
def lemma_of(word: str) -> str | None:
    """The verb lemma of `word` (any case), or None when it cannot be a verb."""
    lowered = word.lower()
    if lowered in _IRREGULAR_LEMMA:
        return _IRREGULAR_LEMMA[lowered]
    lemmas = getAllLemmas(lowered).get("VERB")
    return lemmas[0].lower() if lemmas else None


@cache
def inflect(lemma: str, tense: str) -> str:
    """`lemma` (one word, or a verb with its preposition) in the resume's tense: "past"
    (Managed) or "present" (Manage, the form a current role's bullets take)."""
    head, _, rest = lemma.partition(" ")
    form = _IRREGULAR.get(head) or (getInflection(head, "VBD") or (head,))[0] if tense == "past" else head
    return f"{form} {rest}".rstrip()


def form_of(word: str) -> tuple[str, str] | None:
    """(lemma, form) of a word that reads as a verb: form "past", "present" (base),
    "third" (-s), "gerund" (-ing) or "both" (set, cut: past and base alike)."""
    lowered = word.lower()
    lemma = lemma_of(lowered)
    if not lemma:
        return None
    past = inflect(lemma, "past")
    if lowered == past == lemma:
        return lemma, "both"
    if lowered == past:
        return lemma, "past"
    if lowered == lemma:
        return lemma, "present"
    if lowered == (getInflection(lemma, "VBZ") or ("",))[0]:
        return lemma, "third"
    if lowered == (getInflection(lemma, "VBG") or ("",))[0]:
        return lemma, "gerund"
    if lowered.endswith("ed"):  # past forms the tables spell otherwise (co-authored)
        return lemma, "past"
    return None


def capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


def match_case(new: str, old: str) -> str:
    return capitalized(new) if old[:1].isupper() else new


_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def opening_lemma(text: str) -> str | None:
    """The verb lemma of a bullet's first word, if it reads as a verb."""
    match = _FIRST_WORD.match(text.strip())
    if not match:
        return None
    found = form_of(match.group())
    return found[0] if found else None
