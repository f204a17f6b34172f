"""Lines -> the contact block: name, headline, email, phone, links, location.

Templates put contact details at the top, in a sidebar or (Reactive-Resume's
ditto) last in the text layer, so email, phone and links are looked for in the
whole first page; the name is the largest name-shaped line there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_app.core.model import Contact, Location, Profile
from resume_app.parsing.lines import Line
from resume_app.parsing.location import find_place
from resume_app.parsing.sections import heading_kind
from resume_app.parsing.vocabulary import TITLE_WORDS

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# An address without a top-level domain ("jane.doe@university": campus and company mail
# typed short) counts only as a whole field of a contact line, never inside other text.
_BARE_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+$")
# A phone number is a stretch of digits, spaces and ()+-. between the separators of a
# contact line: "(555) 123-4567", "+1-123-456-7890", "(+82) 10-9030-1843", "206.555.0149",
# with the last digits masked in a public copy ("+49 176 313 *** **").
_CONTACT_SEPARATORS = re.compile(r"\t|\s{2,}|\s[|•·●▪◆∙,;/]\s|[|•·●▪◆∙]|\n")
# A label may stand before it: "Tel.", "Mobile:", or one letter (moderncv's "M", "T").
_PHONE_CHARACTERS = re.compile(
    r"^(?:(?:phone|tel|mobile|cell|ph)\.?:?\s*|[A-Za-z]{1,10}\.?:?\s+)?([+(]{0,2}[\d][\d\s().+*-]{5,}[\d*])$", re.I
)
URL = re.compile(
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|io|dev|me|co|ai|app|edu|info|xyz|tech|page|site|us|uk|de|in)"
    r"(?:/[^\s|,;]*)?",
    re.IGNORECASE,
)
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "stackoverflow.com": "StackOverflow",
    "twitter.com": "Twitter",
    "x.com": "X",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "medium.com": "Medium",
}
_NAME_LINE_FIELDS = re.compile(r"\t|\s+\|\s+")
# A capitalised word of letters in any script's Latin extensions ("Wiśniewski", "Çelik",
# "Dvořák": names from Central Europe and Turkey are outside Latin-1), or an initial.
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.-])*$")


# Words that name the document, not the person: a caption above the name ("Functional
# Resume Sample", "Curriculum Vitae").
_DOCUMENT_WORDS = frozenset("resume résumé cv curriculum vitae sample template".split())


@dataclass
class ContactGuess:
    contact: Contact
    # Field name -> how sure we are (0..1).
    confidence: dict[str, float] = field(default_factory=dict)


def looks_like_name(text: str) -> bool:
    words = text.replace("\t", " ").split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    lowered = {word.lower() for word in words}
    if heading_kind(text) is not None or lowered & TITLE_WORDS or lowered & _DOCUMENT_WORDS:
        return False
    return all((_NAME_WORD.match(word) and word[0].isupper()) or word.isupper() for word in words)


# "Jan Küster Resume", "MARIA LOPEZ - CV": the document's title after the name.
_DOCUMENT_TITLE = re.compile(r"[\s,:–—-]+(?:resume|résumé|cv|curriculum vitae)\s*$", re.IGNORECASE)


def _without_document_title(field: str) -> str:
    return _DOCUMENT_TITLE.sub("", field.strip())


def _name(lines: list[Line]) -> tuple[str, float]:
    first_page = [line for line in lines if line.page == lines[0].page] if lines else []
    # The name may share its line with other text: "Sourabh Bajaj \t Email: ...", or a
    # headline after a pipe ("José Álvarez | Registered Nurse": moderncv banking).
    candidates = [
        (index, line, field)
        for index, line in enumerate(first_page[:60])
        for field in map(_without_document_title, _NAME_LINE_FIELDS.split(line.text))
        if looks_like_name(field)
    ]
    if not candidates:
        return "", 0.0
    if len({line.size for _, line, _ in candidates}) > 1:
        index, best, field = max(candidates, key=lambda candidate: (candidate[1].size, -candidate[0]))
        confidence = 0.95
    else:
        index, best, field = candidates[0]
        confidence = 0.9 if index <= 2 else 0.6
    name = " ".join(field.split())
    # "JOHN SMITH" -> "John Smith": people write their name in caps for looks.
    if name.isupper():
        name = name.title()
    return name, confidence


# A headline names a role or a trade in a few words ("Registered Nurse", "DevOps Engineer ·
# Software Architect"); a longer line under the name is an unheaded summary.
_HEADLINE_MAX_WORDS = 8
_HEADLINE_SEPARATORS = re.compile(r"\s[|·•/]\s|\t")
_NETWORK_NAMES = frozenset(name.lower() for name in [*_NETWORKS.values(), "Xing", "Website", "Portfolio"])
_SMALL_WORDS = frozenset("a an and the of to in for with at on by or".split())
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|I'm|I've)\b")


def _is_headline(text: str) -> bool:
    words = [word for word in _HEADLINE_SEPARATORS.sub(" ", text).split() if any(ch.isalpha() for ch in word)]
    if not 1 <= len(words) <= _HEADLINE_MAX_WORDS or text.rstrip().endswith((".", ":", ",")):
        return False
    if any(ch.isdigit() for ch in text) or "@" in text or URL.search(text) or heading_kind(text) is not None:
        return False
    # A username ("johndoe"), a sentence about oneself ("I create ..."), a labelled value
    # ("LinkedIn: jane") or a list of networks ("LinkedIn · GitHub") is none.
    if not any(ch.isupper() for ch in text) or _FIRST_PERSON.search(text) or ":" in text:
        return False
    if {word.lower() for word in re.findall(r"\w+", text)} & _NETWORK_NAMES:
        return False
    place = find_place(text)
    # "Seattle, WA" or "London, UK": where the person lives, not what they do.
    return not (place and len(place.group(0)) >= 0.6 * len(text.strip()))


def _headline(lines: list[Line], name: str) -> str:
    """The headline of the name: the rest of the name's own line ("Justin Time \t Assistant
    to the Traveling Secretary"), or the line right after it, when it names a role in a few
    words and is no contact data. Empty when nothing reads as one."""
    if not name:
        return ""
    wanted = name.lower()
    for index, line in enumerate(lines[:60]):
        fields = _NAME_LINE_FIELDS.split(line.text)
        name_field = next((f for f in fields if " ".join(_without_document_title(f).split()).lower() == wanted), None)
        if name_field is None:
            continue
        rest = line.text[line.text.index(name_field) + len(name_field) :].strip()
        if rest.strip("|·•"):
            # One that ends on a separator or a small word wrapped on ("DevOps Engineer ·" /
            # "Software Architect"): not taken in part.
            wrapped = rest.endswith(("|", "·", "•", ",", "&", "-", "/")) or rest.split()[-1].lower() in _SMALL_WORDS
            # A headline-like line right below may be the rest of it, wrapped: then neither is taken.
            below = lines[index + 1] if index + 1 < len(lines) else None
            wrapped = wrapped or (below is not None and below.page == line.page and _is_headline(below.text))
            wrapped = wrapped or _across_columns(line, rest)
            rest = rest.strip(" \t|·•")
            return " ".join(rest.split()) if _is_headline(rest) and not wrapped else ""
        following = lines[index + 1 : index + 3]
        if not following or following[0].page != line.page or not _is_headline(following[0].text):
            return ""
        # The first line of a paragraph that goes on below ("... templates in" / "LaTeX and ...").
        after = following[1].text if len(following) == 2 else ""
        if after[:1].islower() and "@" not in after and not URL.search(after):
            return ""
        return " ".join(following[0].text.replace("\t", " | ").split())
    return ""


def _across_columns(line: Line, rest: str) -> bool:
    """Whether `rest` of a PDF line lies far right of the name, in a column of its own (a
    contact block beside the name: "Aisha Rahman \t Leeds, West Yorkshire")."""
    spans = sorted(line.spans, key=lambda span: span.x0)
    start = rest.strip(" \t|·•")[:12]
    for previous, span in zip(spans, spans[1:], strict=False):
        if span.text.startswith(start):
            return span.x0 - previous.x1 > 1.5 * (line.size or 10)
    return False


def _phone(text: str) -> str:
    for segment in _CONTACT_SEPARATORS.split(text):
        match = _PHONE_CHARACTERS.match(segment.strip())
        if not match:
            continue
        candidate = match.group(1)
        digits = re.sub(r"\D", "", candidate)
        # A year range ("2019 - 2021") or a postal code is not a phone number.
        if 7 <= len(digits) <= 15 and not re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)\d\d", candidate):
            return candidate
    return ""


def _bare_email(text: str) -> str:
    for segment in _CONTACT_SEPARATORS.split(text):
        if _BARE_EMAIL.match(segment.strip()):
            return segment.strip()
    return ""


def _links(text: str, email: str) -> tuple[str, list[Profile]]:
    website = ""
    profiles: list[Profile] = []
    for match in URL.finditer(text):
        url = match.group(0).rstrip(".)")
        if email and url in email:
            continue
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0].lower()
        network = next((name for domain, name in _NETWORKS.items() if host.endswith(domain)), None)
        if network:
            path = [part for part in re.sub(r"^(?:https?://)?[^/]+", "", url).split("/") if part]
            username = path[-1] if path else ""
            if not any(profile.network == network for profile in profiles):
                profiles.append(Profile(network=network, username=username, url=url))
        elif not website and "@" not in url:
            website = url
    return website, profiles


def _named_profiles(lines: list[Line], known: list[Profile]) -> list[Profile]:
    """Profiles shown as a network name beside a username ("johndoe" / "LinkedIn"), as
    sidebars do when the link itself is hidden behind an icon."""
    networks = {name.lower(): name for name in _NETWORKS.values()}
    texts = [line.text.strip() for line in lines]
    found = list(known)
    for index, text in enumerate(texts):
        network = networks.get(text.lower())
        if not network or any(profile.network == network for profile in found):
            continue
        neighbours = [texts[i] for i in (index - 1, index + 1) if 0 <= i < len(texts)]
        username = next(
            (word for word in neighbours if re.fullmatch(r"@?[\w.-]{2,40}", word) and word.lower() not in networks),
            "",
        )
        found.append(Profile(network=network, username=username.lstrip("@")))
    return found


def extract_contact(header: list[Line], lines: list[Line]) -> ContactGuess:
    """Contact details from the header lines (before the first heading) and the first page."""
    contact = Contact()
    confidence: dict[str, float] = {}
    contact.name, confidence["name"] = _name(lines)
    contact.label = _headline(lines, contact.name)
    if contact.label:
        # Told apart from a summary's first line by its length alone: the person checks it.
        confidence["label"] = 0.6
    first_page = [line for line in lines if lines and line.page == lines[0].page]
    search_text = "\n".join(line.text for line in (header or first_page[:15]))
    page_text = "\n".join(line.text for line in first_page)
    email = EMAIL.search(search_text) or EMAIL.search(page_text)
    if email:
        contact.email, confidence["email"] = email.group(0), 0.95
    else:
        contact.email = _bare_email(search_text)
        if contact.email:
            confidence["email"] = 0.7
    # (Replacing "" would put a space between every character.)
    search_rest, page_rest = (
        (text.replace(contact.email, " ") for text in (search_text, page_text))
        if contact.email
        else (search_text, page_text)
    )
    phone = _phone(search_rest) or _phone(page_rest)
    if phone:
        contact.phone, confidence["phone"] = phone, 0.85
    contact.url, contact.profiles = _links(search_text, contact.email)
    contact.profiles = _named_profiles(header, contact.profiles)
    if contact.url:
        confidence["url"] = 0.8
    location = find_place(search_text.replace(contact.name, " "))
    if location:
        contact.location = Location(
            city=location.group(1), region=location.group(2), postal_code=location.group(3) or ""
        )
        confidence["city"] = 0.7
    return ContactGuess(contact, confidence)
