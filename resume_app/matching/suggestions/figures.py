"""A bullet without a figure: a question naming the kind of figure it could carry, and the
bullet rewritten with the figure the person types. Nothing here makes a figure up."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_app.core.errors import InputError

# Who or what a bullet in any field serves or handles, countable: "How many clients?".
COUNT_NOUNS = frozenset(
    """users customers clients students residents attendees members subscribers visitors patients guests
    employees staff people engineers developers stores locations offices sites projects accounts applications
    requests tickets orders calls reports campaigns events vendors suppliers partners servers services
    teams products pages courses participants volunteers children families cases transactions""".split()
)
# Verbs and nouns of change: the figure is how much it changed.
_CHANGE = re.compile(
    r"\b(improv|increas|reduc|decreas|grow|grew|boost|optimi[sz]|cut|rais|lower|enhanc|accelerat|speed|sped|"
    r"streamlin|shorten|faster|higher|lower|fewer|more)\w*",
    re.IGNORECASE,
)
# Money a bullet names without its amount.
MONEY_NOUNS = frozenset("budget budgets revenue sales costs cost savings funding spend expenses profit".split())
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
MAX_FIGURE_CHARS = 40


@dataclass(frozen=True)
class Question:
    kind: str  # "count:<noun>", "percent", "money" or "amount"
    prompt: str


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"[A-Za-z$€£][\w$€£.,%-]*", text))


def questions(text: str) -> list[Question]:
    """At most two questions for a bullet with no figure, most telling first."""
    if re.search(r"\d|%|\$|€|£", text):
        return []
    found: list[Question] = []
    lowered = [match.group().lower().rstrip(".,;:") for match in _words(text)]
    noun = next((word for word in lowered[1:] if word in COUNT_NOUNS), None)
    if noun:
        found.append(Question(f"count:{noun}", f"How many {noun}?"))
    money = next((word for word in lowered if word in MONEY_NOUNS), None)
    if money:
        what = {"budget": "money", "budgets": "money"}.get(money, money)
        spoken = what if what in ("money", "revenue", "funding", "profit") else f"in {what}"
        found.append(Question("money", f"How much {spoken}?"))
    if _CHANGE.search(" ".join(lowered[:4])) or _CHANGE.search(text):
        found.append(Question("percent", "By what percentage?"))
    if not found:
        found.append(Question("amount", "How many, how much or how often?"))
    return found[:2]


def _figure(figure: str) -> str:
    figure = " ".join(figure.split())
    if not figure or not any(ch.isdigit() for ch in figure):
        raise InputError("Type the figure with digits, for example 30% or 2,000.")
    if len(figure) > MAX_FIGURE_CHARS:
        raise InputError(f"Type only the figure, in {MAX_FIGURE_CHARS} characters or fewer.")
    return figure


def shown_figure(kind: str, figure: str) -> str:
    """The figure as the bullet will show it: a bare number answering "By what
    percentage?" gets its % sign."""
    figure = _figure(figure)
    if kind == "percent" and re.fullmatch(r"[\d.,]+", figure):
        figure += "%"
    return figure


def _end_of_clause(text: str) -> int:
    """Where a "by 30%" goes: before the first "by/through/using/..." after the verb's
    object, or a comma, or at the end (before a final period)."""
    first = re.match(r"\S+", text)
    start = first.end() if first else 0
    found = re.search(r"\s(by|through|using|via|with|while|across|from)\s|,\s", text[start:])
    if found:
        return start + found.start()
    return len(text.rstrip().rstrip("."))


def fill_figure(text: str, kind: str, figure: str) -> str:
    """`text` with the person's `figure` put where the question `kind` says. Raises
    InputError with a sentence for a figure without digits or too long."""
    figure = shown_figure(kind, figure)
    if kind.startswith("count:"):
        noun = kind.partition(":")[2]
        match = re.search(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE)
        if match:
            start = match.start()
            figure_words = figure.split()
            if figure_words[-1].lower().rstrip(".") == noun:
                figure = " ".join(figure_words[:-1])
            before = text[:start].rstrip()
            last = before.split()[-1] if before.split() else ""
            if last.lower() == "the":
                before = before[: -len(last)].rstrip()
            return f"{before} {figure} {text[start:]}".strip()
    if kind == "money":
        for match in _words(text):
            word = match.group().lower().rstrip(".,;:")
            if word in MONEY_NOUNS:
                before = text[: match.start()].split()
                if before and before[-1].lower() in _DETERMINERS:
                    return f"{text[: match.start()]}{figure} {text[match.start() :]}"
                end = match.start() + len(word)
                return f"{text[:end]} of {figure}{text[end:]}"
    if kind in ("percent", "money"):
        phrase = figure if figure.lower().startswith("by ") else f"by {figure}"
        at = _end_of_clause(text)
        return f"{text[:at].rstrip()} {phrase}{text[at:]}"
    at = len(text.rstrip().rstrip("."))
    return f"{text[:at]} ({figure}){text[at:]}"
