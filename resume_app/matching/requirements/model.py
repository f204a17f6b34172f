"""What the posting analysis returns: each requirement's kind and weight, the requirements,
and the analysis of one posting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class RequirementKind(StrEnum):
    """What a requirement asks of the person.

    A str enum: a kind equals, hashes and serialises as its value ("required"), so JSON
    documents, dictionaries keyed on the plain words and comparisons with them keep working."""

    REQUIRED = "required"
    RESPONSIBILITY = "responsibility"
    PREFERRED = "preferred"


REQUIRED = RequirementKind.REQUIRED
RESPONSIBILITY = RequirementKind.RESPONSIBILITY
PREFERRED = RequirementKind.PREFERRED

REQUIRED_WEIGHT = 1.0
# A duty of the job counts a little less than a stated requirement (tuned on the graded corpus).
RESPONSIBILITY_WEIGHT = 0.9
# A nice-to-have should count, but clearly less than a must.
PREFERRED_WEIGHT = 0.6

# The one weight each kind of requirement carries: `Requirement.weight`, which the ranker
# reads for a bullet's match to it and for the match score.
KIND_WEIGHTS = MappingProxyType(
    {REQUIRED: REQUIRED_WEIGHT, RESPONSIBILITY: RESPONSIBILITY_WEIGHT, PREFERRED: PREFERRED_WEIGHT}
)


@dataclass(frozen=True)
class Requirement:
    """One thing the posting asks for, as a clean sentence or list item."""

    text: str
    kind: RequirementKind
    section: str  # the heading it sat under, or ""
    weight: float  # KIND_WEIGHTS[kind]


@dataclass(frozen=True)
class PostingAnalysis:
    """What `analyze_posting` found: title and company where the posting shows them, the
    requirements in posting order, and the text it left out (header lines, about the
    company, benefits, EEO, how to apply, pay, job metadata, description), in order."""

    title: str
    company: str
    requirements: list[Requirement]
    dropped: list[str]
