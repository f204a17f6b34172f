"""Split a pasted job posting into the requirements a resume should answer.

People paste postings in two shapes: with their line structure (headings on their own
lines, "- " or "•" list items) and flattened to one line, where headings run into the
text ("...team. Qualifications: Bachelor's degree ... 3+ years of ...") and a bulleted
list became one long sentence with no periods. Both go through the same steps:

1. Checks and clean-up: empty, too short, binary junk (`InputError` with a sentence for
   the user); only the first `MAX_CHARS` characters are read; Unicode NFKC, straight
   quotes, no control characters. A PDF text layer with one word per line is rejoined.
2. The posting-site header ("Title: / Company: / Location: / Category: / Posted: / URL:")
   gives `title` and `company` and is dropped; so are Chrome print headers and footers.
3. Lines become segments: list items, paragraphs (wrapped lines joined again, a list item
   broken in two by the source merged back) and headings on their own line.
4. Each segment is cut into chunks: sentences (abbreviations such as "e.g.", "U.S.",
   "B.S." and decimals do not end one), then run-on lists are cut where a heading or a
   typical requirement opener ("Experience", "Strong", "Ability", "3+ years", "Develop",
   ...) restarts after a word with no punctuation. A chunk may start with a heading.
5. Headings open sections: required, preferred, responsibility, boilerplate (about us,
   benefits, EEO, how to apply, pay, job metadata) or neutral (summary, unknown).
   A neutral section whose chunks are mostly requirement-like counts as a requirement
   section. Chunks in requirement sections are kept unless they are boilerplate, company
   voice ("We ...", "Our ...") or plain description ("The team ..."); chunks in neutral
   sections only when they read like a requirement; in a posting with no recognisable
   heading, every chunk that is not boilerplate.
6. Each kept chunk gets a kind and a weight: "preferred" (weight `PREFERRED_WEIGHT`, 0.6:
   a nice-to-have should count, but clearly less than a must) when its text says so
   (preferred, a plus, nice to have, desired, ...) or its section is a preferred one;
   otherwise "required" or "responsibility" (weight 1.0) from its section, and from its
   first word where the section does not say.

Everything is a single pass over the text with bounded regular expressions, so a
200 KB paste takes well under a second. The module imports nothing of the app but
`resume_app.core`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from resume_app.core.errors import InputError

MAX_CHARS = 200_000
REQUIRED_WEIGHT = 1.0
PREFERRED_WEIGHT = 0.6
LONG_REQUIREMENT_WORDS = 60
MAX_REQUIREMENT_CHARS = 3000  # a longer run of text with no sentence end is not one requirement

EMPTY_MESSAGE = "The job posting is empty; paste the posting's text."
SHORT_MESSAGE = "This is too short to be a job posting; paste the whole posting."
NOT_TEXT_MESSAGE = "This does not look like text of a job posting."

REQUIRED = "required"
PREFERRED = "preferred"
RESPONSIBILITY = "responsibility"
_BOILERPLATE = "boilerplate"
_NEUTRAL = "neutral"


@dataclass(frozen=True)
class Requirement:
    """One thing the posting asks for, as a clean sentence or list item."""

    text: str
    kind: str  # "required" | "preferred" | "responsibility"
    section: str  # the heading it sat under, or ""
    weight: float  # REQUIRED_WEIGHT, or PREFERRED_WEIGHT for "preferred"


@dataclass(frozen=True)
class PostingAnalysis:
    """What `analyze_posting` found: title and company where the posting shows them, the
    requirements in posting order, and the text it left out (header lines, about the
    company, benefits, EEO, how to apply, pay, job metadata, description), in order."""

    title: str
    company: str
    requirements: list[Requirement]
    dropped: list[str]


# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------


def _word_start_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A search pattern tried only where a word starts: the same matches, several times faster."""
    return re.compile(rf"(?<![\w$])(?:{pattern})", flags)


