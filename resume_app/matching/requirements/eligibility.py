"""Step 5a': eligibility and logistics, which are never requirements.

A posting states conditions of employment a resume cannot show evidence of: work
authorisation and sponsorship, citizenship and clearance, where the work is done (on-site,
remote, residence), travel, hours (shifts, evenings, weekends, on-call, time zones),
vaccination and health checks, background, drug and driving-record checks, physical
demands, age. They sit in requirement lists as often as in their own section ("Travel as
required up to 25%"), so every chunk is asked, wherever it sits. Each family is a group of
postings it serves (its key in `provenance`), not one file."""

from __future__ import annotations

import functools
import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.words import word_start_re

# family key -> the words that show it
_FAMILIES: dict[str, str] = {
    # US postings ask about visas; EU/UK ones about the right to work
    "eligibility:work-authorization": (
        r"authori[sz]ed to work|work(?:ing)? authori[sz]ation|employment authori[sz]ation|sponsorship|"
        r"\bsponsor (?:a |an |any )?(?:visas?|candidates|employment|applicants)|"
        r"\b(?:work|employment|h-?1b|student) visas?\b|\bvisa (?:sponsorship|status|support|holders?)\b|\bh-?1b\b|"
        r"right to work|(?:legally|eligible|able) (?:eligible |able )?to work in|"
        r"\bgreen card\b|permanent residen|work permit"
    ),
    # government and contractor postings
    "eligibility:citizenship-clearance": (
        r"\bcitizen(?:s|ship)?\b(?! develop)|security clearance|"
        r"(?:secret|ts/sci|top secret|active|government) clearance|"
        r"(?:obtain|maintain|hold) (?:and maintain )?(?:a |an )?(?:active )?clearance|public trust|polygraph|"
        r"\bu\.?s\.? persons?\b|\bitar\b"
    ),
    # on-site, hybrid, remote and residence constraints
    "eligibility:location": (
        r"(?:be|work|report|reporting|days?|required|week) on-?site\b|on-?site (?:position|role|job|work|presence)|"
        r"\d+% on-?site|\bin[- ]office (?:position|role|days?|presence)|(?:come|comes|coming) into the office|"
        r"(?:work|report) (?:in|from|to) (?:the|our) office|days? (?:a|per) week in|"
        r"\bhybrid (?:work|schedule|role|position|model|arrangement)|\bremote (?:position|role|job|work|"
        r"opportunity|candidates?|only|first|friendly|option)|fully remote|not a remote|100% remote|"
        r"(?:work|working|performed|done) remotely|"
        r"\brelocat|\breside\b|\bresidence\b|\bresident of\b|commut(?:e|ing) (?:distance|to)|live within|"
        r"located (?:in|within)|(?:conducted|performed|done|based) (?:with)?in the (?:u\.?s\.?|united states|us)\b|"
        r"within the (?:u\.?s\.?|united states)\b"
    ),
    # field service, consulting, sales postings
    "eligibility:travel": (
        r"(?:willing(?:ness)? to|ability to|able to|must|required to|requires?|some|occasional|frequent|"
        r"extensive|overnight|domestic|international|local|regional|\d+ ?%) (?:\w+ ){0,2}travel|"
        r"\btravel(?:ing|ling)? (?:up to|\d|as (?:needed|required)|is (?:required|expected)|required|may be|will be|"
        r"requirements?)|^travel\b"
    ),
    # retail, healthcare, support and global teams
    "eligibility:hours": (
        r"\bevenings?\b|\bweekends?\b|\bsaturdays?\b|\bsundays?\b|\bon[- ]?call\b|\boff-?hours\b|after[- ]hours|"
        r"(?:work|working) overtime|overtime (?:as|is|may|will|when)|"
        r"(?:work|working|available|availability|overlap|flexib\w*)\b[^.]{0,40}time[- ]?zones?|"
        r"\b24/7\b|\bholidays? as needed|work (?:on )?holidays|"
        r"\b(?:night|day|evening|rotating|overnight|weekend|swing|graveyard|split|\d{1,2}[- ]hour) shifts?\b|"
        r"\bshift work\b|\bwork (?:any|all|various|different|flexible) shifts|\bpart[- ]time position|"
        r"flexible work hours|available to work"
    ),
    # healthcare and on-site postings
    "eligibility:health": (
        r"vaccinat|\bvaccine|\bcovid|\bimmuni[sz]ation|\bflu shot|\btb (?:status|test|screen|skin)|tuberculosis|"
        r"health (?:questionnaire|screening|assessment|exam)|(?:physical|medical) exam|"
        r"(?:pass|passing|undergo|subject to|complete|pre-employment) (?:a |an )?(?:pre-employment )?"
        r"drug (?:test|screen)|"
        r"drug[- ]free|\bwear masks?\b"
    ),
    # roles with access to people, money, vehicles or sites
    "eligibility:background": (
        r"background (?:check|screen|investigation)|criminal (?:background|history|record)|driving record|"
        r"\bdmv\b|motor vehicle record|driver'?s licen[cs]e|reliable transportation|\bown vehicle\b|insurable|"
        r"\bfingerprint"
    ),
    # warehouse, office and field postings: the physical demands paragraph
    "eligibility:physical": (
        r"physical demands|physically able|required to (?:sit|stand|walk|talk|lift|hear|climb|reach|stoop|kneel|"
        r"use his or her hands)|\b(?:lift|carry|push|pull)(?:ing)?\b[^.;]{0,50}?\b\d+ ?(?:lbs?|pounds|kg)\b|"
        r"close vision|"
        r"\bstoop\b|\bkneel\b|\bcrouch\b|\bcrawl\b|prolonged (?:periods of )?(?:sitting|standing)"
    ),
    "eligibility:age": r"\b(?:at least|be|over) (?:18|21) years (?:of age|old)\b|\bminimum age\b",
}


@functools.lru_cache(maxsize=64)
def _pattern(state: tuple[frozenset[str], bool]) -> re.Pattern[str] | None:
    del state  # the key only: which entries are on
    alternatives = [f"(?:{words})" for key, words in _FAMILIES.items() if provenance.on(key)]
    return word_start_re("|".join(alternatives), re.IGNORECASE) if alternatives else None


def is_eligibility(text: str) -> bool:
    """Whether a chunk states a condition of employment rather than a requirement."""
    pattern = _pattern(provenance.state())
    return pattern is not None and pattern.search(text) is not None
