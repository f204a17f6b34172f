"""Step 5a: which chunks are requirements.

Chunks in requirement sections are kept unless they are boilerplate, company voice
("We ...", "Our ...") or plain description ("The team ..."); chunks in neutral sections only
when they read like a requirement; in a posting with no recognisable heading, every chunk
that is not boilerplate."""

from __future__ import annotations

import re

from resume_app.matching.requirements.headings import BOILERPLATE, NEUTRAL
from resume_app.matching.requirements.model import PREFERRED, REQUIRED
from resume_app.matching.requirements.sections import Section
from resume_app.matching.requirements.words import URL_RE, YOU_WILL_RE, is_verb, opener, word_start_re

MAX_REQUIREMENT_CHARS = 3000  # a longer run of text with no sentence end is not one requirement
_MARKER_RE = word_start_re(
    r"\bmust\b|\brequired\b|\brequires?\b|\bminimum\b|\bat least\b|\bdegree\b|\bresponsible for\b|"
    r"\bexperience (?:with|in|of|as|using|working)\b|\bknowledge of\b|\bproficien|\bfamiliarity\b|\bcertifi|"
    r"\bability to\b|\bunderstanding of\b|\bexpertise\b|\bpreferred\b|\ba plus\b|\bnice to have\b|"
    r"\byears?(?:'|’)? (?:of )?(?:\w+ ){0,3}experience\b",
    re.IGNORECASE,
)
_STRONG_MARKER_RE = word_start_re(
    r"\bmust\b|\brequired\b|\bminimum\b|\bat least\b|\bdegree\b|\bcertifi|"
    r"\byears?(?:'|’)? (?:of )?(?:\w+ ){0,3}experience\b",
    re.IGNORECASE,
)
_BOILERPLATE_TEXT_RE = word_start_re(
    # equal opportunity
    r"equal (?:employment )?opportunit|\beeo\b|affirmative action|without regard to|regardless of (?:race|age|"
    r"gender|sex|religion|color)|\brace, color|national origin|sexual orientation|gender identity|protected "
    r"veteran|veteran status|disability status|individuals with disabilities|reasonable accommodation|e-?verify|"
    r"diverse workforce|committed to (?:diversity|providing an inclusive|creating an inclusive|equal)|"
    r"inclusive and welcoming|"
    # benefits
    r"401\s?\(?k\)?|\bpto\b|paid time off|(?:health|dental|vision|life|medical|disability|pet|accident) "
    r"(?:insurance|care plan|coverage)|health/dental|tuition|parental leave|maternity|paternity|\bholidays\b|"
    r"stock purchase|retirement (?:plan|savings)|wellness program|\bperks?\b|\bbenefits\b|flexible spending|"
    r"health savings|bonus (?:pay|plan|program|eligib|structure|potential)|annual bonus|sign(?:ing|-on) bonus|"
    r"employee assistance|commuter|gym membership|free (?:beer|lunch|snacks|food)|financial coaching|"
    r"fertility|total rewards|competitive (?:salar|compensation|pay)|compensation (?:programs?|practices|package)|"
    # pay
    r"\$\s?\d[\d,]*(?:\.\d+)?\s*k?\s*(?:-|–|to)\s*\$?\s?\d|\$\s?\d[\d,]*(?:\.\d+)?\s*k?\s*(?:per|/|an?)\s*"
    r"(?:hour|hr|year|yr|annum|month|week)\b|\bsalar(?:y|ies)\b|\bpay (?:range|rate|grade|scale)\b|\bper hour\b|"
    r"\bhourly rate\b|\bwages?\b|"
    # how to apply
    r"how to apply|\bto apply\b|\bapply (?:now|today|online|here|at|via|through|by)\b|(?:send|submit|email) "
    r"(?:your|a|us your) (?:resume|cv|application)|application process|\bcover letter\b|learn more (?:at|about)|"
    r"\bvisit\b|click (?:here|apply)|[\w.+-]@[\w-]+\.[a-z]{2,}|interested candidates|application question|"
    # job metadata
    r"^(?:job types?|schedule|work locations?|primary location|location|employee status|job posting|job id|"
    r"req(?:uisition)? id|type of employment|employment type|supplemental pay|work remotely|category|posted|url|"
    r"organization|department|job|title|job title|company|shift|start date|salary|pay|benefits)\s*:|"
    r"\breq(?:uisition)?\.? ?id\b|\bjob id\b|type of employment|"
    # legal and working conditions
    r"at-will|exhaustive list|not intended to be|this job description|(?:above|foregoing) (?:job )?description|"
    r"background check|criminal conviction|conviction records|drug[- ]free|\bcovid|vaccinat|physical demands|"
    r"required to (?:sit|stand|walk|talk|lift|hear|climb|reach|stoop|kneel)|lift (?:up to )?\d+ ?(?:lbs|pounds)|"
    r"close vision|applicable law|"
    # about the company
    r"\bfounded in\b|\bheadquartered\b|\bour (?:mission|vision|values|culture|story)\b|\bwe(?:'re| are) "
    r"(?:a|an|the) (?:leading|global|growing|fast|world)|\bjoin (?:us|our team)\b|\bwe(?:'re| are) (?:proud|"
    r"passionate|growing|currently hiring)|\bin revenues?\b|"
    r"beneficios|sobre nosotros|c[oó]mo (?:aplicar|postular)|\bpostular\b",
    re.IGNORECASE,
)
_COMPANY_VOICE_RE = re.compile(r"^(?:our|us)\b|\b(?:we|we're|we've|we'll|we'd)\b", re.IGNORECASE)
_WE_NEED_RE = re.compile(
    r"\bwe(?:'re| are)? (?:need|require|looking for|seeking|seek)\b[^.]{0,80}?\b(?:with|who|that)\b",
    re.IGNORECASE,
)
_DESCRIPTIVE_START_RE = re.compile(
    r"^(?:the|this|these|those|it|its|at|by|here|such|that|there|as a result|in addition|they|he|she|each|every)\b",
    re.IGNORECASE,
)
_TRACKING_CODE_RE = re.compile(r"#\S+|(?=[A-Z]*\d)[A-Z0-9]{5,}")
_UNSPACED_SCRIPT_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LETTER_RE = re.compile(r"[^\W\d_]")