# Verbs that open a duty ("Develop ...", "Manages ...", "Collaborating ...").
_VERBS = frozenset(
    """
    act adhere administer advise analyse analyze answer apply architect assess assist assume attend audit automate
    build code coach collaborate collect communicate compile complete conduct configure confirm consult contribute
    coordinate create debug define deliver demonstrate deploy design develop devise diagnose document drive educate
    engage enjoy ensure escalate establish evaluate execute expand explore facilitate gather give greet guide handle
    help identify implement improve install integrate interact interface investigate lead learn liaise maintain
    manage mentor migrate model monitor motivate negotiate nurture operate optimize organize oversee own participate
    partner perform plan prepare present prioritize process produce promote provide read recommend reconcile recruit
    refine repair report research resolve respond review schedule secure serve set setup solve supervise supply
    support test track train translate travel troubleshoot understand update upgrade use utilize verify welcome work
    write
    """.split()
)
# Verbs that are also common nouns in product and team names ("Client Support", "Lead Engineer").
_AMBIGUOUS_VERBS = frozenset(
    "act code design document drive lead model own partner plan process report schedule set support test track "
    "travel use work".split()
)
# Words that open a qualification ("Strong ...", "Bachelor's ...", "Ability ...").
_QUALIFIERS = frozenset(
    """
    ability able advanced analytical aptitude associate associate's attention availability available background
    bachelor bachelor's bachelors basic bilingual broad capable certification certifications certified comfortable
    commitment confident cpa creative current currently deep degree demonstrable demonstrated detail-oriented
    education excellent exceptional experience experienced expert expertise exposure extensive familiar familiarity
    flexibility fluency fluent good hands-on high in-depth intermediate knowledge knowledgeable licensed master
    master's masters minimum must outstanding passion passionate preferably prefer previous prior proficiency
    proficient proven relevant self-motivated self-starter skilled solid sound strong superior team-player thorough
    understanding valid willing willingness
    """.split()
)
# Qualifier openers that are safe to cut before even when a capitalised word follows.
_STRONG_QUALIFIERS = frozenset(
    "ability bachelor bachelor's bachelors certification certified degree demonstrated excellent exceptional "
    "experience expertise familiarity knowledge master's minimum must proficiency proficient proven strong "
    "understanding".split()
)
_DEGREE_ABBREVIATIONS = frozenset("bs ba ms ma mba phd b.s b.a m.s m.a ph.d m.b.a bsc msc".split())
# Capitalised function words that restart a sentence in a flattened text ("... software In a role ...").
_FUNCTION_OPENERS = frozenset(
    "in the a an this these our we you your all any each if when while fully please candidates applicants also".split()
)
# No cut right after these: the next word belongs to them ("with Strong", "of Advanced Energy").
_NO_CUT_AFTER = frozenset(
    """
    a about across against along among an and any as at both but by each either for from in including into its
    like near nor of on onto or our over per such than that the their these this those through to toward under
    upon via whose with within without your & + / - e.g. i.e. e.g i.e minimum maximum least approximately around
    over under additional another total having has have requires require min max last past next first using use
    utilizing especially particularly namely preferably ideally mainly primarily is are was be being
    strong solid good proven excellent hands-on relevant prior previous professional extensive demonstrated
    working practical related technical some advanced deep broad basic senior junior lead very highly
    """.split()
)
# A chunk that ends in one of these and is followed by more text introduces a list.
_LEADIN_END = frozenset("should will on include includes including have are be need following must".split())
# First words of a heading that is not in Title Case ("How you'll grow:", "More about AXS:").
_LABEL_STARTS = frozenset(
    """
    how what who why where when your our about more meet life join benefits salary pay job schedule location primary
    work supplemental employee organization department application compensation perks some equal eeo type employment
    req note travel shift hours remote start duration contract status company title posted url category
    """.split()
)
# A flattened list item often ends in one of these ("CPA license preferred Minimum 5 years ...").
_REQUIREMENT_END = frozenset("preferred required desired desirable plus necessary mandatory optional".split())
_ABBREVIATIONS = frozenset(
    """
    e.g. i.e. etc. u.s. u.k. e.u. sr. jr. mr. ms. mrs. dr. prof. inc. ltd. co. corp. llc. vs. v. no. nos. st.
    b.s. m.s. b.a. m.a. ph.d. m.b.a. b.sc. m.sc. approx. incl. dept. min. max. yrs. yr. hrs. mos. a.m. p.m. esp.
    cf. al. fig. ref. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ave. blvd. est. ext. tel.
    """.split()
)

# Heading words: a heading is one to five of them ("Essential Job Duties and Tasks"), ending in a key word.
_HEADING_KEYS = frozenset(
    """
    responsibilities responsibility duties tasks functions accountabilities requirements requirement
    qualifications qualification skills skillset experience education knowledge abilities competencies
    certifications licenses preferred required desired essential benefits perks summary overview description
    """.split()
)
_HEADING_WORDS = _HEADING_KEYS | frozenset(
    """
    key basic minimum preferred required additional essential desired primary main core general technical
    functional professional job role position other specific special work your and skill set
    """.split()
)
_HEADING_WORD_RE = "|".join(sorted(_HEADING_WORDS - {"and"}, key=len, reverse=True))
_HEADING_RE = re.compile(
    rf"(?:{_HEADING_WORD_RE})(?:(?:\s*[/&,]\s*|\s+and\s+|\s+)(?:{_HEADING_WORD_RE})){{0,4}}\b", re.IGNORECASE
)
# Headings that read as a phrase: only their first letter needs to be a capital.
_HEADING_PHRASE_RE = re.compile(
    r"(?:what you(?:'ll| will) (?:do|be doing|bring|need)|what you bring|what you need|work you(?:'ll| will) do"
    r"|what we(?:'re| are) looking for|who you are|about you|about the (?:role|job|position|opportunity)"
    r"|the role|the opportunity|you have|nice[- ]to[- ]haves?|bonus points|good to have|must[- ]haves?"
    r"|about us|who we are|what we offer|our mission|how to apply|equal opportunity employer"
    r"|job summary|position summary|job description|day[- ]to[- ]day)\b",
    re.IGNORECASE,
)

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

_PREFERRED_TEXT_RE = _word_start_re(
    r"\bpreferred\b|\bpreferably\b|^prefer\b|\bnice[- ]to[- ]have\b|\bgood to have\b|\bbonus\b|"
    r"\ba (?:big |huge |definite |strong |major )?plus\b|\bis a plus\b|\bplus\.?$|\bdesir(?:ed|able)\b|\bideally\b|"
    r"\badvantageous\b|\ban advantage\b|\bhighly valued\b|\bdeseable",
    re.IGNORECASE,
)
# "..., Azure preferred": the word qualifies one item of a required line, not the line.
_PREFERRED_QUALIFIER_RE = re.compile(r",\s*[A-Z][\w.+#/-]*(?:\s[A-Z][\w.+#/-]*)?\s+preferred\.?$")

