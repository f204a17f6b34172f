"""Keywords of a posting, and which of them a text contains.

A keyword is matched by stems, so "manage" finds "managed" and "management", and by
any spelling of the same skill in aliases.py: an acronym finds its expansion ("SRE" /
"site reliability engineering"), "k8s" finds "Kubernetes" and back. Terms come
from a small lexicon of multi-word skills and acronyms, from technical-looking
tokens (C#, Node.js, Kubernetes: a capitalised word that is not plain English), and
from content-word pairs the posting repeats ("financial statements").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from resume_app.matching.aliases import alias_groups
from resume_app.parsing.vocabulary import english_words

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[./-][A-Za-z0-9+#]+)*[+#]*|\.[A-Za-z]+")
_STEMMER = snowballstemmer.stemmer("english")

# Multi-word skills worth matching as one term.
PHRASES = (
    "machine learning",
    "deep learning",
    "data analysis",
    "data engineering",
    "data warehouse",
    "data pipeline",
    "project management",
    "product management",
    "customer service",
    "accounts payable",
    "accounts receivable",
    "general ledger",
    "financial statements",
    "financial reporting",
    "month end close",
    "account reconciliation",
    "tax returns",
    "microsoft office",
    "active directory",
    "help desk",
    "technical support",
    "version control",
    "unit testing",
    "test automation",
    "continuous integration",
    "continuous delivery",
    "infrastructure as code",
    "site reliability engineering",
    "web services",
    "rest api",
    "object oriented",
    "full stack",
    "front end",
    "back end",
    "user experience",
    "agile",
    "scrum",
    "stakeholder management",
    "root cause analysis",
    "patient care",
    "medical records",
    "front desk",
    "data entry",
    "supply chain",
    "social media",
    "go to market",
    "business intelligence",
    "power bi",
    "sql server",
    "cloud computing",
)
_STOP = frozenset(
    """a an the and or of for to in on at by with from as is are be this that these those we you our your
    will can may must should would their they it its into across within about over under such other more
    most any all each per via including include includes etc e.g i.e who what when where which while able
    ability experience years year work working strong excellent good great knowledge skills skill team
    teams job role position candidate candidates company responsibilities requirements qualifications
    preferred required plus bonus including using use used new well also both either one two three""".split()
)
# Upper-case words that are not skills.
_NOT_ACRONYMS = frozenset({"I", "A", "US", "USA", "EEO", "EOE", "OR", "AND", "THE", "TO", "OF", "IN", "LLC", "INC"})


@dataclass(frozen=True)
class Keyword:
    term: str  # as shown to the person
    forms: tuple[tuple[str, ...], ...]  # stem sequences that count as a mention
    weight: float = 1.0


@cache
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def stems(text: str) -> list[str]:
    return [stem(token) for token in tokens(text)]


# A hyphen between letters, read also as a space: "month-end close" mentions "month end close".
_WORD_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def _unhyphenated(text: str) -> str:
    return _WORD_HYPHEN.sub(" ", text)  # same length: character offsets stay valid


@cache
def _alias_index() -> dict[tuple[str, ...], int]:
    """Stem sequence of every spelling in aliases.py -> the number of its group."""
    index: dict[tuple[str, ...], int] = {}
    for number, group in enumerate(alias_groups()):
        for spelling in group:
            for form in (tuple(stems(spelling)), tuple(stems(_unhyphenated(spelling)))):
                if form:
                    index.setdefault(form, number)
    return index


@cache
def _alias_forms() -> dict[int, frozenset[tuple[str, ...]]]:
    forms: dict[int, set[tuple[str, ...]]] = {}
    for form, number in _alias_index().items():
        forms.setdefault(number, set()).add(form)
    return {number: frozenset(group) for number, group in forms.items()}


def _forms(term: str) -> tuple[tuple[str, ...], ...]:
    forms = {tuple(stems(term)), tuple(stems(_unhyphenated(term)))}
    for form in list(forms):
        group = _alias_index().get(form)
        if group is not None:
            forms |= _alias_forms()[group]
    return tuple(sorted(form for form in forms if form))


@cache
def _alias_lexicon() -> dict[tuple[str, ...], str]:
    """Stems -> spelling, for the alias spellings that are a keyword wherever a posting
    writes them, in any case: the ones of several words and the single words that are no
    English word and not a short acronym ("Kubernetes" even first in a sentence,
    "generally accepted accounting principles"). Short acronyms count when written in
    capitals (_technical)."""
    lexicon: dict[tuple[str, ...], str] = {}
    for group in alias_groups():
        for spelling in group:
            words = tokens(spelling)
            single_ok = len(spelling) >= 4 or not spelling.isalpha()
            if len(words) > 1 or (words and single_ok and spelling.lower() not in english_words()):
                lexicon.setdefault(tuple(stems(_unhyphenated(spelling))), spelling)
    return lexicon


@lru_cache(maxsize=8192)
def _alias_scan(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int, int], ...]]:
    """The stems of `text` (hyphens read as spaces) and where alias spellings are in them,
    as (start, size, group), scanning left to right for the longest spelling, so none lies
    inside another ("Amazon Web Services" is one match, not also "web services")."""
    stemmed = tuple(stems(_unhyphenated(text)))
    index = _alias_index()
    spans: list[tuple[int, int, int]] = []
    position = 0
    while position < len(stemmed):
        longest = min(_MAX_FORM, len(stemmed) - position)
        for size in range(longest, 0, -1):
            group = index.get(stemmed[position : position + size])
            if group is not None:
                spans.append((position, size, group))
                position += size
                break
        else:
            position += 1
    return stemmed, tuple(spans)


def _replaced(text: str, min_size: int) -> list[str]:
    # The stems, each alias match of at least `min_size` words as one token for its group.
    stemmed, spans = _alias_scan(text)
    result: list[str] = []
    position = 0
    for start, size, group in spans:
        if size >= min_size:
            result.extend(stemmed[position:start])
            result.append(f"~alias{group}")
            position = start + size
    result.extend(stemmed[position:])
    return result


def canonical_stems(text: str) -> list[str]:
    """The stems of `text` with every alias spelling replaced by one token for its group
    ("k8s" and "Kubernetes" both become "~alias12"), so a lexical score counts them as
    one word."""
    return _replaced(text, 1)


def _contains(haystack: list[str], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(tuple(haystack[i : i + size]) == needle for i in range(len(haystack) - size + 1))


def _technical(token: str, at_sentence_start: bool) -> bool:
    """C#, Node.js, .NET, AWS, Kubernetes: tokens that name a tool rather than say a word."""
    parts = token.split("/")
    if len(parts) > 1 and all(
        part.isalpha() and (part.islower() or (not part.isupper() and part.lower() in english_words()))
        for part in parts
    ):
        return False  # "performed/prepared", "Accounting/Finance": words, not a tool like CI/CD
    if any(ch in token for ch in "+#./") or any(ch.isdigit() for ch in token):
        return any(ch.isalpha() for ch in token) and len(token) > 1
    if token.isupper() and 2 <= len(token) <= 6 and token not in _NOT_ACRONYMS:
        return True
    if token[:1].isupper() and token[1:].islower() and not at_sentence_start:
        return token.lower() not in english_words() and len(token) > 2
    return token[:1].isupper() and any(ch.isupper() for ch in token[1:])  # JavaScript, PostgreSQL


