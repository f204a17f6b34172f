"""The rewrites a bullet can get, each as (kind, reason, new text[, parts]).

Rules only rearrange, inflect, drop or swap words that carry no fact; gates.py checks
every result before anyone sees it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

from resume_app.matching.ats import MAX_BULLET_WORDS
from resume_app.matching.suggestions.model import BulletContext
from resume_app.matching.suggestions.picker import VerbPicker
from resume_app.matching.suggestions.verbs import (
    GENERIC_PHRASES,
    GENERIC_VERBS,
    VERB_GROUP,
    WEAK_OPENERS,
    capitalized,
    form_of,
    inflect,
    lemma_of,
    match_case,
    opening_lemma,
)

CHOICES = 3
_DETERMINERS = frozenset("the a an all each every their its his her this these those new".split())


@dataclass(frozen=True)
class Rewrite:
    kind: str
    reason: str
    text: str
    parts: tuple[str, ...] = ()


_WORDS = re.compile(r"\S+")
# A bullet that opens with a label ("Project: ...", "GPA: 3.9") is not a sentence to reword.
_LABEL = re.compile(r"^\S+(\s\S+){0,3}:\s")
# Job titles: a first word before one of these is a noun ("Lead engineer", "Research assistant").
ROLE_NOUNS = frozenset(
    """engineer engineers developer assistant associate manager lead analyst scientist designer director officer
    member intern consultant specialist coordinator architect administrator representative technician
    fellow professor teacher tutor nurse supervisor head author""".split()
)


def _strip(word: str) -> str:
    return word.strip(",.;:!?()\"'")


def _is_label(text: str) -> bool:
    return bool(_LABEL.match(text))


def _in_form(lemma: str, form: str) -> str:
    """`lemma` in the form another verb had (past, present, third person)."""
    if form in ("past", "both"):
        return inflect(lemma, "past")
    if form == "third":
        head, _, rest = lemma.partition(" ")
        return f"{(getInflection(head, 'VBZ') or (head,))[0]} {rest}".rstrip()
    return inflect(lemma, "present")


def _form_for(ctx: BulletContext, original_form: str) -> str:
    # Keep the bullet's own tense when it has one; otherwise the tense its job calls for.
    if original_form in ("past", "present", "third", "both"):
        return original_form
    return ctx.tense if ctx.dated else "past"


def _is_bare_verb(word: str) -> bool:
    lemmas = getAllLemmas(word.lower())
    return "VERB" in lemmas and "NOUN" not in lemmas and lemmas["VERB"][0].lower() == word.lower()


def _verb_run(words: list[str], start: int, form: str, tense: str) -> list[str] | None:
    """Words from `start` with the verb there (and one coordinated "and <verb>" of the same
    form) put in `tense`; None when the word at `start` is not a verb of `form`."""
    found = form_of(_strip(words[start])) if start < len(words) else None
    if not found or found[1] != form:
        return None
    out = list(words)
    out[start] = _with_punctuation(words[start], match_case(inflect(found[0], tense), _strip(words[start])))
    if start + 2 < len(words) and words[start + 1].lower() == "and" and not words[start].endswith(","):
        second = form_of(_strip(words[start + 2]))
        if second and second[1] in (form, "both"):
            out[start + 2] = _with_punctuation(words[start + 2], inflect(second[0], tense))
    if form == "gerund":
        # "answering phones and greeting visitors": a later "and <-ing>" is a second verb
        # when it cannot be a noun or a determiner follows it; otherwise ("and marketing
        # materials") the run is left alone rather than half rewritten.
        for index in range(start + 3, len(words)):
            if words[index - 1].lower() != "and":
                continue
            later = form_of(_strip(words[index]))
            if not later or later[1] != "gerund":
                continue
            following = _strip(words[index + 1]).lower() if index + 1 < len(words) else ""
            if "NOUN" in getAllLemmas(_strip(words[index]).lower()) and following not in _DETERMINERS:
                return None
            out[index] = _with_punctuation(words[index], inflect(later[0], tense))
    return out


def _with_punctuation(old: str, word: str) -> str:
    core = _strip(old)
    start = old.find(core)
    return old[:start] + word + old[start + len(core) :]


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return capitalized(text)


def weak_opener(ctx: BulletContext, picker: VerbPicker) -> list[Rewrite]:
    text = ctx.text.strip()
    lowered = text.lower()
    for phrase, replacement in WEAK_OPENERS.items():
        if not lowered.startswith(phrase + " "):
            continue
        reason = f'"{text[: len(phrase)]}" is a weak start: begin with what you did.'
        rest = text[len(phrase) :].split()
        tense = ctx.tense if ctx.dated else "past"
        for form in ("gerund", "present"):
            if phrase == "worked on" or (form == "present" and phrase != "helped to"):
                continue
            run = _verb_run(rest, 0, form, tense)
            if run:
                return [Rewrite("weak-opener", reason, _sentence(run))]
        if rest and (form_of(_strip(rest[0])) or ("", ""))[1] == "gerund":
            return []  # a verb run this rule could not rewrite whole: no verb goes before it
        if isinstance(replacement, tuple):
            verbs = picker.pick(" ".join(rest), replacement, frozenset(), CHOICES)
            return [Rewrite("weak-opener", reason, _sentence([inflect(verb, tense), *rest])) for verb in verbs]
        if replacement:
            return [Rewrite("weak-opener", reason, _sentence([inflect(replacement, tense), *rest]))]
        return []
    return []


def tense(ctx: BulletContext) -> list[Rewrite]:
    """Past roles in the past tense; the current role in the tense the person chose."""
    if not ctx.dated or _is_label(ctx.text):
        return []
    words = ctx.text.strip().split()
    if len(words) < 2:
        return []
    first, following = _strip(words[0]), _strip(words[1])
    found = form_of(first)
    if not found or words[0].endswith((":", ",")) or following.lower() in ROLE_NOUNS:
        return []
    lemma, form = found
    lemmas = getAllLemmas(first.lower())
    if "NOUN" in lemmas and following.lower() in ("of", "for", "at", "-"):
        return []  # "School of ...", "Lead for ...": a noun heading the bullet
    if form in ("present", "gerund") and (form_of(following) or ("", ""))[1] == "past":
        return []  # "Research integrated into ...": a noun, then the verb
    if form == "gerund" and following[:1].isupper():
        return []  # "Teaching Assistant ..."
    target = ctx.tense
    if form == "both" or (target == "past" and form == "past"):
        return []
    if target == "present" and form in ("present", "third"):
        return []
    run = _verb_run(words, 0, form, target)
    if not run:
        return []
    when = "a past role" if not ctx.current else "your current role"
    word = "past" if target == "past" else "present"
    return [Rewrite("tense", f"Bullets of {when} read in the {word} tense here.", " ".join(run))]


# First-person words the rewrite can drop or turn into "the"; "me", "us", "mine" need the
# person's own rewording (the gate refuses what still has one).
_LEADING_PRONOUN = re.compile(r"^(i|we)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(my|our)\b", re.IGNORECASE)


def pronoun(ctx: BulletContext) -> list[Rewrite]:
    text = ctx.text
    new = _LEADING_PRONOUN.sub("", text.lstrip())
    if new != text.lstrip():
        new = capitalized(new)
    new = _POSSESSIVE.sub(lambda match: match_case("the", match.group()), new)
    if new == text.lstrip():
        return []
    return [Rewrite("pronoun", "Resumes are written without I, we, my or our.", new)]


# Stock adverbs and phrases any bullet (in any field) can lose without losing a fact.
FILLER = {
    r"\bsuccessfully\s+": "",
    r"\beffectively\s+": "",
    r"\s+effectively\b": "",
    r"\bvery\s+": "",
    r"\breally\s+": "",
    r"\bactually\s+": "",
    r"\bbasically\s+": "",
    r"\bvarious\s+": "",
    r"\ba variety of\s+": "",
    r"\bin order to\b": "to",
}


def filler(ctx: BulletContext) -> list[Rewrite]:
    new = ctx.text
    removed = []
    for pattern, replacement in FILLER.items():
        found = re.search(pattern, new, re.IGNORECASE)
        if found:
            removed.append(found.group().strip())
            new = re.sub(pattern, replacement, new, flags=re.IGNORECASE)
    if new == ctx.text:
        return []
    new = capitalized(new.strip()) if ctx.text[:1].isupper() else new.strip()
    words = ", ".join(f'"{word}"' for word in dict.fromkeys(removed))
    return [Rewrite("filler", f"{capitalized(words)} add nothing a reader can check.", new)]


def spacing(ctx: BulletContext) -> list[Rewrite]:
    new = re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", re.sub(r"\s+", " ", ctx.text).strip())
    if new == ctx.text:
        return []
    return [Rewrite("spacing", "Doubled or stray spaces.", new)]


def period(ctx: BulletContext) -> list[Rewrite]:
    """Trailing periods as most of the job's bullets have them (none on a tie)."""
    bullets = [bullet.strip() for bullet in ctx.job_bullets if bullet.strip()]
    if len(bullets) < 2:
        return []
    with_period = sum(bullet.endswith(".") for bullet in bullets)
    want = with_period * 2 > len(bullets)
    text = ctx.text.rstrip()
    if text.endswith(("?", "!")) or not text:
        return []
    if want and not text.endswith("."):
        return [Rewrite("period", "Most bullets of this job end with a period.", text + ".")]
    if not want and text.endswith(".") and not text.endswith(".."):
        what = "Most" if with_period else "The other"
        return [Rewrite("period", f"{what} bullets of this job end without a period.", text[:-1])]
    return []


