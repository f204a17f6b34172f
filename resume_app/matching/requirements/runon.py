"""Step 4b: cutting a run-on list.

A bulleted list flattened to one line has no periods: "... on AWS Experience with Terraform
Strong communication skills". It is cut where a heading or a typical requirement opener
("Experience", "Strong", "Ability", "3+ years", "Develop", ...) restarts after a word with no
punctuation, and not where the capital belongs to a name ("Client Support", "of Advanced
Energy")."""

from __future__ import annotations

import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.headings import classify_heading, heading_end
from resume_app.matching.requirements.words import (
    AMBIGUOUS_VERBS,
    DEGREE_ABBREVIATIONS,
    HEADING_WORDS,
    LABEL_STARTS,
    NO_CUT_AFTER,
    QUALIFIERS,
    REQUIREMENT_END,
    STRIP,
    STRONG_QUALIFIERS,
    is_verb,
    opener,
    title_case,
)

_TOKEN_RE = re.compile(r"\S+")


def split_runon(text: str, *, list_item: bool = False) -> list[str]:
    """Cut a flattened list where a heading or a requirement opener restarts without punctuation.

    In a `list_item` (a line of its own with a bullet) a capitalised noun does not restart:
    "Hands on experience in developing Java application" stays one."""
    tokens = [(match.start(), match.group()) for match in _TOKEN_RE.finditer(text)]
    cuts = [0]
    for index in range(1, len(tokens)):
        if _cut_before(text, tokens, index, list_item):
            cuts.append(tokens[index][0])
    cuts.append(len(text))
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _cut_before(text: str, tokens: list[tuple[int, str]], index: int, list_item: bool) -> bool:
    start, token = tokens[index]
    previous = tokens[index - 1][1]
    following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
    after = text[start + len(token) : start + len(token) + 40].lstrip()
    previous_bare = previous.lower().strip("\"'")
    if previous[-1] in ",;:(/&-–—" or previous_bare in {"and", "or", "of", "the", "a", "an", "to", "with", "&"}:
        return False
    if token[0].isupper() and heading_end(text, start) is not None:
        return not _inside_label(text, tokens, index)
    if previous[-1] in ".!?" and previous_bare not in {"etc.", "etc"}:
        return False
    if previous_bare in {"on", "include", "includes", "including"} and token[0].isupper():
        core = token.lower().strip(STRIP)
        return core.endswith("ing") and is_verb(core) and _mentions_you(text[: tokens[index - 1][0]])
    if token[0].isupper() and _label_at(text, tokens, index):
        return True
    if token[0].isupper() and previous_bare in REQUIREMENT_END and not _inside_label(text, tokens, index):
        return True  # "... office management role preferred Healthcare, retail ..."
    if previous_bare in NO_CUT_AFTER:
        return False
    if token[-1] in ",:;" and not (previous[0].islower() and is_verb(token.lower().strip(STRIP))):
        return False  # "Client Support, Implementation" but "... customers Investigate, resolve, and ..."
    if previous[0].isupper() and (previous_bare in QUALIFIERS or previous_bare.rstrip(".") in DEGREE_ABBREVIATIONS):
        return False  # "Bachelor's Degree", "Strong Experience"
    kind = opener(token, after)
    if kind is None:
        return not list_item and _capital_restart(text, tokens, index)
    core = token.lower().strip(STRIP)
    after_lower = previous[0].islower() or previous[0].isdigit() or previous[-1] in ")%" or previous_bare == "etc"
    following_lower = following[:1].islower()
    if kind == "years":
        return after_lower
    if kind == "function":
        return (after_lower or previous[-1] == ")") and following_lower
    if after_lower:
        if kind == "qualifier" and core in STRONG_QUALIFIERS:
            return True
        if following_lower or not following:
            return True
        return not _ambiguous(core, kind) and core not in {"certification", "certified", "advanced", "high"}
    if core in {"bachelor", "bachelor's", "bachelors", "master's"}:
        return True  # "... Azure DevOps Bachelor's Degree in ..."
    return following_lower and not _ambiguous(core, kind) and core not in {"certification", "certified"}


