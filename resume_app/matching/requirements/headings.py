"""Headings: where one starts and ends in a line or a run-on text, and which kind of
section it opens.

A heading opens a required, preferred or responsibility section, a boilerplate one (about
us, benefits, EEO, how to apply, pay, job metadata) or none of these (`None`: a summary, an
unknown label). Segmenting, run-on cutting and sectioning all ask this module."""

from __future__ import annotations

import functools
import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.model import PREFERRED, REQUIRED, RESPONSIBILITY
from resume_app.matching.requirements.words import (
    GLYPH_BULLET_RE,
    HEADING_KEYS,
    HEADING_WORDS,
    LEADIN_END,
    STRIP,
    URL_RE,
    opener,
    title_case,
)

# Section kinds besides the requirement kinds: text to drop, and a section that says nothing.
BOILERPLATE = "boilerplate"
NEUTRAL = "neutral"

_HEADING_WORD_RE = "|".join(sorted(HEADING_WORDS - {"and"}, key=len, reverse=True))
_HEADING_RE = re.compile(
    rf"(?:{_HEADING_WORD_RE})(?:(?:\s*[/&,]\s*|\s+and\s+|\s+)(?:{_HEADING_WORD_RE})){{0,4}}\b", re.IGNORECASE
)
# Headings that read as a phrase: only their first letter needs to be a capital.
_HEADING_PHRASES = (
    r"what you(?:'ll| will) (?:do|be doing|bring|need)|what you bring|what you need|work you(?:'ll| will) do"
    r"|what we(?:'re| are) looking for|who you are|about you|about the (?:role|job|position|opportunity)"
    r"|the role|the opportunity|you have|nice[- ]to[- ]haves?|bonus points|good to have|must[- ]haves?"
    r"|about us|who we are|what we offer|our mission|how to apply|equal opportunity employer"
    r"|job summary|position summary|job description|day[- ]to[- ]day"
)
# Headings added for issue 12, each with its key in `provenance`.
_ADDED_HEADING_PHRASES = {
    # start-up and tech postings: "What you'll work on", "What you'll own", "Who we're looking for"
    "headings:what-you-will-work-on": (
        r"what you(?:'ll| will) (?:work on|own|build|achieve)|who we(?:'re| are) looking for"
    ),
    # team and company blurbs under a phrase heading: "About the team", "Meet the team"
    "headings:about-the-team": r"about the (?:team|company|department|group)|meet the team",
}


@functools.lru_cache(maxsize=64)
def _heading_phrase_re(state: tuple[frozenset[str], bool]) -> re.Pattern[str]:
    del state  # the key only: which entries are on
    added = [words for key, words in _ADDED_HEADING_PHRASES.items() if provenance.on(key)]
    return re.compile(rf"(?:{'|'.join([_HEADING_PHRASES, *added])})\b", re.IGNORECASE)


