"""Writing suggestions for a resume, with the process's embedding model picking verbs
and, given a posting, its keywords guarded and the missing ones suggested (issue 14).
The page and the CLI call this; the rules and gates are in matching/suggestions/."""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_app.core import editing
from resume_app.core.errors import InputError
from resume_app.core.model import TENSES, Bullet, Resume
from resume_app.matching.ranker import prepare
from resume_app.matching.suggestions.engine import (
    ResumeSuggestions,
    add_confirmed_skill,
    apply_figure,
    contexts,
    suggest_bullet,
    suggest_resume,
)
from resume_app.matching.suggestions.model import Suggestion
from resume_app.matching.suggestions.picker import EmbeddingPicker, VerbPicker
from resume_app.storage import repository
from resume_app.tailoring.embedding import embedder

# Another tab, or an edit since, changed the bullet: a suggestion made for the old text is not applied.
STALE = "This bullet changed since the suggestion was made; look at its new suggestions."


def suggestions(
    resume: Resume, posting_text: str | None = None, current_tense: str | None = None, chosen_ids=None
) -> ResumeSuggestions:
    """Every bullet's suggestions; with a posting, its keyword suggestions too. Raises
    InputError for a posting that is not one."""
    keywords = prepare(posting_text).keywords if posting_text else []
    picker = EmbeddingPicker(embedder())
    return suggest_resume(resume, keywords, current_tense, picker, chosen_ids)


def add_model_rewrites(resume: Resume, found: ResumeSuggestions) -> list[str]:
    """Ask the local model (llm.py) for each achievement bullet's rewrite and add the ones
    that pass the gates; the sentences saying why a bullet got none (the first of each
    kind, so a server that is down is said once)."""
    from resume_app.tailoring import llm

    if not llm.enabled():
        raise InputError(f"--model needs {llm.URL_VARIABLE}: the address of a model server on your machine.")
    messages: list[str] = []
    for ctx, achievements in contexts(resume, current_tense=found.current_tense):
        if not achievements:
            continue
        answer = llm.model_rewrite(ctx.text, ctx.tense, list(ctx.keywords), ctx.bullet_id)
        if answer.suggestion:
            found.bullets.setdefault(ctx.bullet_id, []).append(answer.suggestion)
        elif answer.server_down:
            return [*messages, answer.message]  # said once, not once per bullet
        elif answer.message not in messages:
            messages.append(answer.message)
    return messages


def as_json(resume: Resume, found: ResumeSuggestions) -> dict:
    """The `resume-app suggest --json` document: each bullet with its suggestions, then the
    posting's keyword suggestions."""
    bullets = []
    for entry in resume.entries():
        for bullet in entry.bullets:
            items = found.bullets.get(bullet.id, [])
            bullets.append(
                {
                    "id": bullet.id,
                    "entry": ", ".join(part for part in (entry.title, entry.organization) if part),
                    "text": bullet.text,
                    "suggestions": [item.as_dict() for item in items],
                }
            )
    return {
        "current_tense": found.current_tense,
        "bullets": bullets,
        "keywords": [item.as_dict() for item in found.keywords],
    }


# The page's calls: ids and strings in, plain data out; every change goes through the
# repository like any other edit of the master.


def bullet_suggestions(
    workspace_id: str,
    resume_id: str,
    bullet_id: str,
    posting_text: str | None = None,
    current_tense: str | None = None,
    picker: VerbPicker | None = None,
) -> list[Suggestion]:
    """One master bullet's suggestions (the posting's keywords guarded when given)."""
    ctx, achievements = bullet_context(workspace_id, resume_id, bullet_id, posting_text, current_tense)
    return suggest_bullet(ctx, picker or EmbeddingPicker(embedder()), achievements)


def bullet_context(
    workspace_id: str,
    resume_id: str,
    bullet_id: str,
    posting_text: str | None = None,
    current_tense: str | None = None,
):
    """A stored bullet's context (its job, tense, the posting's keywords) and whether it is
    an achievement (work, volunteer, projects)."""
    master = repository.get_resume(workspace_id, resume_id)
    keywords = prepare(posting_text).keywords if posting_text else []
    for ctx, achievements in contexts(master, keywords, current_tense):
        if ctx.bullet_id == bullet_id:
            return ctx, achievements
    raise InputError("This bullet is no longer in the resume.")


def model_suggestion(workspace_id: str, resume_id: str, bullet_id: str, posting_text: str | None = None):
    """The local model's gated rewrite of a stored bullet (llm.ModelAnswer)."""
    from resume_app.tailoring import llm

    ctx, _ = bullet_context(workspace_id, resume_id, bullet_id, posting_text)
    return llm.model_rewrite(ctx.text, ctx.tense, list(ctx.keywords), bullet_id)