def mostly_requirements(section: Section) -> bool:
    """At least 60 % of the section's chunks (boilerplate aside, two at least) read like
    requirements: an unnamed or unknown section that is a requirement list in fact."""
    chunks = [
        chunk for chunk in section.chunks if len(chunk.text) <= MAX_REQUIREMENT_CHARS and not _boilerplate(chunk.text)
    ]
    if len(chunks) < 2:
        return False
    looking = sum(1 for chunk in chunks if reads_like_requirement(chunk.text))
    return looking >= 0.6 * len(chunks)


def keep(text: str, bullet: bool, kind: str, has_headings: bool) -> bool:
    """Whether a cleaned chunk is a requirement, given its section's kind and whether the
    posting has requirement headings at all."""
    if not _LETTER_RE.search(text) or _boilerplate(text) or text.endswith("?"):
        return False
    if kind == BOILERPLATE:
        return False
    if _word_count(text) < 2 and not (bullet and kind in (REQUIRED, PREFERRED)):
        return False
    if _TRACKING_CODE_RE.fullmatch(text):
        return False  # a tracking code such as "#GLBAAPSUS" or "AMERKMT1"
    if URL_RE.search(text) and len(URL_RE.sub("", text).split()) < 3:
        return False
    reads_like = reads_like_requirement(text)
    if _COMPANY_VOICE_RE.search(text) and not (
        opens_requirement(text) or _STRONG_MARKER_RE.search(text) or _WE_NEED_RE.search(text)
    ):
        return False  # about the company: "We are the engine of ...", "Our people are ..."
    if _DESCRIPTIVE_START_RE.match(text) and not (
        _STRONG_MARKER_RE.search(text) or re.search(r"\bresponsible for\b|\brequires\b", text, re.IGNORECASE)
    ):
        return False  # "The team works globally ...", "These products will likely ..."
    return reads_like or kind != NEUTRAL or not has_headings


def _word_count(text: str) -> int:
    """Words, counting two characters of a script written without spaces (Chinese, Japanese) as one."""
    unspaced = len(_UNSPACED_SCRIPT_RE.findall(text))
    return len(text.split()) + unspaced // 2


def _boilerplate(text: str) -> bool:
    return _BOILERPLATE_TEXT_RE.search(text) is not None


def opens_requirement(text: str) -> bool:
    """The first word opens a requirement: a duty verb, a qualifier or a number of years."""
    first, _, after = text.partition(" ")
    return opener(first, after) not in (None, "function")


def reads_like_requirement(text: str) -> bool:
    """It opens like a requirement, names one ("experience with", "at least", ...), or says
    what the person will do ("You will build ...")."""
    if opens_requirement(text):
        return True
    if _MARKER_RE.search(text):
        return True
    you = YOU_WILL_RE.search(text)
    return you is not None and (is_verb(you.group(1).lower()) or you.group(1).lower() in {"need", "have", "bring"})