_YEARS_RE = re.compile(
    r"\d{1,2}(?:\.\d)?\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b|\d{1,2}\s*\+\s*(?:of\b|filing)",
    re.IGNORECASE,
)
_QUALIFICATION_TEXT_RE = _word_start_re(
    r"\bmust\b|\brequired\b|\brequires?\b|\bminimum\b|\bat least\b|\bdegree\b|\bcertifi|\blicen[cs]e|"
    r"\bexperience (?:with|in|of|as|using|working|preparing|designing|developing|managing|supporting|integrating|"
    r"writing|driving)\b|\bknowledge of\b|\bproficien|\bfamiliar|\bexpertise\b|\bunderstanding of\b|"
    r"\bability to\b|\bskills\b",
    re.IGNORECASE,
)
_MARKER_RE = _word_start_re(
    r"\bmust\b|\brequired\b|\brequires?\b|\bminimum\b|\bat least\b|\bdegree\b|\bresponsible for\b|"
    r"\bexperience (?:with|in|of|as|using|working)\b|\bknowledge of\b|\bproficien|\bfamiliarity\b|\bcertifi|"
    r"\bability to\b|\bunderstanding of\b|\bexpertise\b|\bpreferred\b|\ba plus\b|\bnice to have\b|"
    r"\byears?(?:'|’)? (?:of )?(?:\w+ ){0,3}experience\b",
    re.IGNORECASE,
)
_STRONG_MARKER_RE = _word_start_re(
    r"\bmust\b|\brequired\b|\bminimum\b|\bat least\b|\bdegree\b|\bcertifi|"
    r"\byears?(?:'|’)? (?:of )?(?:\w+ ){0,3}experience\b",
    re.IGNORECASE,
)
_YOU_WILL_RE = re.compile(r"\byou(?:'ll| will| would)(?: also)? (?:be )?([a-z]+)", re.IGNORECASE)

_BOILERPLATE_TEXT_RE = _word_start_re(
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

_HEADER_KEYS = ("title", "company", "location", "category", "posted", "url")
_HEADER_LINE_RE = re.compile(r"^(title|company|location|category|posted|url)\s*:\s*(.*)$", re.IGNORECASE)
_INLINE_HEADER_KEY_RE = re.compile(r"\b(Title|Company|Location|Category|Posted|URL):\s*")
_CITY_RE = re.compile(r"(?:remote|[A-Z][\w.' -]{1,40}?, [A-Z]{2}(?: \d{5})?)\b", re.IGNORECASE)
_JOB_NOUN_RE = re.compile(
    r"\b(?:engineer|developer|manager|accountant|specialist|analyst|coordinator|designer|assistant|director|"
    r"scientist|consultant|administrator|technician|representative|intern|architect|officer|nurse|teacher|clerk|"
    r"associate|programmer|writer|editor|advisor|adviser|agent|executive|supervisor|operator|recruiter|strategist|"
    r"auditor|controller|bookkeeper|cashier|driver|receptionist|secretary|therapist|pharmacist|physician|attorney|"
    r"paralegal|mechanic|electrician|planner|buyer|producer|researcher|tester|lead|head of)s?\b",
    re.IGNORECASE,
)

_GLYPH_BULLET_RE = re.compile(r"^(?:[•●○◦▪▫■□►▸‣⁃✓✔➢➤◆◇❖]\s*|[-*·–—]\s+|\d{1,2}[.)]\s+|[a-zA-Z]\)\s+)")
_INLINE_BULLET_RE = re.compile(r"\s[•●○◦▪▫■□►▸‣⁃✓✔➢➤◆◇❖]\s*")
_PRINT_STAMP_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b")
_PRINT_NOISE_INLINE_RE = re.compile(
    r"\s*\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b(?:\s+[^\s/]+){0,8}?\s+https?://\S+"
    r"(?:\s+\d{1,3}/\d{1,3}\b)?"
)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+(?:\s+\d{1,3}/\d{1,3})?$", re.IGNORECASE)
_PAGE_LINE_RE = re.compile(r"^(?:page\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.IGNORECASE)
_BOUNDARY_RE = re.compile(r"([.!?]+|[。！？])([\"')\]]*)(?:\s+|(?<=[!?])(?=[A-Z])|(?<=[。！？]))")
_MARK_SPLIT_RE = re.compile(r"(?:(?<=\(required\))|(?<=\(preferred\)))\s+(?=\S)", re.IGNORECASE)
_TOKEN_RE = re.compile(r"\S+")
_UNSPACED_SCRIPT_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_ALPHA_WORD_RE = re.compile(r"[A-Za-z']+")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+")
_TRACKING_CODE_RE = re.compile(r"#\S+|(?=[A-Z]*\d)[A-Z0-9]{5,}")
_WORD_RE = re.compile(r"[^\W_]+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SPACES_RE = re.compile(r"\s+")
_BAD_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_WORD_OR_SPACE_RE = re.compile(r"[\w\s]+")
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"), None),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u2033"), '"'),
    **dict.fromkeys(map(ord, "\r\f\v\u2028\u2029\x85"), "\n"),
    ord("\t"): " ",
}
_STRIP = "\"'()[]{}.,;:!?*"


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def analyze_posting(text: str) -> PostingAnalysis:
    """Split a job posting (structured or flattened to one line) into requirements.

    Raises InputError with a sentence for the user when the text is empty, too short to be a
    posting, or not text at all. Reads at most the first MAX_CHARS characters."""
    if not isinstance(text, str):
        raise InputError(NOT_TEXT_MESSAGE)
    text = text[:MAX_CHARS]
    if not text.strip():
        raise InputError(EMPTY_MESSAGE)
    if _looks_binary(text):
        raise InputError(NOT_TEXT_MESSAGE)
    text = _normalize(text)
    if not _has_words(text, 3):
        raise InputError(SHORT_MESSAGE)

    lines = _lines(text)
    dropped: list[str] = []
    header, lines = _take_header(lines, dropped)
    title = header.get("title", "")
    company = header.get("company", "")
    if not title:
        title, company, lines = _title_from_first_line(lines, company, dropped)

    segments = _segments(lines, dropped)
    sections = _sections(segments)
    requirements = _pick(sections, dropped)
    return PostingAnalysis(title=title, company=company, requirements=requirements, dropped=dropped)


