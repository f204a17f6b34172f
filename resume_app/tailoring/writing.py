"""Writing suggestions for a resume, with the process's embedding model picking verbs
and, given a posting, its keywords guarded and the missing ones suggested (issue 14).
The page and the CLI call this; the rules and gates are in matching/suggestions/."""

from __future__ import annotations

from resume_app.core.model import Resume
from resume_app.matching.ranker import prepare
from resume_app.matching.suggestions.engine import ResumeSuggestions, suggest_resume
from resume_app.matching.suggestions.picker import EmbeddingPicker
from resume_app.tailoring.embedding import embedder

TENSES = ("present", "past")


def suggestions(
    resume: Resume, posting_text: str | None = None, current_tense: str | None = None, chosen_ids=None
) -> ResumeSuggestions:
    """Every bullet's suggestions; with a posting, its keyword suggestions too. Raises
    InputError for a posting that is not one."""
    keywords = prepare(posting_text).keywords if posting_text else []
    picker = EmbeddingPicker(embedder())
    return suggest_resume(resume, keywords, current_tense, picker, chosen_ids)


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
