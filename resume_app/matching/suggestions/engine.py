"""A bullet, or a whole resume, in; gated suggestions out.

`suggest_bullet` runs every rule on one bullet and keeps what passes the gates;
`suggest_resume` builds each bullet's context from a core.Resume (its job, whether the
job is current, the tense chosen for the current role) and adds the keyword
suggestions of the posting; `apply_figure` rewrites a bullet with the figure a person
typed in answer to a question.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.matching.ats import is_template_text
from resume_app.matching.keywords import Keyword, keywords_in
from resume_app.matching.suggestions import figures, gates, rules
from resume_app.matching.suggestions.model import BulletContext, Suggestion, changed_spans
from resume_app.matching.suggestions.picker import LexicalPicker, RecordingPicker, VerbPicker
from resume_app.matching.suggestions.verbs import form_of

# Sections whose bullets are achievements to reword; elsewhere (education, awards...) only
# the spacing, period and pronoun rules run.
ACHIEVEMENT_SECTIONS = frozenset({"work", "volunteer", "projects"})


def _rewrites(ctx: BulletContext, picker: VerbPicker, achievements: bool) -> list[rules.Rewrite]:
    found = rules.pronoun(ctx) + rules.spacing(ctx) + rules.period(ctx)
    if achievements:
        found = (
            rules.weak_opener(ctx, picker)
            + rules.generic_verb(ctx, picker)
            + rules.repeated_verb(ctx, picker)
            + rules.tense(ctx)
            + found
            + rules.filler(ctx)
            + rules.split(ctx)
        )
    return found


def suggest_bullet(
    ctx: BulletContext, picker: VerbPicker | None = None, achievements: bool = True, refused: list | None = None
) -> list[Suggestion]:
    """Every suggestion for one bullet that passes the gates (automatic ones first, then
    questions for a figure). `refused` collects (rewrite, why) of those that did not."""
    picker = picker or LexicalPicker()
    suggestions: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()
    for rewrite in _rewrites(ctx, picker, achievements):
        parts = rewrite.parts or (rewrite.text,)
        if rewrite.text == ctx.text or (rewrite.kind, rewrite.text) in seen:
            continue
        seen.add((rewrite.kind, rewrite.text))
        why = gates.refusal(ctx.text, rewrite.kind, parts, ctx.keywords)
        if why:
            if refused is not None:
                refused.append((rewrite, why))
            continue
        spans, removed = changed_spans(ctx.text, rewrite.text)
        suggestions.append(
            Suggestion(rewrite.kind, rewrite.reason, ctx.bullet_id, rewrite.text, spans, removed, rewrite.parts)
        )
    if achievements:
        for question in figures.questions(ctx.text):
            suggestions.append(
                Suggestion(
                    "metric",
                    "Has no number: a figure shows the size of what you did.",
                    ctx.bullet_id,
                    question=question.prompt,
                    figure_kind=question.kind,
                )
            )
    return suggestions


def apply_figure(text: str, figure_kind: str, figure: str, keywords: list[Keyword] = ()) -> str:
    """The bullet rewritten with the figure the person typed, through the same gates (the
    figure is the one fact it may add). Raises InputError with one sentence."""
    new = figures.fill_figure(text, figure_kind, figure)
    if gates.refusal(text, "metric", (new,), keywords, allowed=gates.facts(figures.shown_figure(figure_kind, figure))):
        raise InputError("The figure could not be placed in this bullet; edit the bullet to add it.")
    return new


@dataclass
class ResumeSuggestions:
    # Bullet id -> its suggestions.
    bullets: dict[str, list[Suggestion]] = field(default_factory=dict)
    # Keyword suggestions of the posting ("include-bullet", "add-skill").
    keywords: list[Suggestion] = field(default_factory=list)
    # The tense of the current role's bullets: the person's choice, or what most already use.
    current_tense: str = "present"


def _current(entry) -> bool:
    return bool(entry.start_date) and not entry.end_date


def majority_tense(resume: Resume) -> str:
    """What most bullets of current roles open with: "past" or "present" (the default)."""
    forms: Counter = Counter()
    for entry in resume.entries():
        if _current(entry):
            for bullet in entry.bullets:
                words = bullet.text.split()
                found = form_of(rules._strip(words[0])) if words else None
                if found:
                    forms["past" if found[1] == "past" else "present"] += found[1] != "both"
    return "past" if forms["past"] > forms["present"] else "present"


def chosen_tense(resume: Resume, current_tense: str | None = None) -> str:
    """The current role's tense: the one asked for, the one the person chose for this
    resume, or what most of its bullets use."""
    return current_tense or resume.current_tense or majority_tense(resume)


def contexts(resume: Resume, keywords: list[Keyword] = (), current_tense: str | None = None):
    """(context, achievements) for every bullet of the resume, hidden ones included."""
    tense = chosen_tense(resume, current_tense)
    every = [bullet.text for bullet in resume.bullets()]
    for section in resume.sections:
        for entry in section.entries:
            texts = tuple(bullet.text for bullet in entry.bullets)
            others = tuple(text for text in every if text not in texts)
            for index, bullet in enumerate(entry.bullets):
                ctx = BulletContext(
                    text=bullet.text,
                    bullet_id=bullet.id,
                    job_bullets=texts,
                    index=index,
                    current=_current(entry),
                    dated=bool(entry.start_date or entry.end_date),
                    position=entry.title,
                    current_tense=tense,
                    other_bullets=others,
                    keywords=tuple(keywords),
                )
                # Template text left in ("Showcase your project here") is no achievement to
                # reword: the checks ask the person to replace it.
                yield ctx, section.kind in ACHIEVEMENT_SECTIONS and not is_template_text(bullet.text)


def suggest_resume(
    resume: Resume,
    keywords: list[Keyword] = (),
    current_tense: str | None = None,
    picker: VerbPicker | None = None,
    chosen_ids: set[str] | None = None,
) -> ResumeSuggestions:
    """Suggestions for every bullet of `resume`, and, with a posting's keywords, which of
    them the chosen bullets (default: every bullet) miss."""
    picker = picker or LexicalPicker()
    result = ResumeSuggestions(current_tense=chosen_tense(resume, current_tense))
    if hasattr(picker, "prefetch"):
        # The verb-picking rules run once without the model to learn what it will be asked,
        # which is then encoded in one batch.
        recorder = RecordingPicker()
        for ctx, achievements in contexts(resume, keywords, result.current_tense):
            if achievements:
                rules.weak_opener(ctx, recorder), rules.generic_verb(ctx, recorder), rules.repeated_verb(ctx, recorder)
        if recorder.texts:
            picker.prefetch(recorder.texts)
    for ctx, achievements in contexts(resume, keywords, result.current_tense):
        result.bullets[ctx.bullet_id] = suggest_bullet(ctx, picker, achievements)
    if keywords:
        result.keywords = keyword_suggestions(resume, list(keywords), chosen_ids)
    return result


def keyword_suggestions(
    resume: Resume, keywords: list[Keyword], chosen_ids: set[str] | None = None
) -> list[Suggestion]:
    """A posting keyword the chosen bullets miss: the master's other bullets that name it,
    or, when nothing in the resume names it, an offer to add it as a skill (only when the
    person confirms they have it)."""
    bullets = resume.bullets()
    chosen = [bullet for bullet in bullets if chosen_ids is None or bullet.id in chosen_ids]
    named = {keyword.term for bullet in chosen for keyword in keywords_in(bullet.text, keywords)}
    other_text, _ = resume.text_parts(visible_only=False)
    elsewhere = {keyword.term for keyword in keywords_in(other_text, keywords)}
    found: list[Suggestion] = []
    for keyword in keywords:
        if keyword.term in named:
            continue
        holders = tuple(bullet.id for bullet in bullets if bullet not in chosen and keywords_in(bullet.text, [keyword]))
        if holders:
            count = f"{len(holders)} of your other bullets name it" if len(holders) > 1 else "another bullet names it"
            found.append(
                Suggestion(
                    "include-bullet",
                    f"The posting asks for {keyword.term}; {count}: include it.",
                    bullet_ids=holders,
                    keyword=keyword.term,
                )
            )
        elif keyword.term not in elsewhere:
            found.append(
                Suggestion(
                    "add-skill",
                    f"The posting asks for {keyword.term}, which your resume does not name: "
                    "add it to your skills only if you have it.",
                    keyword=keyword.term,
                )
            )
    return found


def add_confirmed_skill(resume: Resume, term: str, confirmed: bool) -> Resume:
    """Add a posting keyword to the resume's skills, only once the person confirmed it."""
    if not confirmed:
        raise InputError(f"Add {term} only if you have it: confirm first.")
    from resume_app.core.model import Skill

    section = resume.ensure_section("skills")
    known = {word.lower() for skill in section.skills for word in [skill.name, *skill.keywords]}
    if term.lower() not in known:
        section.skills.append(Skill(name=term))
    return resume


def apply_automatic(ctx: BulletContext, picker: VerbPicker | None = None, achievements: bool = True) -> list[str]:
    """The bullet after every automatic suggestion, the first choice of each, applied in
    turn (a split gives two bullets); what bench/writing.py measures."""
    for _ in range(12):
        found = [item for item in suggest_bullet(ctx, picker, achievements) if item.automatic]
        if not found:
            break
        chosen = found[0]
        if chosen.kind == "split":
            first, second = chosen.parts
            return apply_automatic(_with_text(ctx, first), picker, achievements) + apply_automatic(
                _with_text(ctx, second), picker, achievements
            )
        ctx = _with_text(ctx, chosen.text)
    return [ctx.text]


def _with_text(ctx: BulletContext, text: str) -> BulletContext:
    # The job's list shows the bullet as it now reads (the period and repeat rules count it).
    job = list(ctx.job_bullets)
    if ctx.index < len(job):
        job[ctx.index] = text
    return replace(ctx, text=text, job_bullets=tuple(job))