# ---------------------------------------------------------------------------------------
# Checks and clean-up
# ---------------------------------------------------------------------------------------


def _looks_binary(text: str) -> bool:
    """Control or replacement characters, or too few letters, spaces and punctuation."""
    bad = len(_BAD_CHARS_RE.findall(text))
    if bad > 0.1 * len(text):
        return True
    rest = _WORD_OR_SPACE_RE.sub("", text)  # what is neither a word character nor a space
    punctuation = sum(1 for ch in rest if unicodedata.category(ch).startswith("P"))
    good = len(text) - len(rest) + punctuation
    return good < 0.6 * len(text)


def _has_words(text: str, count: int) -> bool:
    return any(found >= count for found, _ in enumerate(_WORD_RE.finditer(text), start=1))


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").translate(_TRANSLATE))
    text = text.translate(_TRANSLATE)  # NFKC can produce new curly quotes or separators
    return _CONTROL_RE.sub(" ", text)


def _lines(text: str) -> list[str]:
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    nonempty = [line for line in lines if line]
    # A PDF text layer with one word per line (Google Docs export): read it as one text.
    if len(nonempty) >= 30 and sum(1 for line in nonempty if " " not in line) >= 0.7 * len(nonempty):
        return [" ".join(nonempty)]
    return lines


def _take_header(lines: list[str], dropped: list[str]) -> tuple[dict[str, str], list[str]]:
    """The posting-site header ("Title: ...", "Company: ...", ...), on its own lines or run together."""
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index]:
        index += 1
    if index < len(lines) and lines[index].lower().startswith("title:"):
        first = lines[index]
        keys = list(_INLINE_HEADER_KEY_RE.finditer(first[:800]))
        if len(keys) >= 2 and keys[1].group(1).lower() == "company":
            rest = _parse_inline_header(first, keys, header)
            dropped.append(first[: len(first) - len(rest)].strip())
            return header, [rest, *lines[index + 1 :]]
    while index < len(lines):
        line = lines[index]
        match = _HEADER_LINE_RE.match(line)
        if match and match.group(1).lower() not in header and len(line) <= 300:
            header[match.group(1).lower()] = match.group(2).strip()
            dropped.append(line)
        elif line or not header:
            break
        index += 1
    return header, lines[index:]


def _parse_inline_header(line: str, keys: list[re.Match[str]], header: dict[str, str]) -> str:
    """Read "Title: X Company: Y Location: Z ..." at the start of a line; return the rest of the line."""
    order = [key.group(1).lower() for key in keys]
    used: list[re.Match[str]] = []
    for key, name in zip(keys, order, strict=True):
        expected = _HEADER_KEYS.index(name)
        if used and expected <= _HEADER_KEYS.index(used[-1].group(1).lower()):
            break
        used.append(key)
    for current, following in zip(used, used[1:], strict=False):
        header[current.group(1).lower()] = line[current.end() : following.start()].strip()
    last = used[-1]
    name = last.group(1).lower()
    tail = line[last.end() :]
    if name in ("url", "posted", "category"):
        value = tail.split(" ", 1)[0]
    elif name == "location" and (city := _CITY_RE.match(tail)):
        value = city.group(0)
    else:
        header[name] = ""
        return tail
    header[name] = value
    return tail[len(value) :].strip()


def _title_from_first_line(lines: list[str], company: str, dropped: list[str]) -> tuple[str, str, list[str]]:
    """A short first line that names a job ("Senior Data Engineer at Acme") is the title."""
    for index, line in enumerate(lines):
        if not line:
            continue
        label = re.match(r"(?:job title|position|role)\s*:\s*(.+)$", line, re.IGNORECASE)
        if label and len(label.group(1).split()) <= 12:
            dropped.append(line)
            return label.group(1).strip(), company, lines[index + 1 :]
        words = line.split()
        if (
            len(words) > 12
            or line[-1] in ".!?:,;"
            or _GLYPH_BULLET_RE.match(line)
            or not _JOB_NOUN_RE.search(line)
            or _classify_heading(line)
        ):
            return "", company, lines
        title = line
        at = re.match(r"(.+?)\s+(?:at|@)\s+([A-Z].+)$", line)
        if at:
            title = at.group(1).strip()
            company = company or at.group(2).strip()
        dropped.append(line)
        return title, company, lines[index + 1 :]
    return "", company, lines


# ---------------------------------------------------------------------------------------
# Segments: list items, paragraphs, headings
# ---------------------------------------------------------------------------------------


