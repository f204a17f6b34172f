"""How a tailored version is made and changed, for the tailoring page and the CLI.

Every function takes the workspace and ids, reads what is stored, and writes back what
changed: a posting stored and analysed, a version ranked and suggested, its bullets moved,
dragged, included or left out, a master bullet edited, the version renamed, duplicated or
exported. Bad input raises InputError with one sentence for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from resume_app.core import editing
from resume_app.core.errors import InputError
from resume_app.core.model import JobPosting, Resume, TailoredVersion, apply_version, new_id
from resume_app.export import ExportFile, render
from resume_app.matching.keywords import mention_spans
from resume_app.matching.ranker import PreparedPosting, Ranking, prepare, rank
from resume_app.storage import repository
from resume_app.tailoring import budget, versions
from resume_app.tailoring.embedding import embedder
from resume_app.tailoring.rows import VersionRow
from resume_app.tailoring.suggestion import UNNAMED_VERSION, suggested_order, version_name

MAX_POSTING_CHARS = 1_000_000
TOO_LONG_POSTING = "This posting is longer than a million characters; paste only the job's own text."


# Ranking (the model is shared by every caller in the process)


def rank_version(master: Resume, posting: str | PreparedPosting, bullet_ids: list[str]) -> Ranking:
    """Rank every bullet of the master against the posting; requirement coverage, keywords
    and the match score count only what the version shows. Raises InputError for text
    that is not a posting."""
    prepared = prepare(posting) if isinstance(posting, str) else posting
    return rank(apply_version(master, bullet_ids), prepared, embedder(), master=master)


def rank_resume(resume: Resume, posting_text: str) -> Ranking:
    """The whole resume as it is, ranked against the posting (the CLI's `rank`)."""
    return rank(resume, prepare(posting_text), embedder())


def suggestion(master: Resume, posting: str | PreparedPosting) -> list[str]:
    """The bullets the posting calls for, best first within each job, in canonical order."""
    everything = rank_version(master, posting, [bullet.id for bullet in master.bullets()])
    return versions.normalized(master, suggested_order(everything))


def tailored_resume(resume: Resume, posting_text: str) -> Resume:
    """The resume showing only the suggested bullets (the CLI's `tailor`)."""
    return apply_version(resume, suggestion(resume, posting_text))


def fitted_resume(resume: Resume, posting_text: str, pages: int) -> budget.FitResult:
    """The tailored resume fitted to `pages` pages of the export (the CLI's `tailor --pages`):
    the suggested bullets, then the lowest-ranked left out until it fits."""
    prepared = prepare(posting_text)
    chosen = suggestion(resume, prepared)
    ranking = rank_version(resume, prepared, chosen)
    scores = {bullet.id: bullet.score for bullet in ranking.bullets}
    return budget.fit_to_pages(apply_version(resume, chosen), scores, pages)


def keyword_spans(master: Resume, prepared: PreparedPosting) -> dict[str, list[tuple[int, int]]]:
    """Per bullet id: where its text mentions the posting's keywords."""
    return {
        bullet.id: [tuple(span) for span in mention_spans(bullet.text, prepared.keywords_of(bullet.text))]
        for bullet in master.bullets()
    }


# The posting


@dataclass
class StoredVersion:
    master: Resume
    version: TailoredVersion
    posting: JobPosting | None


def load(workspace_id: str, version_id: str) -> StoredVersion:
    """The version, its master and its posting (None before one is pasted)."""
    version = repository.get_version(workspace_id, version_id)
    master = repository.get_resume(workspace_id, version.resume_id)
    posting = repository.get_posting(workspace_id, version.job_posting_id) if version.job_posting_id else None
    return StoredVersion(master, version, posting)


def store_posting(workspace_id: str, version_id: str, text: str) -> tuple[str, bool]:
    """Save a version's posting text; returns the posting's id and whether the version
    should take the suggestion (its first posting chooses its bullets; later edits of the
    posting keep the person's choice)."""
    if len(text) > MAX_POSTING_CHARS:
        raise InputError(TOO_LONG_POSTING)
    version = repository.get_version(workspace_id, version_id)
    first = version.job_posting_id is None
    posting = JobPosting(text=text, id=version.job_posting_id or new_id())
    try:
        analysis = prepare(text).analysis if text.strip() else None
    except InputError:
        analysis = None  # saved all the same: the page shows why it cannot be ranked
    if analysis is not None:
        posting.title, posting.company = analysis.title, analysis.company
    repository.save_posting(workspace_id, posting)
    if first:
        version.job_posting_id = posting.id
        repository.save_version(workspace_id, version)
    return posting.id, first or (not version.bullet_ids and version.name == UNNAMED_VERSION)


@dataclass
class RankResult:
    """A stored version ranked against its posting (ranking None: no posting yet)."""

    master: Resume
    version: TailoredVersion
    ranking: Ranking | None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def rank_stored(workspace_id: str, version_id: str, suggest: bool) -> RankResult:
    """Load the version and rank it, first choosing and naming it by the suggestion when
    asked (and saving that). Slow: call it off the event loop."""
    stored = load(workspace_id, version_id)
    master, version, posting = stored.master, stored.version, stored.posting
    if posting is None or not posting.text.strip():
        return RankResult(master, version, None)
    prepared = prepare(posting.text)  # InputError for text that is no posting
    if suggest:
        version.bullet_ids = suggestion(master, prepared)
        version.name = version_name(prepared.analysis)
        repository.save_version(workspace_id, version)
    ranking = rank_version(master, prepared, version.bullet_ids)
    return RankResult(master, version, ranking, keyword_spans(master, prepared))


# The version's choice of bullets


@dataclass
class ChoiceChange:
    master: Resume
    previous: list[str]
    bullet_ids: list[str]

    @property
    def changed(self) -> bool:
        return self.bullet_ids != self.previous

    @property
    def chosen_changed(self) -> bool:
        """Whether the set of chosen bullets changed (not only their order): the match
        panel then needs a new ranking."""
        return set(self.bullet_ids) != set(self.previous)


def change_choice(workspace_id: str, version_id: str, change: Callable[[Resume, list[str]], list[str]]) -> ChoiceChange:
    """Apply `change` to the version's stored choice and save it if it changed. The stored
    choice, not a page's copy, is the starting point: another tab may have changed it."""
    version = repository.get_version(workspace_id, version_id)
    master = repository.get_resume(workspace_id, version.resume_id)
    previous = versions.normalized(master, version.bullet_ids)
    version.bullet_ids = change(master, previous)
    if version.bullet_ids != previous:
        repository.save_version(workspace_id, version)
    return ChoiceChange(master, previous, version.bullet_ids)


def move(workspace_id: str, version_id: str, bullet_id: str, offset: int) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.move(master, ids, bullet_id, offset))