_BOILERPLATE_HEADING_RE = re.compile(
    r"benefit|\bperks?\b|compensation|salary|\bpay\b|about us|^about (?!you\b|the (?:role|job|position|team|"
    r"opportunity)\b|this (?:role|job|position)\b)|more about|who we are|\bour (?:mission|culture|values|story|"
    r"company|benefits)|culture\b|equal|\beeo\b|diversity|inclusion|how to apply|\bto apply|^apply\b|"
    r"^application$|application (?:questions?|process|deadline|instructions)|job types?\b|\bschedule\b|\blocations?\b|"
    r"employee status|\borganization\b|\bdepartment\b|\breq(?:uisition)?\.? ?id\b|\bjob id\b|type of employment|"
    r"employment type|working conditions|physical|work environment|why (?:join|work)|life at\b|what we offer|"
    r"we offer|how you(?:'ll| will) grow|part of\b|work remotely|remote work|supplemental|covid|disclaimer|"
    r"\blegal\b|privacy|job posting|^job$|^title$|^job title$|^company$|^category$|^posted$|^url$|"
    r"sobre nosotros|beneficios|c[oó]mo (?:aplicar|postular)|qui[eé]nes somos|wir bieten|über uns|avantages|"
    r"qui sommes|à propos|福利|公司(?:介绍|简介)",
    re.IGNORECASE,
)
_PREFERRED_HEADING_RE = re.compile(
    r"prefer|nice[- ]to[- ]have|bonus|\bplus(?:es)?\b|desir|good to have|extra credit|wish list|optional|deseable",
    re.IGNORECASE,
)
_RESPONSIBILITY_HEADING_RE = re.compile(
    r"responsib|\bdut(?:y|ies)\b|\btasks?\b|essential functions|\bfunctions\b|what you(?:'ll| will) (?:do|be doing)"
    r"|you(?:'ll| will) be doing|work you(?:'ll| will) do|get to do|day[- ]to[- ]day|accountabilit"
    r"|spend your time|the job involves|responsab|funciones|tareas|aufgaben|missions|职责|工作内容",
    re.IGNORECASE,
)
_REQUIRED_HEADING_RE = re.compile(
    r"requir|qualif|skill|experience|education|knowledge|abilit|competenc|who you are|looking for|you have|"
    r"you bring|you(?:'ll| will) bring|you need|about you|\bmust\b|essential|you should|profile|certif|licen|"
    r"background|what it takes|successful|requisitos|requerimientos|habilidades|experiencia|formaci[oó]n|perfil|"
    r"conocimientos|profil|anforderungen|要求|资格",
    re.IGNORECASE,
)
_NEUTRAL_HEADING_RE = re.compile(r"work with\b|meet the team|\bthe team\b", re.IGNORECASE)
_WEAK_RESPONSIBILITY_HEADING_RE = re.compile(r"\byour role\b|in this role|\byou(?:'ll| will)\b", re.IGNORECASE)
_ALPHA_WORD_RE = re.compile(r"[A-Za-z']+")


# The reason shown for text under a boilerplate heading, by the heading's words (first match).
_BOILERPLATE_REASONS = (
    ("benefits", re.compile(r"benefit|\bperks?\b|we offer|in it for you|beneficios|wir bieten|avantages", re.I)),
    ("pay", re.compile(r"compensation|salary|\bpay\b", re.I)),
    ("equal opportunity statement", re.compile(r"equal|\beeo\b|diversity|inclusion", re.I)),
    ("how to apply", re.compile(r"apply|application|postular|aplicar", re.I)),
    ("working conditions", re.compile(r"physical|working conditions|work environment|covid", re.I)),
    ("legal notice", re.compile(r"disclaimer|\blegal\b|privacy", re.I)),
    (
        "about the company",
        re.compile(r"about|who (?:we|are)|\bour\b|culture|^why\b|life at|part of|grow|nosotros|somos", re.I),
    ),
)


def boilerplate_reason_of_heading(label: str) -> str:
    """Why text under a boilerplate heading is left out, as the user reads it."""
    for reason, pattern in _BOILERPLATE_REASONS:
        if pattern.search(label):
            return reason
    return "job details"


# A short question on a line of its own heads a section in many start-up postings.
_QUESTION_HEADING_RE = re.compile(
    r"^(?:why|who|what|how|where|are|is|do|interested|ready|sound)\b[^.!?:]{0,40}\?$", re.IGNORECASE
)
_QUESTION_BOILERPLATE_RE = re.compile(
    r"^why\b|in it for you|who are we|ready to|interested|sound like|is this you", re.IGNORECASE
)


def classify_heading(label: str) -> str | None:
    """The kind of section a heading opens: a RequirementKind, BOILERPLATE, or None.

    The kinds are tried in order (boilerplate, preferred, responsibility, required), so a
    heading that names two takes the first: "Preferred Qualifications" is preferred."""
    label = label.strip().rstrip(":")
    if not label:
        return None
    if _BOILERPLATE_HEADING_RE.search(label):
        return BOILERPLATE
    if label.endswith("?") and provenance.on("headings:question") and _QUESTION_BOILERPLATE_RE.search(label):
        return BOILERPLATE  # "Why Helios?", "What's in it for you?"
    if _PREFERRED_HEADING_RE.search(label):
        return PREFERRED
    if _RESPONSIBILITY_HEADING_RE.search(label):
        return RESPONSIBILITY
    if _REQUIRED_HEADING_RE.search(label):
        return REQUIRED
    if _NEUTRAL_HEADING_RE.search(label):
        return None
    if _WEAK_RESPONSIBILITY_HEADING_RE.search(label):
        return RESPONSIBILITY
    return None