@dataclass
class _Segment:
    text: str
    glyph: bool = False  # a list item with a bullet glyph or number
    item: bool = False  # a short line of its own: a list item whose glyph was lost
    heading: bool = False  # a heading line
    leadin: bool = False  # a paragraph that introduces the list after it ("For this position, you should")


def _segments(lines: list[str], dropped: list[str]) -> list[_Segment]:
    segments: list[_Segment] = []
    blanks = 0
    for raw in lines:
        if not raw:
            blanks += 1
            continue
        line = raw
        if _PRINT_STAMP_RE.match(line) or _URL_LINE_RE.match(line) or _PAGE_LINE_RE.match(line):
            dropped.append(line)  # print header/footer or page number
            continue
        bullet = _GLYPH_BULLET_RE.match(line)
        if bullet and _YEARS_RE.match(line):  # "1 + years" is not a numbered item
            bullet = None
        if bullet:
            line = line[bullet.end() :].strip()
            if not line:
                continue
        previous = segments[-1] if segments else None
        if bullet is None:
            merge = previous is not None and not _line_heading(line) and _continues(previous, line, blanks)
        else:
            merge = previous is not None and previous.glyph and not blanks and _broken_item(previous.text, line)
        if merge and previous is not None:
            previous.text = _join(previous.text, line)
        else:
            heading = bullet is None and _line_heading(line)
            segments.append(_Segment(line, glyph=bullet is not None, heading=heading))
        blanks = 0
    for index, segment in enumerate(segments):
        if segment.glyph or segment.heading:
            continue
        words = len(segment.text.split())
        if words <= 12 and segment.text[-1] not in ".!?:;,":
            segment.item = True
        following = segments[index + 1] if index + 1 < len(segments) else None
        if following is not None and following.glyph and segment.text[-1] not in ".!?":
            segment.leadin = True
            segment.item = False
    return segments


def _line_heading(line: str) -> bool:
    words = line.split()
    if len(words) > 10 or _GLYPH_BULLET_RE.match(line):
        return False
    bare = line.rstrip(":").strip()
    if not bare or not (bare[0].isupper() or bare[0].isdigit()):
        return False
    if line.endswith(":") and not _URL_RE.search(line):
        return True
    if _heading_end(bare, 0, whole=True) == len(bare):
        return True
    return len(words) <= 6 and line[-1] not in ".!?," and _title_case(bare) and _classify_heading(bare) is not None


def _continues(previous: _Segment, line: str, blanks: int) -> bool:
    """A wrapped line of the previous paragraph or list item."""
    if previous.heading or previous.text[-1] in ".!?:" or blanks > 1:
        return False
    if line[0].islower() or line[0] in ",;)]&":
        return True
    if blanks:
        return False
    last = previous.text.rsplit(" ", 1)[-1].lower()
    return previous.text[-1] in ",(/&-" or last in _NO_CUT_AFTER - {"strong", "solid", "good", "senior", "lead"}


def _broken_item(previous: str, line: str) -> bool:
    """A list item the source broke in two ("..., Incident Management, Change" / "Management, case ...")."""
    if not previous or previous[-1] in ".!?:;)":
        return False
    first = line.split(" ", 1)[0]
    if first.lower() in {"and", "or", "with", "including", "as", "of", "to", "for", "in"}:
        return True
    if line[0].islower():
        return len(previous.split()) >= 4 and ":" not in line[:40]
    tail = previous.rsplit(",", 1)
    return (
        len(tail) == 2
        and len(tail[1].split()) <= 2
        and first.endswith(",")
        and first[0].isupper()
        and _opener(first) is None
        and _heading_end(line, 0) is None
    )


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right  # a word hyphenated at the line end keeps its hyphen ("cross-" + "device")
    return f"{left} {right}"


# ---------------------------------------------------------------------------------------
# Chunks and sections
# ---------------------------------------------------------------------------------------


@dataclass
class _Chunk:
    text: str
    bullet: bool


@dataclass
class _Section:
    heading: str
    kind: str
    chunks: list[_Chunk]


def _sections(segments: list[_Segment]) -> list[_Section]:
    sections = [_Section("", _NEUTRAL, [])]

    def open_section(label: str) -> None:
        label = label.strip().rstrip(":").strip()
        sections.append(_Section(label, _classify_heading(label) or _NEUTRAL, []))

    for segment in segments:
        if segment.heading:
            open_section(segment.text)
            continue
        chunks = list(_chunks(segment))
        for position, (text, bullet, first_of_item) in enumerate(chunks):
            rest = text
            for _ in range(3):  # a heading run such as "QUALIFICATIONS Education" or "EXPERIENCE: Essential:"
                if bullet and first_of_item:
                    label_end = None  # a list item is content, even "Enterprise Scheduler: Obsidian"
                elif segment.item:
                    label_end = _chunk_heading(rest, known_only=True)
                else:
                    label_end = _chunk_heading(rest)
                if label_end is None:
                    break
                label, rest = rest[: label_end[0]], rest[label_end[1] :].strip()
                open_section(label)
            if not rest:
                continue
            last = position == len(chunks) - 1
            if (not last or segment.leadin) and _is_leadin(rest):
                open_section(rest)
                continue
            sections[-1].chunks.append(_Chunk(rest, bullet or segment.item))
    return sections


