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
from resume_app.export.layout import ExportOptions
from resume_app.export.pdf import page_count, resume_to_pdf
from resume_app.matching.keywords import mention_spans
from resume_app.matching.ranker import PreparedPosting, Ranking, prepare, rank
from resume_app.storage import limits, repository
from resume_app.tailoring import budget, versions
from resume_app.tailoring.embedding import embedder
from resume_app.tailoring.rows import VersionRow
from resume_app.tailoring.suggestion import UNNAMED_VERSION, suggested_order, version_name

# Well under the websocket's 1 MB message, which the page's box sends whole (a longer text
# was dropped on the way, with no sentence): postings run to 5,000-40,000 characters. The
# box's own limit; a server may set a lower one (storage.limits).
MAX_POSTING_CHARS = limits.MAX_POSTING_CHARS
# Recruiters expect one or two pages: a longer master's versions are fitted to two.
MAX_DEFAULT_PAGES = 2


# Ranking (the model is shared by every caller in the process)


def rank_version(
    master: Resume, posting: str | PreparedPosting, bullet_ids: list[str], left_out_entry_ids: list[str] = ()
) -> Ranking:
    """Rank every bullet of the master against the posting; requirement coverage, keywords
    and the match score count only what the version shows. Raises InputError for text
    that is not a posting."""
    prepared = prepare(posting) if isinstance(posting, str) else posting
    return rank(apply_version(master, bullet_ids, left_out_entry_ids), prepared, embedder(), master=master)


def rank_resume(resume: Resume, posting_text: str) -> Ranking:
    """The whole resume as it is, ranked against the posting (the CLI's `rank`)."""
    return rank(resume, prepare(posting_text), embedder())


def suggestion(master: Resume, posting: str | PreparedPosting) -> list[str]:
    """The bullets the posting calls for, best first within each job, in canonical order."""
    return _suggestion_and_scores(master, posting)[0]


def _suggestion_and_scores(master: Resume, posting: str | PreparedPosting) -> tuple[list[str], dict[str, float]]:
    """The suggestion, and every bullet's ranking score (what fitting to pages keeps first).
    A bonus for a requirement's last covering bullet was tried and dropped: over 275 corpus
    resume-posting pairs it covered more in 3 and less in 3 (same mean coverage)."""
    everything = rank_version(master, posting, [bullet.id for bullet in master.bullets()])
    scores = {bullet.id: bullet.score for bullet in everything.bullets}
    return versions.normalized(master, suggested_order(everything)), scores


def tailored_resume(resume: Resume, posting_text: str) -> Resume:
    """The resume showing only the suggested bullets (the CLI's `tailor`)."""
    return apply_version(resume, suggestion(resume, posting_text))


def fitted_resume(resume: Resume, posting: str | PreparedPosting, pages: int) -> budget.FitResult:
    """The tailored resume fitted to `pages` pages of the export (the CLI's `tailor --pages`,
    the page's "Fit to N pages"): the suggested bullets, then the lowest-ranked left out
    until it fits."""
    chosen, scores = _suggestion_and_scores(resume, posting)
    return budget.fit_to_pages(apply_version(resume, chosen), scores, pages)


def master_pages(master: Resume) -> int:
    """The master's page count in the export layout."""
    return page_count(resume_to_pdf(master, ExportOptions()))


def default_budget(master: Resume) -> int:
    """The page budget a version starts with: the master's page count, at most two."""
    return max(1, min(MAX_DEFAULT_PAGES, master_pages(master)))


@dataclass
class PageCount:
    version: int  # the version's pages as exported now
    master: int
    budget: int  # the pages the version is fitted to, or would be by default
    left_out: int  # entries and entry paragraphs left out to keep to the budget


def page_counts(workspace_id: str, version_id: str) -> PageCount:
    """The version's and its master's page counts, measured on the PDF export (about 0.1 s
    each), with the version's budget and how much it leaves out to keep to it."""
    stored = load(workspace_id, version_id)
    version = stored.version
    master = master_pages(stored.master)
    return PageCount(
        version=page_count(resume_to_pdf(version.apply(stored.master), ExportOptions())),
        master=master,
        budget=version.page_budget or max(1, min(MAX_DEFAULT_PAGES, master)),
        left_out=len(version.left_out_entry_ids) + len(version.left_out_summary_ids),
    )


@dataclass
class FitChange:
    """A version fitted to a page budget: its choice before and after, and what was left out."""

    master: Resume
    previous: list[str]
    previous_left_out: LeftOut
    bullet_ids: list[str]
    notes: list[str]


