"""Lines -> the resume's sections, by heading wording and typography.

A heading is a short line on its own that names a section ("Work History",
"TECHNICAL SKILLS", "E X P E R I E N C E"). Wording decides the kind; typography
(bold, capitals, a larger size than the body) lets an unknown heading still
start a section of its own, so its lines don't leak into the one before.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from resume_app.parsing import tuning
from resume_app.parsing.lines import Line

# Heading words -> JSON Resume section. Checked in order: the first match wins, so
# "Volunteer Experience" is volunteer before "experience" makes it work.
_HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "contact",
        ("profiles", "contact", "personal information", "personal details", "social", "links", "online presence"),
    ),
    # Activities (clubs, societies: "Activities and Honors", "Campus Activities") are kept as
    # JSON Resume keeps them, as volunteer entries with their own bullets.
    (
        "volunteer",
        (
            "volunteer",
            "community involvement",
            "campus",
            "involvement",
            "community service",
            "activities",
            "extracurricular",
        ),
    ),
    ("projects", ("project",)),
    ("education", ("education", "academic background", "academics", "qualifications academic", "schooling")),
    (
        "skills",
        (
            "skill",
            "competenc",
            "technologies",
            "technical proficienc",
            "tools",
            "expertise",
            "strengths",
            "tech stack",
            "proficiencies",
            "methodolog",
        ),
    ),
    ("certificates", ("certificat", "licens", "credential")),
    ("awards", ("award", "honor", "honour", "achievement", "distinction", "scholarship")),
    ("publications", ("publication", "papers", "research output")),
    ("languages", ("language",)),
    ("interests", ("interest", "hobbies", "hobby")),
    ("references", ("reference",)),
    (
        "work",
        (
            "experience",
            "employment",
            "work history",
            "career history",
            "professional history",
            "positions",
            "internships",
            "internship",
            "leadership",
            # Service in the armed forces is employment ("Military Service", "Military Experience").
            "military",
        ),
    ),
    ("summary", ("summary", "profile", "objective", "about me", "about", "overview", "personal statement")),
)
# Every word that appears in section headings. A line in body type counts as a heading
# only when all its words are heading words: "Experience", "Technical Skills", but not
# "Web Technologies" (a skill group) or "Project Lead" (a role).
_HEADING_VOCABULARY = frozenset(
    """experience experiences work professional relevant employment history career internships internship
    leadership skills skill technical core competencies competency key tools technologies technology
    expertise strengths proficiencies education academic academics background qualifications projects
    project personal selected certifications certificates certification licenses licences credentials
    awards honors honours achievements distinctions scholarships publications papers research languages
    language interests hobbies references volunteer volunteering community involvement campus service
    summary profile profiles objective career about me overview statement contact information details
    social links and & other additional activities extracurricular patents talks presentations courses
    coursework significant training highlights teaching military affiliations memberships methodology
    methodologies""".split()
)
# Headings of sections we keep out of the structured resume (talks, patents...).
_OTHER_HEADINGS = ("patent", "talk", "presentation", "conference", "course", "additional", "misc")
_MAX_HEADING_WORDS = 5
# Headings set with CSS letter-spacing ("E X P E R I E N C E"): every letter its own word.
_LETTER_SPACED = re.compile(r"^(?:[\w&] ){2,}[\w&]$")


@dataclass
class Section:
    kind: str  # a JSON Resume key, "summary", or "other"
    heading: str
    lines: list[Line] = field(default_factory=list)
    heading_line: Line | None = None


def unspaced(text: str) -> str:
    """A letter-spaced heading as words: "W O R K E X P E R I E N C E" -> "WORK EXPERIENCE".

    The text layer keeps one space per letter gap; the gap between words is either lost
    (then the letters are cut back into words of the heading vocabulary where they can
    be) or wide enough to read as a tab ("C O R E\tS K I L L S"). Any other text comes
    back as it was.
    """
    text = text.strip()
    groups = [group.strip() for group in re.split(r"\t| {2,}", text) if group.strip()]
    if not groups or not all(_LETTER_SPACED.match(group) for group in groups):
        return text
    return " ".join(_vocabulary_words(group.replace(" ", "")) for group in groups)


def _vocabulary_words(letters: str) -> str:
    """Letters cut into the fewest heading-vocabulary words ("WORKEXPERIENCE" -> "WORK
    EXPERIENCE"), or left whole when they cannot be."""
    lower = letters.lower()
    # best[i]: the fewest vocabulary words that spell lower[:i] (None: none do).
    best: list[list[int] | None] = [[]] + [None] * len(lower)
    for end in range(1, len(lower) + 1):
        for start in range(end):
            before = best[start]
            if before is not None and lower[start:end] in _HEADING_VOCABULARY:
                current = best[end]
                if current is None or len(before) + 1 < len(current):
                    best[end] = [*before, end]
    cuts = best[-1]
    if not cuts:
        return letters
    return " ".join(letters[a:b] for a, b in zip([0, *cuts], cuts, strict=False))


def _normalised(text: str) -> str:
    text = unspaced(text.strip().strip(":").strip())
    return re.sub(r"[^a-z& ]+", " ", text.lower()).strip()


def heading_kind(text: str) -> str | None:
    """The section a heading's wording names, "other" for a known non-resume heading, else None."""
    words = _normalised(text)
    if not words or len(words.split()) > _MAX_HEADING_WORDS:
        return None
    for kind, stems in _HEADING_WORDS:
        if any(stem in words for stem in stems):
            return kind
    if any(stem in words for stem in _OTHER_HEADINGS):
        return "other"
    return None


def body_font_size(lines: list[Line]) -> float:
    sizes = [round(line.size, 1) for line in lines if line.size]
    return statistics.mode(sizes) if sizes else 0.0


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Typography alone: short, on its own, and set apart (caps, bold or larger)."""
    text = unspaced(line.text)
    if line.bullet or not text or "\t" in text or len(text.split()) > _MAX_HEADING_WORDS or text.endswith((".", ",")):
        return False
    if any(ch.isdigit() for ch in text) or "@" in text:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    all_caps = len(letters) >= 3 and all(ch.isupper() for ch in letters)
    larger = bool(body_size and line.size >= body_size * tuning.HEADING_SIZE_RATIO)
    return all_caps or larger or (line.bold and line.style.lower().startswith("heading"))


def is_heading_phrase(text: str) -> bool:
    words = _normalised(text).split()
    return bool(words) and all(word in _HEADING_VOCABULARY for word in words)


def _set_apart_headings(lines: list[Line], body_size: float) -> set[tuple[bool, float]]:
    """The typography (bold, size) of the document's headings, when every line that both
    names a section and looks like a heading is set apart (capitals or larger type) and
    there are two or more: a Word resume whose headings are bold Normal paragraphs in
    capitals ("SKILLS", "EDUCATION"). Empty when the document shows no such habit."""
    styled = [
        line for line in lines if not line.bullet and heading_kind(line.text) and _looks_like_heading(line, body_size)
    ]
    if len(styled) < 2 or not all(_is_set_apart(line, body_size) for line in styled):
        return set()
    return {(line.bold, round(line.size, 1)) for line in styled}


def _is_set_apart(line: Line, body_size: float) -> bool:
    letters = [ch for ch in line.text if ch.isalpha()]
    all_caps = line.caps or (len(letters) >= 3 and all(ch.isupper() for ch in letters))
    return all_caps or bool(body_size and line.size >= body_size * tuning.HEADING_SIZE_RATIO)


def _like_headings(line: Line, styles: set[tuple[bool, float]], body_size: float = 0.0) -> bool:
    """Set like the document's headings: their weight and size, and (they being set apart)
    set apart too, so a bold job title in Word's "Heading 3" under capitals headings
    ("Contractor – Web Development" under "WORK EXPERIENCE") stays in its section."""
    if not styles:
        return True
    return (line.bold, round(line.size, 1)) in styles and (not body_size or _is_set_apart(line, body_size))


def split_sections(lines: list[Line]) -> tuple[list[Line], list[Section]]:
    """The lines before the first heading (name and contact), and the sections after it."""
    body_size = body_font_size(lines)
    # Where the headings share one set-apart typography (Word resumes with bold Normal
    # headings, docx_table_sidebar), a line in other type is content even when it is in
    # capitals ("PHP", "JIRA" in a skills list) or names a section ("Tools", "Languages"
    # as a skill group's name in a sidebar).
    styles = _set_apart_headings(lines, body_size)
    header: list[Line] = []
    sections: list[Section] = []
    known_looks = {
        _typography(line)
        for line in lines
        if not line.bullet and heading_kind(line.text) is not None and _looks_like_heading(line, body_size)
    }
    # Whether the header has reached the contact details, found once per header line (asking
    # again over the whole header for every line was quadratic on a long header).
    contact_seen, checked = False, 0
    for line in lines:
        if not sections:
            line = _heading_beside_contact(line, header)
            while not contact_seen and checked < len(header):
                contact_seen, checked = _is_contact_line(header[checked]), checked + 1
        kind = heading_kind(line.text) if not line.bullet else None
        current = sections[-1].kind if sections else None
        # In body type, a heading phrase of the section we are in ("Tools" among skills)
        # is a line of that section, not a new one; so, among skills, is one set unlike the
        # headings ("Languages" naming a group of programming languages). Elsewhere a bold
        # body-type phrase is a sub-heading ("Volunteering" under "Activities and Honors").
        plain_heading = (
            kind is not None
            and kind != current
            and is_heading_phrase(line.text)
            and _is_heading_shaped(line, body_size)
            and (current != "skills" or _like_headings(line, styles))
        )
        if kind is not None and (_looks_like_heading(line, body_size) or plain_heading):
            sections.append(Section(kind, line.text.strip(), heading_line=line))
        elif (
            kind is None
            and (sections or (contact_seen and _typography(line) in known_looks))
            and _looks_like_heading(line, body_size)
            and _is_section_break(line, body_size, known_looks)
            and _like_headings(line, styles, body_size)
        ):
            sections.append(Section("other", line.text.strip(), heading_line=line))
        elif sections:
            sections[-1].lines.append(line)
        else:
            header.append(line)
    return header, sections


_PHONE_DIGITS = re.compile(r"\d[\d\s().+-]{6,}\d")
_CONTACT_FIELD = re.compile(
    r"@|https?://|www\.|\.(?:com|org|net|io|dev|me)\b|^\+?\(?\d[\d\s().-]{6,}\d$"
    r"|^(?:linkedin|github|gitlab|twitter|x|website|web|portfolio|phone|tel|mobile|email)\s*:",
    re.IGNORECASE,
)


def _heading_beside_contact(line: Line, header: list[Line]) -> Line:
    """The first heading on the row of a right-aligned contact block that runs down beside it
    ("CORE SKILLS \t GitHub: rendercv"): the contact field goes to the header, the heading
    stays a line of its own."""
    columns = line.text.split("\t")
    contact = 0  # how many columns at the end are contact fields
    while contact < len(columns) - 1 and _CONTACT_FIELD.search(columns[-1 - contact].strip()):
        contact += 1
    # A letter-spaced heading may itself be cut into columns ("C O R E \t S K I L L S").
    heading = " ".join(column.strip() for column in columns[: len(columns) - contact])
    if not contact or heading_kind(heading) is None:
        return line
    header.append(Line(**{**line.__dict__, "text": "\t".join(columns[-contact:]).strip(), "spans": []}))
    return Line(**{**line.__dict__, "text": heading, "spans": []})


def _is_contact_line(line: Line) -> bool:
    """Does this header line hold contact details (an email address or a phone number)? After
    them, an unknown heading set exactly like the known ones opens a section (a functional
    resume's first skill group, "Communication"), where above them it may be the name."""
    return "@" in line.text or bool(_PHONE_DIGITS.search(line.text))


def _is_heading_shaped(line: Line, body_size: float) -> bool:
    """A line that is only a known heading phrase counts even in plain body type ("Experience")."""
    text = unspaced(line.text).rstrip(":")
    return 0 < len(text.split()) <= 3 and text[:1].isupper() and line.size >= body_size * 0.95


def _typography(line: Line) -> tuple[float, bool]:
    return round(line.size, 1), line.bold


def _is_section_break(line: Line, body_size: float, known_looks: set[tuple[float, bool]]) -> bool:
    """An unknown all-caps or large line only starts a section when it is a Word heading style,
    or set like the document's known headings (or, with none known, bold or clearly bigger), so
    a company name in capitals does not cut an entry in two, nor "SQL" or "NYC, NY" in a sidebar
    list of single words (two-column resumes printed from HTML) start sections of their own."""
    if line.style.lower().startswith("heading"):
        return True
    if not line.size:
        return False
    if known_looks:
        return _typography(line) in known_looks
    return line.bold or line.size >= body_size * tuning.HEADING_SIZE_RATIO