def _chunks(segment: _Segment):
    """(text, bullet, first chunk of a list item) for each chunk of a segment."""
    text = _PRINT_NOISE_INLINE_RE.sub(" ", segment.text)
    text = _PRINT_STAMP_RE.sub(" ", text)
    pieces: list[str] = []
    for piece in _INLINE_BULLET_RE.split(f" {text} "):
        piece = piece.strip()
        if pieces and piece and _broken_item(pieces[-1], piece):
            pieces[-1] = _join(pieces[-1], piece)  # "... Incident Management, Change • Management, case ..."
        elif piece or not pieces:
            pieces.append(piece)
    for number, piece in enumerate(pieces):
        if not piece:
            continue
        bullet = segment.glyph if number == 0 else True
        first = True
        for sentence in _sentences(piece):
            for part in _MARK_SPLIT_RE.split(sentence):
                for chunk in _split_runon(part):
                    yield chunk, bullet, first
                    first = False


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        following = match.end()
        if following >= len(text) or text[following].islower():
            continue
        punctuation = match.group(1)
        if punctuation == ".":
            space = text.rfind(" ", start, match.start(1))
            word = text[space + 1 : match.end(1)].lower().lstrip("\"'([")
            if _is_abbreviation(word) and not (word == "etc." and _opener(_word_at(text, following)) is not None):
                continue
        out.append(text[start : match.end(2)].strip())
        start = following
    out.append(text[start:].strip())
    return [sentence for sentence in out if sentence]


def _is_abbreviation(word: str) -> bool:
    if word in _ABBREVIATIONS:
        return True
    return _DOTTED_RE.fullmatch(word) is not None  # "U.S.A.", an initial "J."


def _word_at(text: str, position: int) -> str:
    return text[position : position + 60].split(" ", 1)[0]