def generic_verb(ctx: BulletContext, picker: VerbPicker) -> list[Rewrite]:
    text = ctx.text.strip()
    if _is_label(text):
        return []
    lowered = text.lower()
    for phrase, replacements in GENERIC_PHRASES.items():
        if lowered.startswith(phrase + " "):
            rest = text[len(phrase) :].strip()
            reason = f'"{text[: len(phrase)]}" says little of what you did.'
            return [Rewrite("stronger-verb", reason, f"{capitalized(new)} {rest}") for new in replacements]
    words = text.split()
    found = form_of(_strip(words[0])) if words else None
    if not found or found[0] not in GENERIC_VERBS or len(words) < 3:
        return []
    lemma, form = found
    if form == "gerund" or words[1].lower() in ("on", "with", "to"):
        return []  # weak openers and phrases, above
    form = _form_for(ctx, form)
    reason = f'"{_strip(words[0])}" is a generic verb: say what you did.'
    rest = words[1:]
    if lemma == "help":
        if _is_bare_verb(_strip(rest[0])):  # "Helped troubleshoot X": the verb after it says it
            return [Rewrite("stronger-verb", reason, _sentence(_verb_run(rest, 0, "present", form) or rest))]
        bare = next((i for i in range(1, min(6, len(rest))) if _is_bare_verb(_strip(rest[i]))), None)
        if bare is not None:  # "Helped the team complete X" -> "Enabled the team to complete X"
            enabled = [_in_form("enable", form), *rest[:bare], "to", *rest[bare:]]
            return [Rewrite("stronger-verb", reason, _sentence(enabled))]
    exclude = frozenset({lemma})
    verbs = picker.pick(" ".join(rest), GENERIC_VERBS[lemma], exclude, CHOICES)
    return [Rewrite("stronger-verb", reason, _sentence([_in_form(verb, form), *rest])) for verb in verbs]


