"""Step 5a'': prose sentences whose subject is the job holder.

Role summaries and postings written as paragraphs state duties and qualifications in
sentences: "The Senior Product Manager manages ...", "This individual will also be involved
in ...", "The ideal candidate has ...", "This position will involve ...", "They will
interface with ...", "You will own ...". Such a sentence is a requirement wherever it sits;
one about the company, the team or the products ("The team works globally", "We ...") is
not. Each family of openings is keyed in `provenance` with the postings it serves.

`holder_kind` gives the kind the sentence's main (first) clause states: a duty
(responsibility) or a qualification (required)."""

from __future__ import annotations

import functools
import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.model import REQUIRED, RESPONSIBILITY, RequirementKind
from resume_app.matching.requirements.words import JOB_NOUN_RE, is_verb

# "In this role, ...", "As a Data Engineer, ...", "Additionally, ..." before the subject.
_LEAD = r"^(?:(?:in this (?:role|position)|as (?:an?|the|our) [^,.]{1,60}|additionally|also|in addition),\s+)?"
_JOB_NOUN = JOB_NOUN_RE.pattern.removeprefix(r"\b").removesuffix(r"s?\b")
# The subject, by family.
_SUBJECTS: dict[str, str] = {
    # role summaries that name the title: "The Senior Product Manager manages ..."
    "holder:role-title": rf"(?i:the) (?:[A-Z][\w/&.-]*\s+){{0,5}}(?i:{_JOB_NOUN})s?\b",
    # healthcare and tech roles named by their abbreviation: "The RN coordinates care ..."
    "holder:role-abbreviation": r"(?i:the) (?:RN|LPN|LVN|CNA|NP|PA|SRE|DBA|PM|QA|BA|CPA)\b",
    # "The ideal candidate ...", "This individual ...", "The successful applicant ..."
    "holder:candidate-individual": (
        r"(?i:(?:the|this|our) (?:(?:ideal|successful|right|selected|qualified|chosen|perfect) )?"
        r"(?:candidate|applicant|individual|person|hire|incumbent|team member))\b"
    ),
    # "This position will involve ...", "The role requires ..."
    "holder:position-role": r"(?i:(?:this|the) (?:position|role|job))\b",
    # "They will interface with ...": the holder named in the sentence before
    "holder:they-will": r"(?i:they)(?=\s+will\b)",
    # "You will own ...", "You have 5+ years ..."
    "holder:you": r"(?i:you)\b(?=\s|'(?:ll|re|ve)\b)",
}
_MODAL = r"(?:will|shall|must|should|would|can|may|is|are|has|have|'ll|'re|'ve)"
# A duty: "will build", "manages", "is responsible for", "involves", "will be involved in".
_DUTY_PREDICATE_RE = re.compile(
    rf"^(?:also |likely |primarily |directly |closely )*(?:(?:{_MODAL} )?(?:also |likely |primarily )*"
    r"(?:be )?(?:responsible for|involved in|accountable for|tasked with|expected to|charged with)\b|"
    r"(?:will |may |would )?(?:also |likely )?(?:involves?|includes?|entails?|focus(?:es)? on)\b)",
    re.IGNORECASE,
)
_QUALIFICATION_PREDICATE_RE = re.compile(
    rf"^(?:also |ideally )*(?:(?:{_MODAL} )?(?:also |ideally )?(?:have|has|possess(?:es)?|bring|brings|"
    r"be (?:well[- ]versed|proficient|familiar|experienced|skilled|comfortable|able|a\b|an\b)|"
    r"is (?:a|an|well[- ]versed|proficient|familiar|experienced|skilled|comfortable|able)\b|"
    r"(?:are|'re) (?:a|an|well[- ]versed|proficient|familiar|experienced|skilled|comfortable|able)\b|"
    r"requires?|should have|must have|needs?)\b)",
    re.IGNORECASE,
)
# "The primary objectives of this position are troubleshooting ...": the duties named outright.
_OBJECTIVES_RE = re.compile(
    r"^the (?:primary |main |key |core )?(?:objectives?|responsibilities|duties|goals?|purpose|focus) of "
    r"(?:this|the) (?:position|role|job)\b",
    re.IGNORECASE,
)
# "Your responsibilities will include ...", "Key duties are ...": the duties named outright.
_DUTIES_NAMED_RE = re.compile(
    r"^(?:(?:your|the|key|main|primary|other|daily|typical|essential) )*(?:responsibilities|duties|tasks)"
    r"(?: (?:will|may) also| will| may| also)? (?:include|includes|are|involve|consist of)\b",
    re.IGNORECASE,
)
# The holder in a role: "will be the point of contact", "serves as the liaison"; for a candidate
# subject ("The ideal candidate will be a self-starter") the same words state a quality.
_ACTS_AS_RE = re.compile(
    r"^(?:will |shall |also )*(?:be|serves? as|acts? as|serving as|acting as) (?:the|a|an|our|their)\b", re.IGNORECASE
)
_CANDIDATE_RE = re.compile(
    r"^(?:[^,]*,\s*)?(?:the|this|our) (?:\w+ )?(?:candidate|applicant|individual|person|hire)\b", re.IGNORECASE
)
# "This includes working with users ...": the duty sentence before goes on.
_THIS_INCLUDES_RE = re.compile(
    r"^this (?:also )?(?:includes|involves|entails|will include|will involve) \w+ing\b", re.IGNORECASE
)
# "A fundamental understanding of ... is crucial for this role."
_FOR_THIS_ROLE_RE = re.compile(
    r"\b(?:is|are) (?:\w+ )?(?:crucial|essential|critical|key|important|required|necessary|vital|a must) "
    r"(?:for|to|in) (?:this|the) (?:role|position|job)\b|\bfor success in this (?:role|position)\b",
    re.IGNORECASE,
)
_REPORTS_TO_RE = re.compile(r"^(?:will |also )*reports? (?:directly )?to\b", re.IGNORECASE)
# After "you": what is said about the holder that is not a duty or a qualification.
_YOU_NOT_HOLDER_RE = re.compile(
    r"^you(?:'ll| will| would| can| may)? (?:also )?(?:enjoy|love|get|receive|earn|join|be (?:part|joining|"
    r"working with|surrounded|rewarded|eligible)|have (?:access|the (?:chance|opportunity))|find|make an impact)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def _subject_re(state: tuple[frozenset[str], bool]) -> re.Pattern[str] | None:
    del state  # the key only: which families are on
    subjects = [f"(?:{words})" for key, words in _SUBJECTS.items() if provenance.on(key)]
    return re.compile(rf"(?i:{_LEAD})(?:{'|'.join(subjects)})\s*") if subjects else None


def holder_kind(text: str) -> RequirementKind | None:
    """The kind of a sentence whose subject is the job holder, or None when it is not one."""
    if provenance.on("holder:position-role") and _OBJECTIVES_RE.match(text):
        return RESPONSIBILITY
    if provenance.on("holder:duties-named") and _DUTIES_NAMED_RE.match(text):
        return RESPONSIBILITY  # "Your responsibilities will include managing ...", "Key duties are ..."
    if provenance.on("holder:this-includes") and _THIS_INCLUDES_RE.match(text):
        return RESPONSIBILITY
    if provenance.on("holder:for-this-role") and _FOR_THIS_ROLE_RE.search(text):
        return REQUIRED
    pattern = _subject_re(provenance.state())
    match = pattern.match(text) if pattern is not None else None
    if match is None:
        return None
    subject = match.group().lower().strip()
    if subject.endswith("you") and _YOU_NOT_HOLDER_RE.match(text[match.start(0) :].lstrip(" ,")):
        return None
    predicate = text[match.end() :]
    if provenance.on("holder:not-reports-to") and _REPORTS_TO_RE.match(predicate):
        return None  # "The analyst reports to the Director": the reporting line, not a duty
    if _DUTY_PREDICATE_RE.match(predicate):
        return RESPONSIBILITY
    if provenance.on("holder:acts-as") and _ACTS_AS_RE.match(predicate) and not _CANDIDATE_RE.match(subject):
        return RESPONSIBILITY  # "The coordinator will be the main point of contact", "You will serve as ..."
    if _QUALIFICATION_PREDICATE_RE.match(predicate):
        return REQUIRED
    words = predicate.split()
    for word in words[:3]:  # "will design", "also manages", "works with"
        bare = word.lower().strip(",;:")
        if is_verb(bare):
            return RESPONSIBILITY
        if bare not in {"will", "shall", "also", "'ll", "would", "directly", "closely", "primarily", "be", "help"}:
            break
    return None


def holder_sentence(text: str) -> bool:
    """Whether the sentence's subject is the job holder and it names a duty or a qualification."""
    return holder_kind(text) is not None