def _split_runon(text: str) -> list[str]:
    """Cut a flattened list where a heading or a requirement opener restarts without punctuation."""
    tokens = [(match.start(), match.group()) for match in _TOKEN_RE.finditer(text)]
    cuts = [0]
    for index in range(1, len(tokens)):
        if _cut_before(text, tokens, index):
            cuts.append(tokens[index][0])
    cuts.append(len(text))
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _cut_before(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    start, token = tokens[index]
    previous = tokens[index - 1][1]
    following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
    after = text[start + len(token) : start + len(token) + 40].lstrip()
    previous_bare = previous.lower().strip("\"'")
    if previous[-1] in ",;:(/&-–—" or previous_bare in {"and", "or", "of", "the", "a", "an", "to", "with", "&"}:
        return False
    if token[0].isupper() and _heading_end(text, start) is not None:
        return not _inside_label(text, tokens, index)
    if previous[-1] in ".!?" and previous_bare not in {"etc.", "etc"}:
        return False
    if previous_bare in {"on", "include", "includes", "including"} and token[0].isupper():
        core = token.lower().strip(_STRIP)
        return core.endswith("ing") and _verb(core) and _mentions_you(text[: tokens[index - 1][0]])
    if token[0].isupper() and _label_at(text, tokens, index):
        return True
    if token[0].isupper() and previous_bare in _REQUIREMENT_END and not _inside_label(text, tokens, index):
        return True  # "... office management role preferred Healthcare, retail ..."
    if previous_bare in _NO_CUT_AFTER:
        return False
    if token[-1] in ",:;" and not (previous[0].islower() and _verb(token.lower().strip(_STRIP))):
        return False  # "Client Support, Implementation" but "... customers Investigate, resolve, and ..."
    if previous[0].isupper() and (previous_bare in _QUALIFIERS or previous_bare.rstrip(".") in _DEGREE_ABBREVIATIONS):
        return False  # "Bachelor's Degree", "Strong Experience"
    kind = _opener(token, after)
    if kind is None:
        return _capital_restart(text, tokens, index)
    core = token.lower().strip(_STRIP)
    after_lower = previous[0].islower() or previous[0].isdigit() or previous[-1] in ")%" or previous_bare == "etc"
    following_lower = following[:1].islower()
    if kind == "years":
        return after_lower
    if kind == "function":
        return (after_lower or previous[-1] == ")") and following_lower
    if after_lower:
        if kind == "qualifier" and core in _STRONG_QUALIFIERS:
            return True
        if following_lower or not following:
            return True
        return core not in _AMBIGUOUS_VERBS and core not in {"certification", "certified", "advanced", "high"}
    if core in {"bachelor", "bachelor's", "bachelors", "master's"}:
        return True  # "... Azure DevOps Bachelor's Degree in ..."
    return following_lower and core not in _AMBIGUOUS_VERBS and core not in {"certification", "certified"}


def _capital_restart(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """A flattened list of noun phrases: "... AE products Financial analysis capability"."""
    token = tokens[index][1]
    previous = tokens[index - 1][1].rstrip(")")
    following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
    if following in {"and", "or", "&"}:  # "... analysis Energy and ability to ...", "Management and Supervisory"
        following = tokens[index + 2][1] if index + 2 < len(tokens) else ""
        if following[:1].isupper() and following[1:].islower():
            following = tokens[index + 3][1] if index + 3 < len(tokens) else ""
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
    if previous[0].isupper() and previous.lower().strip(_STRIP).rsplit("/", 1)[-1] in _HEADING_WORDS:
        return True
    end = _heading_end(text, tokens[index][0])
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
    return bool(label) and all(token[0].isupper() for token in label)


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
            and words[0].lower().strip(_STRIP) in _LABEL_STARTS | _HEADING_WORDS
            and not re.search(r"[.!?;,]", label)
            and (_title_case(label) or words[0].lower() in _LABEL_STARTS)
            and _classify_heading(label) is not None
        ):
            return first == index
    return False


def _mentions_you(text: str) -> bool:
    return re.search(r"\byou\b", text[-60:], re.IGNORECASE) is not None


def _opener(token: str, after: str = "") -> str | None:
    """Whether a capitalised word opens a requirement: "years", "verb", "qualifier", "function" or None.

    `after` is the text that follows the word."""
    if not token:
        return None
    following = after.split(" ", 1)[0]
    if token[0].isdigit():
        return "years" if _YEARS_RE.match(f"{token} {after}") else None
    if not token[0].isupper():
        return None
    core = token.lower().strip(_STRIP)
    if (core == "hands" and following.lower() == "on") or (
        core == "working" and following.lower().strip(_STRIP) in {"knowledge", "experience", "familiarity"}
    ):
        return "qualifier"
    if core in _QUALIFIERS or core.rstrip(".") in _DEGREE_ABBREVIATIONS:
        if core == "at" and following.lower() != "least":
            return None
        return "qualifier"
    if core == "at" and following.lower() == "least":
        return "qualifier"
    if _verb(core):
        return "verb"
    if core.endswith("ly") and len(core) > 4 and _verb(following.lower().strip(_STRIP)):
        return "verb"  # "Independently design ...", "Proactively identify ..."
    if core in _FUNCTION_OPENERS:
        return "function"
    return None


def _verb(word: str) -> bool:
    """A duty verb in its base, third-person or -ing form ("manage", "manages", "managing")."""
    if word in _VERBS:
        return True
    if word.endswith("ies") and word[:-3] + "y" in _VERBS:
        return True
    if word.endswith("es") and word[:-2] in _VERBS:
        return True
    if word.endswith("s") and word[:-1] in _VERBS:
        return True
    if word.endswith("ing"):
        stem = word[:-3]
        doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in _VERBS  # "planning"
        return stem in _VERBS or stem + "e" in _VERBS or doubled
    return False


def _heading_end(text: str, start: int, *, whole: bool = False) -> int | None:
    """Where a heading that starts at `start` ends, or None.

    A heading is a run of heading words ending in a key word ("Preferred Requirements"),
    written as a heading (Title Case or capitals) and followed by a colon, by a capitalised
    word or digit that starts its content, or (with `whole`) by the end of the text. Phrases
    such as "What you'll do" need only their first letter capitalised."""
    if not text[start : start + 1].isupper():
        return None
    candidates: list[int] = []
    phrase = _HEADING_PHRASE_RE.match(text, start)
    if phrase:
        candidates.append(phrase.end())
    match = _HEADING_RE.match(text, start)
    if match:
        for word in _ALPHA_WORD_RE.finditer(match.group()):
            lowered = word.group().lower()
            if lowered != "and" and not word.group()[0].isupper():
                break  # written as a heading only up to here
            if lowered in _HEADING_KEYS:
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
    joined = lowered[0] in {"&", "and"} and _title_case(" ".join(words[1:]))
    if not joined and not set(lowered) & {"you", "we", "your", "our", "you'll", "you're", "we're"}:
        return False
    after = rest[colon + 1 :].lstrip()
    return not after or after[0].isupper() or after[0].isdigit()


def _title_case(text: str) -> bool:
    small = {"and", "or", "of", "the", "to", "a", "an", "for", "in", "on", "with", "&"}
    words = [word for word in re.findall(r"[A-Za-z][\w'-]*", text) if word.lower() not in small]
    return bool(words) and all(word[0].isupper() for word in words)


def _chunk_heading(text: str, *, known_only: bool = False) -> tuple[int, int] | None:
    """(end of label, start of content) when the chunk starts with a heading, else None.

    With `known_only` (a short line of its own) only a label of a known kind counts."""
    colon = text.find(":", 0, 90)
    if colon > 0:
        label = text[:colon].strip()
        if known_only and _classify_heading(label) is None:
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
                and _opener(words[0], " ".join(words[1:])) in ("verb", "qualifier", "years")
                and not _HEADING_PHRASE_RE.match(label)
            )
            and not _URL_RE.search(text[: colon + 3])
            and not (label[-1].isdigit() and after[:1].isdigit())
            and (not after or not after[0].islower() or _classify_heading(label) is not None)
        ):
            return colon, colon + 1
    end = None if known_only else _heading_end(text, 0, whole=True)
    if end is not None:
        rest = text[end : end + 20]
        skip = len(rest) - len(rest.lstrip(" :"))
        return end, end + skip
    return None


def _is_leadin(text: str) -> bool:
    words = text.split()
    return len(words) <= 12 and text[-1] not in ".!?" and words[-1].lower().strip(_STRIP) in _LEADIN_END


def _classify_heading(label: str) -> str | None:
    label = label.strip().rstrip(":")
    if not label:
        return None
    if _BOILERPLATE_HEADING_RE.search(label):
        return _BOILERPLATE
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


# ---------------------------------------------------------------------------------------
# Picking and labelling requirements
# ---------------------------------------------------------------------------------------