def line_heading(line: str) -> bool:
    """A line of its own that is a heading: ends in a colon, is all heading words, or is a
    short Title Case label of a known kind."""
    words = line.split()
    if len(words) > 10 or GLYPH_BULLET_RE.match(line):
        return False
    bare = line.rstrip(":").strip()
    if not bare or not (bare[0].isupper() or bare[0].isdigit()):
        return False
    if line.endswith(":") and not URL_RE.search(line):
        return True
    if heading_end(bare, 0, whole=True) == len(bare):
        return True
    if provenance.on("headings:question") and _QUESTION_HEADING_RE.match(line):
        return True  # "Why Helios?", "What's in it for you?", "Who are we?"
    return len(words) <= 6 and line[-1] not in ".!?," and title_case(bare) and classify_heading(bare) is not None


def heading_end(text: str, start: int, *, whole: bool = False) -> int | None:
    """Where a heading that starts at `start` ends, or None.

    A heading is a run of heading words ending in a key word ("Preferred Requirements"),
    written as a heading (Title Case or capitals) and followed by a colon, by a capitalised
    word or digit that starts its content, or (with `whole`) by the end of the text. Phrases
    such as "What you'll do" need only their first letter capitalised."""
    if not text[start : start + 1].isupper():
        return None
    candidates: list[int] = []
    phrase = _heading_phrase_re(provenance.state()).match(text, start)
    if phrase:
        candidates.append(phrase.end())
    match = _HEADING_RE.match(text, start)
    if match:
        for word in _ALPHA_WORD_RE.finditer(match.group()):
            lowered = word.group().lower()
            if lowered != "and" and not word.group()[0].isupper():
                break  # written as a heading only up to here
            if lowered in HEADING_KEYS:
                candidates.append(start + word.end())
    for end in sorted(set(candidates), reverse=True):
        rest = text[end : end + 120].lstrip()  # a bounded look ahead keeps the whole pass linear
        if whole and not rest.strip(": "):
            return end
        if rest.startswith(":"):
            return end
        if rest and (rest[0].isupper() or rest[0].isdigit()):
            return end
        if _colon_soon(rest):
            return end
    return None


def _colon_soon(rest: str) -> bool:
    """ "Qualifications and Skills we hope you have: 3-5 years": the heading runs on to a near colon."""
    colon = rest.find(":", 0, 60)
    if colon < 0:
        return False
    label = rest[:colon]
    words = label.split()
    if not words or len(words) > 6 or re.search(r"[.!?;]", label):
        return False
    lowered = [word.lower() for word in words]
    joined = lowered[0] in {"&", "and"} and title_case(" ".join(words[1:]))
    if not joined and not set(lowered) & {"you", "we", "your", "our", "you'll", "you're", "we're"}:
        return False
    after = rest[colon + 1 :].lstrip()
    return not after or after[0].isupper() or after[0].isdigit()


def chunk_heading(text: str, *, known_only: bool = False) -> tuple[int, int] | None:
    """(end of label, start of content) when the chunk starts with a heading, else None.

    With `known_only` (a short line of its own) only a label of a known kind counts."""
    colon = text.find(":", 0, 90)
    if colon > 0:
        label = text[:colon].strip()
        if known_only and classify_heading(label) is None:
            return None
        after = text[colon + 1 : colon + 20].lstrip()
        words = label.split()
        if (
            label
            and not label[0].islower()
            and (label[0].isalnum() or label[0] in "¿¡")
            and len(words) <= 10
            and not re.search(r"[.!?;]", label)
            and not (
                len(words) > 3
                and opener(words[0], " ".join(words[1:])) in ("verb", "qualifier", "years")
                and not _heading_phrase_re(provenance.state()).match(label)
            )
            and not URL_RE.search(text[: colon + 3])
            and not (label[-1].isdigit() and after[:1].isdigit())
            and (not after or not after[0].islower() or classify_heading(label) is not None)
        ):
            return colon, colon + 1
    end = None if known_only else heading_end(text, 0, whole=True)
    if end is not None:
        rest = text[end : end + 20]
        skip = len(rest) - len(rest.lstrip(" :"))
        return end, end + skip
    return None


def is_leadin(text: str) -> bool:
    """A short unfinished sentence that introduces a list ("For this position, you should")."""
    words = text.split()
    return len(words) <= 12 and text[-1] not in ".!?" and words[-1].lower().strip(STRIP) in LEADIN_END