def fit_version(workspace_id: str, version_id: str, pages: int) -> FitChange:
    """Fit the version to `pages` pages and keep that as its budget: the posting's suggestion
    when it has a posting, else its own choice, with the lowest-ranked bullets, then
    optional entries, left out until the export fits. Slow (several renders): off the loop."""
    if pages < 1:
        raise InputError("Choose a budget of at least one page.")
    stored = load(workspace_id, version_id)
    master, version, posting = stored.master, stored.version, stored.posting
    previous = versions.normalized(master, version.bullet_ids)
    previous_left_out = LeftOut(list(version.left_out_entry_ids), list(version.left_out_summary_ids))
    try:
        prepared = prepare(posting.text) if posting is not None and posting.text.strip() else None
    except InputError:
        prepared = None  # no usable posting: fit the version's own choice
    if prepared is not None:
        fitted = fitted_resume(master, prepared, pages)
    else:
        fitted = budget.fit_to_pages(apply_version(master, previous), {}, pages)
    notes = _take_fit(master, version, fitted, pages)
    repository.save_version(workspace_id, version)
    return FitChange(master, previous, previous_left_out, version.bullet_ids, notes)


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
    allowed = limits.current().posting_chars
    if len(text) > allowed:
        raise limits.LimitReached(limits.posting_too_long(allowed))
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
    """A stored version ranked against its posting (ranking None: no posting yet); when it
    took the suggestion, `fit_notes` say what fitting it to its page budget left out."""

    master: Resume
    version: TailoredVersion
    ranking: Ranking | None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    fit_notes: list[str] = field(default_factory=list)


def _take_fit(master: Resume, version: TailoredVersion, fitted: budget.FitResult, pages: int) -> list[str]:
    """Give the version a fitting's choice and budget; returns the notes on what it left out."""
    version.page_budget = pages
    version.bullet_ids = versions.normalized(master, fitted.bullet_ids)
    version.left_out_entry_ids = [removal.entry_id for removal in fitted.dropped if removal.part == "entry"]
    version.left_out_summary_ids = [removal.entry_id for removal in fitted.dropped if removal.part == "summary"]
    return fitted.notes


def rank_stored(workspace_id: str, version_id: str, suggest: bool, pages: int = 0) -> RankResult:
    """Load the version and rank it, first choosing and naming it by the suggestion fitted
    to `pages` pages (default: the version's budget, else the master's page count up to
    two) when asked, and saving that. Slow: call it off the event loop."""
    stored = load(workspace_id, version_id)
    master, version, posting = stored.master, stored.version, stored.posting
    if posting is None or not posting.text.strip():
        return RankResult(master, version, None)
    prepared = prepare(posting.text)  # InputError for text that is no posting
    notes: list[str] = []
    if suggest:
        pages = pages or version.page_budget or default_budget(master)
        notes = _take_fit(master, version, fitted_resume(master, prepared, pages), pages)
        version.name = version_name(prepared.analysis)
        repository.save_version(workspace_id, version)
    ranking = rank_version(master, prepared, version.bullet_ids, version.left_out_entry_ids)
    return RankResult(master, version, ranking, keyword_spans(master, prepared), notes)


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
    choice, not a page's copy, is the starting point: another tab may have changed it. A
    bullet chosen in an entry that fitting left out brings the entry back."""
    version = repository.get_version(workspace_id, version_id)
    master = repository.get_resume(workspace_id, version.resume_id)
    previous = versions.normalized(master, version.bullet_ids)
    version.bullet_ids = change(master, previous)
    if version.bullet_ids != previous:
        chosen = set(version.bullet_ids)
        version.left_out_entry_ids = [
            entry.id
            for entry in master.entries()
            if entry.id in version.left_out_entry_ids and not any(bullet.id in chosen for bullet in entry.bullets)
        ]
        repository.save_version(workspace_id, version)
    return ChoiceChange(master, previous, version.bullet_ids)


def move(workspace_id: str, version_id: str, bullet_id: str, offset: int) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.move(master, ids, bullet_id, offset))


def place(workspace_id: str, version_id: str, bullet_id: str, index: int) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.place(master, ids, bullet_id, index))


def toggle(workspace_id: str, version_id: str, bullet_id: str) -> ChoiceChange:
    return change_choice(workspace_id, version_id, lambda master, ids: versions.toggle(master, ids, bullet_id))


def restore(workspace_id: str, version_id: str, bullet_ids: list[str], left_out: LeftOut | None = None) -> ChoiceChange:
    """Put back an earlier choice (undo), and what it left out when that is given."""
    if left_out is not None:
        version = repository.get_version(workspace_id, version_id)
        version.left_out_entry_ids, version.left_out_summary_ids = left_out.entry_ids, left_out.summary_ids
        repository.save_version(workspace_id, version)
    return change_choice(workspace_id, version_id, lambda master, _: versions.normalized(master, bullet_ids))


@dataclass
class LeftOut:
    """The entries and entry paragraphs a version leaves out (by entry id)."""

    entry_ids: list[str] = field(default_factory=list)
    summary_ids: list[str] = field(default_factory=list)


def left_out(workspace_id: str, version_id: str) -> LeftOut:
    version = repository.get_version(workspace_id, version_id)
    return LeftOut(list(version.left_out_entry_ids), list(version.left_out_summary_ids))


def put_back(workspace_id: str, version_id: str) -> LeftOut:
    """Show again every entry and paragraph the version left out; returns what it had left out."""
    version = repository.get_version(workspace_id, version_id)
    previous = LeftOut(list(version.left_out_entry_ids), list(version.left_out_summary_ids))
    version.left_out_entry_ids, version.left_out_summary_ids = [], []
    repository.save_version(workspace_id, version)
    return previous


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
    tailored = stored.version.apply(stored.master)
    return render(tailored, fmt, title=stored.version.name, fallback="tailored")