def _pick(sections: list[_Section], dropped: list[str]) -> list[Requirement]:
    has_headings = any(section.kind in (REQUIRED, PREFERRED, RESPONSIBILITY) for section in sections)
    for section in sections:
        if section.kind == _NEUTRAL and _mostly_requirements(section):
            verbs = sum(1 for chunk in section.chunks if _opener(_first_word(chunk.text)) == "verb")
            section.kind = RESPONSIBILITY if verbs * 2 >= len(section.chunks) else REQUIRED

    requirements: list[Requirement] = []
    seen: set[str] = set()
    for section in sections:
        for chunk in section.chunks:
            text = _clean(chunk.text)
            if len(text) > MAX_REQUIREMENT_CHARS or not _keep(text, chunk.bullet, section.kind, has_headings):
                dropped.append(text)
                continue
            for piece in _split_long(text):
                key = piece.casefold()
                if key in seen:
                    continue
                seen.add(key)
                kind = _kind(piece, section.kind)
                weight = PREFERRED_WEIGHT if kind == PREFERRED else REQUIRED_WEIGHT
                requirements.append(Requirement(piece, kind, section.heading, weight))
    return requirements


def _mostly_requirements(section: _Section) -> bool:
    chunks = [
        chunk for chunk in section.chunks if len(chunk.text) <= MAX_REQUIREMENT_CHARS and not _boilerplate(chunk.text)
    ]
    if len(chunks) < 2:
        return False
    looking = sum(1 for chunk in chunks if _reads_like_requirement(chunk.text))
    return looking >= 0.6 * len(chunks)


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _clean(text: str) -> str:
    text = _GLYPH_BULLET_RE.sub("", text.strip()) if _GLYPH_BULLET_RE.match(text.strip()) else text.strip()
    text = re.sub(r"\s+,\s*", ", ", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return text.rstrip(":;,-– ").strip()


def _keep(text: str, bullet: bool, kind: str, has_headings: bool) -> bool:
    if not _LETTER_RE.search(text) or _boilerplate(text) or text.endswith("?"):
        return False
    if kind == _BOILERPLATE:
        return False
    if _word_count(text) < 2 and not (bullet and kind in (REQUIRED, PREFERRED)):
        return False
    if _TRACKING_CODE_RE.fullmatch(text):
        return False  # a tracking code such as "#GLBAAPSUS" or "AMERKMT1"
    if _URL_RE.search(text) and len(_URL_RE.sub("", text).split()) < 3:
        return False
    reads_like = _reads_like_requirement(text)
    if _COMPANY_VOICE_RE.search(text) and not (
        _opens_requirement(text) or _STRONG_MARKER_RE.search(text) or _WE_NEED_RE.search(text)
    ):
        return False  # about the company: "We are the engine of ...", "Our people are ..."
    if _DESCRIPTIVE_START_RE.match(text) and not (
        _STRONG_MARKER_RE.search(text) or re.search(r"\bresponsible for\b|\brequires\b", text, re.IGNORECASE)
    ):
        return False  # "The team works globally ...", "These products will likely ..."
    return reads_like or kind != _NEUTRAL or not has_headings


def _word_count(text: str) -> int:
    """Words, counting two characters of a script written without spaces (Chinese, Japanese) as one."""
    unspaced = len(_UNSPACED_SCRIPT_RE.findall(text))
    return len(text.split()) + unspaced // 2


def _boilerplate(text: str) -> bool:
    return _BOILERPLATE_TEXT_RE.search(text) is not None


def _opens_requirement(text: str) -> bool:
    first, _, after = text.partition(" ")
    return _opener(first, after) not in (None, "function")


def _reads_like_requirement(text: str) -> bool:
    if _opens_requirement(text):
        return True
    if _MARKER_RE.search(text):
        return True
    you = _YOU_WILL_RE.search(text)
    return you is not None and (_verb(you.group(1).lower()) or you.group(1).lower() in {"need", "have", "bring"})


def _kind(text: str, section_kind: str) -> str:
    if _says_preferred(text) or section_kind == PREFERRED:
        return PREFERRED
    words = text.split()
    verb = _opener(words[0], words[1] if len(words) > 1 else "") == "verb"
    if section_kind == REQUIRED:
        return REQUIRED
    qualification = _qualification_start(text)
    if section_kind == RESPONSIBILITY:
        return REQUIRED if qualification and not verb else RESPONSIBILITY
    if verb or re.search(r"\bresponsible for\b", text, re.IGNORECASE) or _YOU_WILL_RE.search(text):
        return REQUIRED if qualification and not verb else RESPONSIBILITY
    return REQUIRED


def _qualification_start(text: str) -> bool:
    words = text.split()
    first = _opener(words[0], words[1] if len(words) > 1 else "")
    if first in ("qualifier", "years"):
        return True
    return _QUALIFICATION_TEXT_RE.search(text) is not None and first != "verb"


def _says_preferred(text: str) -> bool:
    matches = list(_PREFERRED_TEXT_RE.finditer(text))
    if not matches:
        return False
    if len(matches) == 1 and matches[0].group().lower() == "preferred" and _PREFERRED_QUALIFIER_RE.search(text):
        before = text[: text.rfind(",")]
        return len(before.split()) < 4  # "Python, Go preferred" is preferred; "cloud, Azure preferred" is not
    return True


def _split_long(text: str) -> list[str]:
    """Requirements over LONG_REQUIREMENT_WORDS words are cut at sentence ends, then at semicolons."""
    if len(text.split()) <= LONG_REQUIREMENT_WORDS:
        return [text]
    pieces = _sentences(text)
    if len(pieces) == 1:
        pieces = [piece.strip() for piece in text.split(";")]
    return [piece for piece in pieces if piece]
