"""Step 5a: which chunks are requirements.

Chunks in requirement sections are kept unless they are boilerplate, company voice
("We ...", "Our ...") or plain description ("The team ..."); chunks in neutral sections only
when they read like a requirement; in a posting with no recognisable heading, every chunk
that is not boilerplate."""

from __future__ import annotations

import re

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.headings import BOILERPLATE, NEUTRAL
from resume_app.matching.requirements.holder import holder_sentence
from resume_app.matching.requirements.model import PREFERRED, REQUIRED
from resume_app.matching.requirements.sections import Section
from resume_app.matching.requirements.words import STRIP, URL_RE, YOU_WILL_RE, is_verb, opener, word_start_re

NOT_ABOUT_THE_JOB = "not about the job"  # under a boilerplate heading; the heading tells which kind
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
# Text that is never a requirement, by the reason the user is shown.
_LEFT_OUT_TEXT: dict[str, str] = {
    "equal opportunity statement": (
        r"equal (?:employment )?opportunit|\beeo\b|affirmative action|without regard to|regardless of (?:race|age|"
        r"gender|sex|religion|color)|\brace, color|national origin|sexual orientation|gender identity|protected "
        r"veteran|veteran status|disability status|individuals with disabilities|reasonable accommodation|e-?verify|"
        r"diverse workforce|committed to (?:diversity|providing an inclusive|creating an inclusive|equal)|"
        r"inclusive and welcoming"
    ),
    "benefits": (
        r"401\s?\(?k\)?|\bpto\b|paid time off|(?:health|dental|vision|life|medical|disability|pet|accident) "
        r"(?:insurance|care plan|coverage)|health/dental|tuition|parental leave|maternity|paternity|\bholidays\b|"
        r"stock purchase|retirement (?:plan|savings)|wellness program|\bperks?\b|\bbenefits\b|flexible spending|"
        r"health savings|bonus (?:pay|plan|program|eligib|structure|potential)|annual bonus|sign(?:ing|-on) bonus|"
        r"employee assistance|commuter|gym membership|free (?:beer|lunch|snacks|food)|financial coaching|"
        r"fertility|total rewards|competitive (?:salar|compensation|pay)|compensation (?:programs?|practices|package)"
    ),
    "pay": (
        r"\$\s?\d[\d,]*(?:\.\d+)?\s*k?\s*(?:-|–|to)\s*\$?\s?\d|\$\s?\d[\d,]*(?:\.\d+)?\s*k?\s*(?:per|/|an?)\s*"
        r"(?:hour|hr|year|yr|annum|month|week)\b|\bsalar(?:y|ies)\b|\bpay (?:range|rate|grade|scale)\b|\bper hour\b|"
        r"\bhourly rate\b|\bwages?\b"
    ),
    "how to apply": (
        r"how to apply|\bto apply\b|\bapply (?:now|today|online|here|at|via|through|by)\b|(?:send|submit|email) "
        r"(?:your|a|us your) (?:resume|cv|application)|application process|\bcover letter\b|learn more (?:at|about)|"
        r"\bvisit\b|click (?:here|apply)|[\w.+-]@[\w-]+\.[a-z]{2,}|interested candidates|application question"
    ),
    "job details": (
        r"^(?:job types?|schedule|work locations?|primary location|location|employee status|job posting|job id|"
        r"req(?:uisition)? id|type of employment|employment type|supplemental pay|work remotely|category|posted|url|"
        r"organization|department|job|title|job title|company|shift|start date|salary|pay|benefits)\s*:|"
        r"\breq(?:uisition)?\.? ?id\b|\bjob id\b|type of employment"
    ),
    "legal notice": (
        r"at-will|exhaustive list|not intended to be|this job description|(?:above|foregoing) (?:job )?description|"
        r"background check|criminal conviction|conviction records|drug[- ]free|\bcovid|vaccinat|physical demands|"
        r"required to (?:sit|stand|walk|talk|lift|hear|climb|reach|stoop|kneel)|lift (?:up to )?\d+ ?(?:lbs|pounds)|"
        r"close vision|applicable law"
    ),
    "about the company": (
        r"\bfounded in\b|\bheadquartered\b|\bour (?:mission|vision|values|culture|story)\b|\bwe(?:'re| are) "
        r"(?:a|an|the) (?:leading|global|growing|fast|world)|\bjoin (?:us|our team)\b|\bwe(?:'re| are) (?:proud|"
        r"passionate|growing|currently hiring)|\bin revenues?\b|"
        r"beneficios|sobre nosotros|c[oó]mo (?:aplicar|postular)|\bpostular\b"
    ),
}
_LEFT_OUT_RES = {reason: word_start_re(words, re.IGNORECASE) for reason, words in _LEFT_OUT_TEXT.items()}
# One pass for the common case, a requirement that none of the families names.
_ANY_LEFT_OUT_RE = word_start_re("|".join(f"(?:{words})" for words in _LEFT_OUT_TEXT.values()), re.IGNORECASE)
# A requirement about a benefit-shaped subject (insurance, HR and payroll roles) opens like one.
_KNOWLEDGE_OF_RE = re.compile(
    r"^(?:\w+ ){0,2}(?:knowledge|experience|familiarity|understanding|proficiency|expertise|background) "
    r"(?:of|with|in|administering|managing|processing)\b",
    re.IGNORECASE,
)
_EXPERIENCE_FIRST_RE = re.compile(
    r"^(?:\d{1,2}\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)(?: of)? )?(?:[\w+'-]+ ){0,2}"
    r"(?:knowledge|experience|familiarity|understanding|proficiency|expertise)\b",
    re.IGNORECASE,
)
# Start-up and tech perks lists, often with no heading after the requirements.
_PERKS_RE = word_start_re(
    r"\bstipend\b|\+ equity\b|\band equity\b|(?:employer|company)[- ]paid|employer (?:match|contribution)|"
    r"\bequity (?:grant|package|compensation|stake)|\bstock options\b|\bcatered\b|"
    r"learning (?:and development )?budget|\bremote[- ]friendly\b|\bsabbatical\b|\bteam (?:offsites?|retreats?|"
    r"lunches|outings)\b|\bhappy hours?\b|\bfree parking\b|\bunlimited (?:pto|vacation)\b|\bpaid (?:holidays|vacation)",
    re.IGNORECASE,
)
# Perk list items that are noun phrases ("Flexible schedule", "Opportunities for growth"); anchored at
# the start so a requirement using the same words ("Ability to work in a collaborative environment",
# "Identify growth opportunities for clients") keeps them.
_PERK_ITEM_RE = re.compile(
    r"^(?:an? |our )?(?:generous |great |competitive )?(?:flexible (?:schedules?|hours|working|work arrangements?)|"
    r"(?:dog|pet|family)[- ]friendly|(?:(?:monthly|annual|yearly) )?(?:wellness|learning|home office|phone|"
    r"internet|commuter|meal|fitness|education|monthly|annual) (?:allowance|reimbursement|stipend)|"
    r"(?:supportive|collaborative|inclusive|fun|friendly|welcoming)\b[^.]{0,30}\b(?:culture|environment|atmosphere)|"
    r"(?:opportunit(?:y|ies) for|room for) "
    r"(?:growth|advancement|career|professional)|career (?:growth|advancement|development|progression)|"
    r"growth opportunities)\b",
    re.IGNORECASE,
)
# Every duties list may end with one ("Performs other duties as assigned", "Other tasks as required").
_CATCH_ALL_RE = re.compile(
    r"\bother (?:related |similar |additional |job[- ]related )?(?:duties|tasks|responsibilities|projects|"
    r"functions)(?: (?:and|or) (?:responsibilities|tasks|projects))? (?:as|when|that may be) (?:assigned|required|"
    r"needed|requested|directed|necessary)|\bas (?:assigned|directed) by (?:the |your )?(?:manager|supervisor)\b\.?$",
    re.IGNORECASE,
)
# Postings that end with the recruiter's name and number, with no heading before them.
_CONTACT_RE = re.compile(
    r"\b(?:contact|reach out to|call|text|message|email) (?:me|us|our (?:recruit|talent|hiring)\w*|the "
    r"(?:recruit|hiring|talent)\w*)\b|\brecruiter\b|\b(?:questions|inquiries)\b.{0,40}\b(?:contact|reach)\b|"
    r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\bunsolicited\b|\b(?:recruiting|staffing|recruitment) agenc",
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


def left_out_reason(
    text: str, bullet: bool, kind: str, has_headings: bool, *, boilerplate_checked: bool = False
) -> str | None:
    """Why a cleaned chunk is not a requirement (a short phrase for the user), or None when
    it is one, given its section's kind and whether the posting has requirement headings."""
    if not _LETTER_RE.search(text):
        return "not text"
    reason = None if boilerplate_checked else boilerplate_reason(text)
    if reason is not None:
        return reason
    if text.endswith("?"):
        return "question"
    if kind == BOILERPLATE:
        return NOT_ABOUT_THE_JOB
    if _word_count(text) < 2 and not (bullet and kind in (REQUIRED, PREFERRED)):
        return "fragment"
    if _TRACKING_CODE_RE.fullmatch(text):
        return "job details"  # a tracking code such as "#GLBAAPSUS" or "AMERKMT1"
    if URL_RE.search(text) and len(URL_RE.sub("", text).split()) < 3:
        return "link"
    if holder_sentence(text):
        return None  # "The Office Manager coordinates ...", "This individual will ..."
    reads_like = reads_like_requirement(text)
    if _COMPANY_VOICE_RE.search(text) and not (
        opens_requirement(text) or _STRONG_MARKER_RE.search(text) or _WE_NEED_RE.search(text)
    ):
        return "about the company"  # "We are the engine of ...", "Our people are ..."
    if _DESCRIPTIVE_START_RE.match(text) and not (
        _STRONG_MARKER_RE.search(text) or re.search(r"\bresponsible for\b|\brequires\b", text, re.IGNORECASE)
    ):
        return "description"  # "The team works globally ...", "These products will likely ..."
    if reads_like or kind != NEUTRAL or not has_headings:
        return None
    return "description"


def states_experience(text: str) -> bool:
    """It opens by naming knowledge or experience ("Experience working across time zones",
    "Knowledge of HIPAA (Health Insurance ...)"): something a resume can show."""
    return _EXPERIENCE_FIRST_RE.match(text) is not None


def names_company_first(text: str, company: str) -> bool:
    """The sentence's subject is the employer: it starts with the company's name ("Acme Health
    runs ...", "Acme's mission ..."), as the header or the first line gave it."""
    name = re.sub(r"^the\s+", "", company.split(",")[0].strip(), flags=re.IGNORECASE)
    first = name.split(" ", 1)[0].strip(STRIP) if name else ""
    if len(first) < 3 or not first[0].isupper():
        return False
    return re.match(rf"{re.escape(first)}(?:'s)?\b", text) is not None and not opens_requirement(text)


def keep(text: str, bullet: bool, kind: str, has_headings: bool) -> bool:
    """Whether a cleaned chunk is a requirement (`left_out_reason` finds none)."""
    return left_out_reason(text, bullet, kind, has_headings) is None


def boilerplate_reason(text: str) -> str | None:
    """The reason text is never a requirement whatever its section: equal opportunity
    statement, benefits, pay, how to apply, job details, legal notice, about the company,
    catch-all duty, recruiter contact."""
    for reason, pattern in _LEFT_OUT_RES.items() if _ANY_LEFT_OUT_RE.search(text) else ():
        if pattern.search(text):
            if (
                reason == "benefits"
                and provenance.on("left-out:benefit-words-in-requirement")
                and _KNOWLEDGE_OF_RE.match(text)
            ):
                continue  # "Knowledge of HIPAA (Health Insurance Portability ...)", "Experience with 401(k) plans"
            return reason
    if provenance.on("left-out:perks-more") and (_PERKS_RE.search(text) or _PERK_ITEM_RE.match(text)):
        return "benefits"
    if provenance.on("left-out:catch-all") and _CATCH_ALL_RE.search(text):
        return "catch-all duty"
    if provenance.on("left-out:recruiter-contact") and _CONTACT_RE.search(text):
        return "how to apply"
    return None


def _word_count(text: str) -> int:
    """Words, counting two characters of a script written without spaces (Chinese, Japanese) as one."""
    unspaced = len(_UNSPACED_SCRIPT_RE.findall(text))
    return len(text.split()) + unspaced // 2


def _boilerplate(text: str) -> bool:
    return boilerplate_reason(text) is not None


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