def _checked(resume: Resume, bullet_id: str, expected: str) -> Bullet:
    _, bullet = editing.find_bullet(resume, bullet_id)  # InputError when it is gone
    if bullet.text != expected:
        raise InputError(STALE)
    return bullet


def apply_text(workspace_id: str, resume_id: str, bullet_id: str, expected: str, text: str) -> Resume:
    """Apply a suggestion's text to the master bullet that still reads `expected`."""

    def change(resume: Resume) -> None:
        _checked(resume, bullet_id, expected)
        editing.set_bullet_text(resume, bullet_id, text)

    return repository.update_resume(workspace_id, resume_id, change)[0]


def answer_question(
    workspace_id: str, resume_id: str, bullet_id: str, expected: str, figure_kind: str, figure: str
) -> Resume:
    """The bullet rewritten with the figure the person typed (InputError with a sentence
    for a figure without digits, or one the bullet cannot take)."""
    text = apply_figure(expected, figure_kind, figure)
    return apply_text(workspace_id, resume_id, bullet_id, expected, text)


def apply_split(workspace_id: str, resume_id: str, bullet_id: str, expected: str, parts: list[str]) -> str:
    """Split a bullet in two: the first part stays in the bullet, the second becomes a new
    bullet right after it, also in every tailored version that shows the first. Returns
    the new bullet's id."""
    first, second = parts

    def change(resume: Resume) -> str:
        _checked(resume, bullet_id, expected)
        entry, bullet = editing.find_bullet(resume, bullet_id)
        editing.set_bullet_text(resume, bullet_id, first)
        added = Bullet(text=second, hidden=bullet.hidden)
        entry.bullets.insert(entry.bullets.index(bullet) + 1, added)
        return added.id

    _, new_id = repository.update_resume(workspace_id, resume_id, change)
    for version in repository.list_versions(workspace_id, resume_id):
        if bullet_id in version.bullet_ids and new_id not in version.bullet_ids:
            version.bullet_ids.insert(version.bullet_ids.index(bullet_id) + 1, new_id)
            repository.save_version(workspace_id, version)
    return new_id


def set_current_tense(workspace_id: str, resume_id: str, tense) -> Resume:
    """Store the tense the person writes their current role in, for this resume."""
    if tense not in TENSES:
        raise InputError("Choose the present or the past tense for your current role.")

    def change(resume: Resume) -> None:
        resume.current_tense = tense

    return repository.update_resume(workspace_id, resume_id, change)[0]


def confirm_skill(workspace_id: str, resume_id: str, term: str, confirmed: bool) -> Resume:
    """Add a posting keyword to the master's skills, only when the person confirmed they have it."""
    return repository.update_resume(
        workspace_id, resume_id, lambda resume: add_confirmed_skill(resume, term, confirmed)
    )[0]


def undo_split(workspace_id: str, resume_id: str, bullet_id: str, text: str, added_id: str) -> Resume:
    """Undo a split: the bullet reads `text` again and the bullet the split added is gone
    (from the master, so from every version that listed it)."""

    def change(resume: Resume) -> None:
        editing.set_bullet_text(resume, bullet_id, text)
        if any(bullet.id == added_id for bullet in resume.bullets()):
            editing.delete_bullet(resume, added_id)

    return repository.update_resume(workspace_id, resume_id, change)[0]


# What the tailoring page shows of a bullet's suggestions.


@dataclass
class PreviewPart:
    text: str = ""
    changed: bool = False


@dataclass
class SuggestionRow:
    index: int = 0
    kind: str = ""
    reason: str = ""
    # The new text with the changed words marked; a split's second bullet under it.
    preview: list[PreviewPart] = field(default_factory=list)
    second: str = ""
    # A figure question, and the key its answer is filled with.
    question: str = ""
    figure_kind: str = ""


def preview_parts(text: str, spans: tuple[tuple[int, int], ...]) -> list[PreviewPart]:
    parts: list[PreviewPart] = []
    position = 0
    for start, end in spans:
        if start > position:
            parts.append(PreviewPart(text[position:start]))
        parts.append(PreviewPart(text[start:end], True))
        position = end
    if position < len(text):
        parts.append(PreviewPart(text[position:]))
    return parts


def suggestion_rows(found: list[Suggestion]) -> list[SuggestionRow]:
    """The page's rows, in the suggestions' order (`index` points back into `found`)."""
    rows = []
    for index, item in enumerate(found):
        if item.kind in ("include-bullet", "add-skill"):
            continue
        rows.append(
            SuggestionRow(
                index=index,
                kind=item.kind,
                reason=item.reason,
                preview=preview_parts(item.text, item.spans) if item.text else [],
                second=item.parts[1] if item.kind == "split" else "",
                question=item.question,
                figure_kind=item.figure_kind,
            )
        )
    return rows
