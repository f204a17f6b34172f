"""What the posting analysis returns: each requirement's kind and weight, the requirements,
and the analysis of one posting."""

from __future__ import annotations

from dataclasses import dataclass, field
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
class Eligibility:
    """A condition of employment the posting states: work authorisation, citizenship,
    clearance, where the work is done, travel, hours, health checks, background checks,
    physical demands. Listed for the user, never scored and never "uncovered": a resume
    cannot show evidence of it."""

    text: str
    section: str  # the heading it sat under, or ""


@dataclass(frozen=True)
class LeftOut:
    """A piece of the posting that is neither a requirement nor eligibility, with why it
    was left out, as a short phrase for the user ("about the company", "benefits")."""

    text: str
    reason: str


@dataclass(frozen=True)
class PostingAnalysis:
    """What `analyze_posting` found, each list in posting order:

    - `title`, `company`: where the posting shows them ("" otherwise);
    - `requirements`: what a resume should answer (required, preferred, responsibility);
    - `eligibility`: conditions of employment, listed apart and never scored;
    - `left_out`: everything else, each with its reason (header lines, about the company,
      benefits, pay, equal opportunity statement, how to apply, job details, description,
      catch-all duty, heading, ...)."""

    title: str
    company: str
    requirements: list[Requirement]
    eligibility: list[Eligibility] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def dropped(self) -> list[str]:
        """The texts that are not requirements: eligibility and what was left out."""
        return [item.text for item in self.eligibility] + [item.text for item in self.left_out]