def place(workspace_id: str, version_id: str, bullet_id: str, index: int) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.place(master, ids, bullet_id, index))


def toggle(workspace_id: str, version_id: str, bullet_id: str) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.toggle(master, ids, bullet_id))


def restore(workspace_id: str, version_id: str, bullet_ids: list[str]) -> ChoiceChange:
    """Put back an earlier choice (undo)."""
    return change_choice(workspace_id, version_id, lambda master, _: versions.normalized(master, bullet_ids))


# The master's bullets and the version itself


def master(workspace_id: str, resume_id: str) -> Resume:
    return repository.get_resume(workspace_id, resume_id)


def stored_choice(workspace_id: str, version_id: str, master: Resume) -> list[str]:
    """The version's chosen bullet ids as stored now (another tab may have changed them)."""
    return versions.normalized(master, repository.get_version(workspace_id, version_id).bullet_ids)


def version_rows(workspace_id: str, resume_id: str, current_id: str) -> list[VersionRow]:
    """The master's tailored versions, for the page's list of them."""
    return [
        VersionRow(version.id, version.name, version.id == current_id)
        for version in repository.list_versions(workspace_id, resume_id)
    ]


def set_bullet_text(workspace_id: str, resume_id: str, bullet_id: str, text: str) -> Resume:
    """Change a master bullet: every version that shows it shows the new text."""
    master, _ = repository.update_resume(
        workspace_id, resume_id, lambda resume: editing.set_bullet_text(resume, bullet_id, text)
    )
    return master


def shared_with(workspace_id: str, version_id: str, bullet_id: str) -> list[str]:
    """The names of the master's other versions that show this bullet."""
    version = repository.get_version(workspace_id, version_id)
    return [
        other.name
        for other in repository.list_versions(workspace_id, version.resume_id)
        if other.id != version_id and bullet_id in other.bullet_ids
    ]


def shared_question(names: list[str]) -> str:
    """Asked before a bullet that other versions show is changed everywhere."""
    listed = ", ".join(f'"{name}"' for name in names[:3]) + (" and more" if len(names) > 3 else "")
    count = "1 other tailored version" if len(names) == 1 else f"{len(names)} other tailored versions"
    return f"This bullet is also in {count} ({listed}). Change it there too?"


def rename(workspace_id: str, version_id: str, name: str) -> str:
    """Rename the version (spaces tidied); returns the name saved, "" for an empty one."""
    name = " ".join(name.split())
    if not name:
        return ""
    version = repository.get_version(workspace_id, version_id)
    if version.name != name:
        version.name = name
        repository.save_version(workspace_id, version)
    return name


def duplicate(workspace_id: str, version_id: str) -> str:
    """A copy of the version (same posting, same choice); returns its id."""
    return repository.duplicate_version(workspace_id, version_id).id


def delete_version(workspace_id: str, version_id: str) -> None:
    """Delete a tailored version; its bullets stay in the master."""
    repository.delete_version(workspace_id, version_id)


def export(workspace_id: str, version_id: str, fmt: str) -> ExportFile:
    """The tailored version as a file named after it."""
    stored = load(workspace_id, version_id)
    tailored = apply_version(stored.master, stored.version.bullet_ids)
    return render(tailored, fmt, title=stored.version.name, fallback="tailored")