def _ambiguous(core: str, kind: str) -> bool:
    """A verb that is also a common noun in names, in any form ("Partners", "Designs"); a
    qualifier such as "Working knowledge" is not one."""
    if core in AMBIGUOUS_VERBS:
        return True
    if kind != "verb":
        return False
    stems = (core[:-1], core[:-2], core[:-3], core[:-3] + "e") if len(core) > 4 else ()
    return any(stem in AMBIGUOUS_VERBS for stem in stems if core.endswith(("s", "es", "ing")))


def _capital_restart(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """A flattened list of noun phrases: "... AE products Financial analysis capability"."""
    token = tokens[index][1]
    previous = tokens[index - 1][1].rstrip(")")
    following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
    if following in {"and", "or", "&"}:  # "... analysis Energy and ability to ...", "Management and Supervisory"
        following = tokens[index + 2][1] if index + 2 < len(tokens) else ""
        if following[:1].isupper() and following[1:].islower():
            following = tokens[index + 3][1] if index + 3 < len(tokens) else ""
    if provenance.on("rule:list-item-not-cut") and is_verb(previous.lower()):
        return False  # "develop and maintain Engineering processes": the capital starts the verb's object
    return (
        len(token) >= 3
        and token[0].isupper()
        and token[1:].isalpha()
        and token[1:].islower()
        and previous.isalnum()
        and not any(char.isupper() for char in previous)
        and following.isalpha()
        and following.islower()
        and len(following) >= 4
        and index >= 4
    )


def _inside_label(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """The heading word continues a heading that starts earlier ("Minimum Requirements", "Some Perks:")."""
    previous = tokens[index - 1][1]
    if previous[0].isupper() and previous.lower().strip(STRIP).rsplit("/", 1)[-1] in HEADING_WORDS:
        return True
    end = heading_end(text, tokens[index][0])
    if end is None or not text[end : end + 10].lstrip().startswith(":"):
        return False
    before = tokens[max(0, index - 5) : index]
    label = [token for _, token in before]
    # the label runs from the sentence start: no sentence punctuation before it within five words
    for position in range(len(label) - 1, -1, -1):
        if label[position][-1] in ".!?:;,)":
            label = label[position + 1 :]
            break
    else:
        if index > 5:
            return False
    if not label or not all(token[0].isupper() for token in label):
        return False
    if provenance.on("runon:label-of-heading-words") and len(label) >= 3:
        # "Saint Anne Regional Hospital Position Summary:": a long run of capitals before a
        # heading is a name (the title and employer of a flattened posting), not the label's start
        words = {token.lower().strip(STRIP) for token in label}
        return words <= HEADING_WORDS | LABEL_STARTS
    return True


def _label_at(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """A known heading label that runs on to a colon ("... certification How you'll grow: Deloitte ...").

    Only the earliest word that can start the label counts ("Work Remotely Yes Job Type:" starts at
    "Work"), and it must be a word that starts labels ("Saturdays Salary:" starts at "Salary")."""
    colon = text.find(":", tokens[index][0], tokens[index][0] + 60)
    if colon < 0:
        return False
    after = text[colon + 1 : colon + 3].lstrip()
    if after and not (after[0].isupper() or after[0].isdigit()):
        return False
    for first in range(max(0, index - 4), index + 1):
        start = tokens[first][0]
        label = text[start:colon]
        words = label.split()
        if (
            0 < len(words) <= 5
            and words[0][0].isupper()
            and words[0].lower().strip(STRIP) in LABEL_STARTS | HEADING_WORDS
            and not re.search(r"[.!?;,]", label)
            and (title_case(label) or words[0].lower() in LABEL_STARTS)
            and classify_heading(label) is not None
        ):
            return first == index
    return False


def _mentions_you(text: str) -> bool:
    return re.search(r"\byou\b", text[-60:], re.IGNORECASE) is not None
