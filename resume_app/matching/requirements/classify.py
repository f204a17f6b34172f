"""Step 5b: the kind of each requirement.

"preferred" when its text says so (preferred, a plus, nice to have, desired, ...) or its
section is a preferred one; otherwise "required" or "responsibility" from its section, and
from its first word where the section does not say. A neutral section whose chunks mostly
read like requirements becomes a responsibility or a required section."""

from __future__ import annotations

import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.headings import NEUTRAL
from resume_app.matching.requirements.holder import holder_kind
from resume_app.matching.requirements.model import PREFERRED, REQUIRED, RESPONSIBILITY, RequirementKind
from resume_app.matching.requirements.sections import Section
from resume_app.matching.requirements.selection import mostly_requirements
from resume_app.matching.requirements.words import STRIP, YOU_WILL_RE, opener, word_start_re

_PREFERRED_TEXT_RE = word_start_re(
    r"\bpreferred\b|\bpreferably\b|^prefer\b|\bnice[- ]to[- ]have\b|\bgood to have\b|\bbonus\b|"
    r"\ba (?:big |huge |definite |strong |major )?plus\b|\bis a plus\b|\bplus\.?$|\bdesir(?:ed|able)\b|\bideally\b|"
    r"\badvantageous\b|\ban advantage\b|\bhighly valued\b|\bdeseable",
    re.IGNORECASE,
)
# "..., Azure preferred": the word qualifies one item of a required line, not the line.
_PREFERRED_QUALIFIER_RE = re.compile(r",\s*[A-Z][\w.+#/-]*(?:\s[A-Z][\w.+#/-]*)?\s+preferred\.?$")
# "(dental or medical preferred)", "(Azure a plus)": a preference inside brackets qualifies one part.
_PART_PREFERENCE_RE = re.compile(r"\([^()]{0,80}\b(?:preferred|a plus|ideally|desired|preferably)\b[^()]{0,40}\)", re.I)
# Nice-to-haves written as "is helpful", "not required", "an asset" (common in UK and Canadian postings).
_HELPFUL_RE = re.compile(
    r"\b(?:is|are|would be|will be) (?:helpful|beneficial|an asset|a bonus)\b|\bbut not required\b|\ban asset\b",
    re.IGNORECASE,
)
# "..., Spanish a plus", "... (written and spoken) Spanish a plus": the plus qualifies the last item.
_PART_PLUS_RE = re.compile(r"(?:,|\))\s*[A-Z][\w.+#/-]*(?:\s[A-Z][\w.+#/-]*)?\s+(?:is )?a plus\.?$")
_QUALIFICATION_TEXT_RE = word_start_re(
    r"\bmust\b|\brequired\b|\brequires?\b|\bminimum\b|\bat least\b|\bdegree\b|\bcertifi|\blicen[cs]e|"
    r"\bexperience (?:with|in|of|as|using|working|preparing|designing|developing|managing|supporting|integrating|"
    r"writing|driving)\b|\bknowledge of\b|\bproficien|\bfamiliar|\bexpertise\b|\bunderstanding of\b|"
    r"\bability to\b|\bskills\b",
    re.IGNORECASE,
)


# Verbs that open a trait or a qualification in a requirements list, in any field.
_TRAIT_VERBS = frozenset(
    "enjoy enjoys understand understands demonstrate demonstrates demonstrated learn learns thrive thrives "
    "communicate communicates work works".split()
)


def settle_neutral_sections(sections: list[Section]) -> None:
    """A neutral section (a summary, an unknown heading) whose chunks mostly read like
    requirements becomes a responsibility section when at least half of them open with a
    duty verb, else a required one."""
    for section in sections:
        if section.kind == NEUTRAL and mostly_requirements(section):
            verbs = sum(1 for chunk in section.chunks if opener(_first_word(chunk.text)) == "verb")
            section.kind = RESPONSIBILITY if verbs * 2 >= len(section.chunks) else REQUIRED


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def requirement_kind(text: str, section_kind: str) -> RequirementKind:
    """The kind of a kept requirement, from its own words and its section's kind."""
    if _says_preferred(text) or section_kind == PREFERRED:
        return PREFERRED
    holder = holder_kind(text)
    if holder is not None:
        return holder  # "The Office Manager coordinates ...", "The ideal candidate has ..."
    words = text.split()
    verb = opener(words[0], words[1] if len(words) > 1 else "") == "verb"
    if section_kind == REQUIRED:
        if verb and provenance.on("rule:duty-under-qualifications") and _duty_verb(words[0]):
            return RESPONSIBILITY  # "Leverage AI technologies to ..." under "Qualifications"
        return REQUIRED
    qualification = _qualification_start(text)
    if section_kind == RESPONSIBILITY:
        return REQUIRED if qualification and not verb else RESPONSIBILITY
    if verb or re.search(r"\bresponsible for\b", text, re.IGNORECASE) or YOU_WILL_RE.search(text):
        return REQUIRED if qualification and not verb else RESPONSIBILITY
    return REQUIRED


def _duty_verb(word: str) -> bool:
    """A verb that opens a duty, not a trait a qualification list states ("Enjoy working with
    people", "Understand accounting principles", "Demonstrate ...")."""
    return word.lower().strip(STRIP) not in _TRAIT_VERBS


def _qualification_start(text: str) -> bool:
    words = text.split()
    first = opener(words[0], words[1] if len(words) > 1 else "")
    if first in ("qualifier", "years"):
        return True
    return _QUALIFICATION_TEXT_RE.search(text) is not None and first != "verb"


def _says_preferred(text: str) -> bool:
    if provenance.on("kind:part-preference") and _PART_PREFERENCE_RE.search(text):
        outside = _PART_PREFERENCE_RE.sub("", text)
        if len(outside.split()) >= 3 and not _PREFERRED_TEXT_RE.search(outside):
            return False  # "3+ years of front desk experience (dental preferred)" is required
    matches = list(_PREFERRED_TEXT_RE.finditer(text))
    if not matches:
        return provenance.on("kind:helpful-preferred") and _HELPFUL_RE.search(text) is not None
    if len(matches) == 1 and matches[0].group().lower() == "preferred" and _PREFERRED_QUALIFIER_RE.search(text):
        before = text[: text.rfind(",")]
        return len(before.split()) < 4  # "Python, Go preferred" is preferred; "cloud, Azure preferred" is not
    tail = _PART_PLUS_RE.search(text) if provenance.on("kind:part-preference") else None
    if len(matches) == 1 and tail is not None:
        return len(text[: tail.start()].split()) < 4  # "Fluent in English (written), Spanish a plus" is required
    return True