def posting_keywords(texts: list[str], exclude: tuple[str, ...] = ()) -> list[Keyword]:
    """The keywords of a posting's requirements, most mentioned first."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    excluded = {tuple(stems(text)) for text in exclude if text}
    for text in texts:
        words = tokens(text)
        stemmed = [stem(word) for word in words]
        # A phrase inside a longer skill name is not a keyword of its own: "web services"
        # in "Amazon Web Services". The skill name is, in the spelling the list gives it.
        outside_aliases = _replaced(text, 2)
        phrases_here = [phrase for phrase in PHRASES if _contains(outside_aliases, tuple(stems(phrase)))]
        for phrase in phrases_here:
            counts[phrase] += 1
            shown.setdefault(phrase, phrase)
        here: set[str] = set()
        for index, word in enumerate(words):
            start = index == 0 or words[index - 1].endswith((".", ":"))
            if _technical(word, start):
                key = word.lower()
                counts[key] += 1
                shown.setdefault(key, word)
                here.add(key)
        stemmed_here, spans = _alias_scan(text)
        groups_here: set[int] = set()
        for start, size, group in spans:
            spelling = _alias_lexicon().get(stemmed_here[start : start + size])
            if spelling and group not in groups_here:
                groups_here.add(group)
                if spelling.lower() not in here:  # not counted already as a technical word
                    counts[spelling.lower()] += 1
                    shown.setdefault(spelling.lower(), spelling)
        content = [
            (word.lower(), s)
            for word, s in zip(words, stemmed, strict=True)
            if word.lower() not in _STOP and word.isalpha()
        ]
        for (first, _), (second, _) in zip(content, content[1:], strict=False):
            pair = f"{first} {second}"
            if pair in PHRASES and pair not in phrases_here:
                continue  # a phrase inside a skill name, as above
            counts[pair] += 0.5  # a pair counts when the posting repeats it
            shown.setdefault(pair, pair)
    keywords = []
    for key, count in counts.most_common():
        is_pair = " " in key and key not in PHRASES
        if is_pair and count < 1.0:
            continue
        forms = _forms(shown[key])
        if not forms or any(form in excluded for form in forms):
            continue
        if any(set(forms) & set(existing.forms) for existing in keywords):
            continue
        keywords.append(Keyword(term=shown[key], forms=forms, weight=min(1.0, 0.5 + 0.25 * count)))
    return keywords


# Longest keyword form matched, in words ("site reliability engineering" is 3 stems).
_MAX_FORM = 6


@lru_cache(maxsize=8192)
def _stem_ngrams(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of 1.._MAX_FORM stems in `text`: a keyword is mentioned when one of its
    forms is in this set, so checking K keywords costs K lookups, not K scans."""
    return frozenset(
        tuple(stemmed[start : start + size])
        for stemmed in (stems(text), stems(_unhyphenated(text)))
        for size in range(1, _MAX_FORM + 1)
        for start in range(len(stemmed) - size + 1)
    )


def keywords_in(text: str, keywords: list[Keyword]) -> list[Keyword]:
    """The keywords `text` mentions, by stem and acronym."""
    grams = _stem_ngrams(text)
    return [keyword for keyword in keywords if any(form in grams for form in keyword.forms)]


def mention_spans(text: str, keywords: list[Keyword]) -> list[tuple[int, int]]:
    """Where in `text` the keywords are mentioned, as (start, end) character offsets in
    order, by the same stems and acronyms as keywords_in ("financial reports" mentions
    "financial reporting")."""
    found = list(_TOKEN.finditer(_unhyphenated(text)))
    stemmed = [stem(match.group(0)) for match in found]
    forms = {form for keyword in keywords for form in keyword.forms}
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(stemmed):
        longest = min(_MAX_FORM, len(stemmed) - index)
        size = next((size for size in range(longest, 0, -1) if tuple(stemmed[index : index + size]) in forms), 0)
        if size:
            spans.append((found[index].start(), found[index + size - 1].end()))
            index += size
        else:
            index += 1
    return spans