def repeated_verb(ctx: BulletContext, picker: VerbPicker) -> list[Rewrite]:
    """When three or more bullets of a job open with the same verb, every one after the
    first gets alternatives (once one is changed, the rule stops at two)."""
    openers = [opening_lemma(bullet) for bullet in ctx.job_bullets]
    lemma = openers[ctx.index] if ctx.index < len(openers) else None
    if not lemma or openers.count(lemma) < 3 or openers[: ctx.index].count(lemma) < 1:
        return []
    words = ctx.text.strip().split()
    found = form_of(_strip(words[0]))
    if not found:
        return []
    used = frozenset(opener for opener in openers if opener)
    # Verbs that claim the same as the repeated one; any of the bank when it is not in it.
    group = VERB_GROUP.get(lemma)
    claims = (group.claim,) if group else ()
    verbs = picker.pick(" ".join(words[1:]), claims, used, CHOICES)
    count = openers.count(lemma)
    reason = f'"{capitalized(_strip(words[0]).lower())}" opens {count} bullets of this job.'
    form = _form_for(ctx, found[1])
    return [Rewrite("repeated-verb", reason, _sentence([_in_form(verb, form), *words[1:]])) for verb in verbs]


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def split(ctx: BulletContext) -> list[Rewrite]:
    """A bullet over the length limit, split in two at a clause boundary: a sentence end,
    a semicolon, or "and" before a verb of the opening verb's form."""
    text = ctx.text.strip()
    words = text.split()
    if len(words) <= MAX_BULLET_WORDS:
        return []
    cuts: list[tuple[str, str]] = []
    for match in _SENTENCE_END.finditer(text):
        cuts.append((text[: match.start()], text[match.end() :]))
    for match in re.finditer(r";\s+", text):
        cuts.append((text[: match.start()], text[match.end() :]))
    opening = form_of(_strip(words[0]))
    if opening:
        for index in range(2, len(words) - 1):
            if words[index].lower() == "and" and words[index - 1].endswith(","):
                found = form_of(_strip(words[index + 1]))
                if found and found[1] in (opening[1], "both"):
                    cuts.append((" ".join(words[:index]), " ".join(words[index + 1 :])))
    ends_with_period = text.endswith(".")
    best: tuple[int, Rewrite] | None = None
    for first, second in cuts:
        first = first.rstrip(",;: ")
        first = first.rstrip(".") + ("." if ends_with_period else "")
        second = capitalized(second.strip())
        sizes = (len(first.split()), len(second.split()))
        if min(sizes) < 5:
            continue
        if best is None or max(sizes) < best[0]:
            reason = f"Is {len(words)} words long: two bullets read faster."
            best = (max(sizes), Rewrite("split", reason, first, (first, second)))
    return [best[1]] if best else []


def counts(texts: list[str]) -> Counter:
    return Counter(lemma_of(_strip(text.split()[0])) for text in texts if text.split())
