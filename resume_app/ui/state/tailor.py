"""The tailoring page: one resume tailored to one job posting (a TailoredVersion).

The version's choice and order of bullets is saved on every change; the posting text is
saved as it is typed or pasted. Ranking (the model, embeddings) runs in a background
event through ui.matching_service; this state keeps only ids, strings and numbers.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import reflex as rx

from resume_app.core import editing, versions
from resume_app.core.errors import InputError
from resume_app.core.model import JobPosting, Resume, TailoredVersion, apply_version, new_id
from resume_app.export import render
from resume_app.export.layout import entry_dates
from resume_app.matching.ats import Check, bullet_checks, resume_checks
from resume_app.matching.keywords import mention_spans
from resume_app.matching.ranker import Ranking, prepare
from resume_app.matching.tailoring import UNNAMED_VERSION, suggested_order, version_name
from resume_app.storage import repository
from resume_app.ui.matching_service import model_progress, rank_version
from resume_app.ui.state.saving import FAILED, SAVED, SAVING
from resume_app.ui.state.workspace import WorkspaceState

log = logging.getLogger(__name__)

UNDO_LIMIT = 50
MAX_POSTING_CHARS = 1_000_000
KIND_LABELS = {"required": "Required", "responsibility": "Responsibility", "preferred": "Nice to have"}


@dataclass
class Segment:
    text: str = ""
    keyword: bool = False


@dataclass
class TailorBullet:
    id: str = ""
    text: str = ""
    chosen: bool = False
    # 1-based place among the entry's chosen bullets; 0 when left out.
    place: int = 0
    score: float = 0.0
    score_text: str = ""
    requirement: str = ""
    matched: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class TailorJob:
    id: str = ""
    heading: str = ""
    dates: str = ""
    chosen_count: int = 0
    bullet_rows: list[TailorBullet] = field(default_factory=list)


@dataclass
class RequirementRow:
    text: str = ""
    kind: str = ""
    covered: bool = False
    covered_by: list[str] = field(default_factory=list)


@dataclass
class CheckRow:
    message: str = ""
    fix: str = ""
    severity: str = ""
    where: str = ""


@dataclass
class VersionRow:
    id: str = ""
    name: str = ""
    current: bool = False


@dataclass
class CompareLine:
    text: str = ""
    note: str = ""


@dataclass
class CompareJob:
    heading: str = ""
    master_lines: list[CompareLine] = field(default_factory=list)
    version_lines: list[CompareLine] = field(default_factory=list)


@dataclass
class RankResult:
    """What a background ranking hands back to the state."""

    master: Resume
    version: TailoredVersion
    ranking: Ranking | None
    # Per bullet id: where its text mentions the posting's keywords.
    spans: dict[str, list[list[int]]] = field(default_factory=dict)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def keyword_segments(text: str, spans: list[list[int]]) -> list[Segment]:
    """The bullet's text cut into pieces, the posting's keywords it mentions marked."""
    segments, position = [], 0
    for start, end in spans:
        if start > position:
            segments.append(Segment(text[position:start], False))
        segments.append(Segment(text[start:end], True))
        position = end
    if position < len(text) or not segments:
        segments.append(Segment(text[position:], False))
    return segments


def _heading(title: str, organization: str) -> str:
    return " at ".join(part for part in (title, organization) if part) or "Untitled entry"


@lru_cache(maxsize=4096)
def _problems(text: str) -> tuple[str, ...]:
    """The writing checks' messages for a bullet text (cached: every change redraws every row)."""
    return tuple(check.message for check in bullet_checks("", text))


def _place_note(place: int, other: int | None, absent: str, where: str) -> str:
    """How a bullet's place compares with the other side: "" when the same."""
    if other is None:
        return absent
    return "" if other == place else f"#{other} {where}"


def _compare(master: Resume, bullet_ids: list[str]) -> list[CompareJob]:
    """Each job's bullets in the master and in the version, side by side, with what moved."""
    jobs = []
    for choice in versions.entry_choices(master, bullet_ids):
        master_shown = [bullet for bullet in choice.entry.bullets if not bullet.hidden]
        here = {bullet.id: place for place, bullet in enumerate(choice.chosen, start=1)}
        there = {bullet.id: place for place, bullet in enumerate(master_shown, start=1)}
        master_lines = [
            CompareLine(bullet.text, _place_note(place, here.get(bullet.id), "left out here", "here"))
            for place, bullet in enumerate(master_shown, start=1)
        ]
        version_lines = [
            CompareLine(bullet.text, _place_note(place, there.get(bullet.id), "hidden in the master", "in the master"))
            for place, bullet in enumerate(choice.chosen, start=1)
        ]
        jobs.append(CompareJob(_heading(choice.entry.title, choice.entry.organization), master_lines, version_lines))
    return jobs


def _check_rows(checks: list[Check], texts: dict[str, str]) -> list[CheckRow]:
    """The whole resume's checks, then each bullet check once with how many bullets it
    concerns (every bullet also shows its own problems beside its text)."""
    rows = [CheckRow(check.message, check.fix, check.severity, "") for check in checks if not check.bullet_id]
    by_code: dict[str, list[Check]] = {}
    for check in checks:
        if check.bullet_id:
            by_code.setdefault(check.code, []).append(check)
    for group in by_code.values():
        first = group[0]
        if len(group) == 1:
            rows.append(CheckRow(first.message, first.fix, first.severity, _short(texts.get(first.bullet_id, ""), 60)))
        else:
            same = all(check.message == first.message for check in group)
            message = first.message if same else "See the bullets marked in amber."
            rows.append(CheckRow(message, first.fix, first.severity, f"{len(group)} chosen bullets"))
    return rows


def _store_posting(workspace_id: str, version_id: str, text: str) -> tuple[str, bool]:
    """Save a version's posting text; returns the posting's id and whether the version
    should take the suggestion (its first posting chooses its bullets; later edits of the
    posting keep the person's choice)."""
    if len(text) > MAX_POSTING_CHARS:
        raise InputError("This posting is longer than a million characters; paste only the job's own text.")
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


def _rank_job(workspace_id: str, version_id: str, suggest: bool) -> RankResult:
    """Load the version, rank it (first applying the suggestion when asked); in a thread."""
    version = repository.get_version(workspace_id, version_id)
    master = repository.get_resume(workspace_id, version.resume_id)
    posting = repository.get_posting(workspace_id, version.job_posting_id) if version.job_posting_id else None
    if posting is None or not posting.text.strip():
        return RankResult(master, version, None)
    prepared = prepare(posting.text)  # InputError for text that is no posting
    if suggest:
        everything = rank_version(master, posting.text, [bullet.id for bullet in master.bullets()])
        version.bullet_ids = versions.normalized(master, suggested_order(everything))
        version.name = version_name(prepared.analysis)
        repository.save_version(workspace_id, version)
    spans = {
        bullet.id: [list(span) for span in mention_spans(bullet.text, prepared.keywords_of(bullet.text))]
        for bullet in master.bullets()
    }
    return RankResult(master, version, rank_version(master, posting.text, version.bullet_ids), spans)


class MatcherState(WorkspaceState):
    version_id: str = ""
    resume_id: str = ""
    resume_title: str = ""
    version_name: str = ""
    not_found: bool = False
    loaded: bool = False
    # The posting as stored, for the (uncontrolled) text box; `revision` re-keys it after an upload.
    posting_text: str = ""
    revision: int = 0
    # Re-keys the (uncontrolled) name box when the name changes from the server side.
    name_revision: int = 0
    posting_error: str = ""
    ranking_busy: bool = False
    model_loading: bool = False
    model_percent: int = 0
    ranked: bool = False

    jobs: list[TailorJob] = []
    match_score: int = 0
    gauge: list[dict[str, str | int]] = []
    coverage_chart: list[dict[str, str | int]] = []
    requirement_rows: list[RequirementRow] = []
    uncovered_count: int = 0
    matched_keywords: list[str] = []
    missing_here: list[str] = []
    missing_everywhere: list[str] = []
    checks: list[CheckRow] = []
    version_rows: list[VersionRow] = []

    save_status: str = SAVED
    save_message: str = ""
    save_count: int = 0
    undo_label: str = ""

    editing_id: str = ""
    editing_text: str = ""
    editing_draft: str = ""
    confirm_open: bool = False
    confirm_message: str = ""
    compare_open: bool = False
    compare_jobs: list[CompareJob] = []

    # Backend only.
    _bullet_ids: list[str] = []
    _posting_id: str = ""
    _undo: list[dict] = []
    # Per bullet: score, requirement and matched keywords from the latest ranking.
    _scores: dict[str, dict] = {}
    _rank_generation: int = 0
    _pending_text: str = ""

    # Loading

    @rx.event
    def load(self):
        version_id = self.router.page.params.get("version_id", "")
        if version_id != self.version_id:
            # Undo history and a bullet being edited belong to one version; a reload of the
            # same page keeps them.
            self._undo, self.undo_label, self._scores = [], "", {}
            self.ranked = False
            self.editing_id, self.compare_open = "", False
        self.version_id = version_id
        self.save_status, self.save_message, self.posting_error = SAVED, "", ""
        self.confirm_open = False
        try:
            version = repository.get_version(self.workspace_id(), version_id)
            master = repository.get_resume(self.workspace_id(), version.resume_id)
            posting = (
                repository.get_posting(self.workspace_id(), version.job_posting_id) if version.job_posting_id else None
            )
        except InputError:
            self.not_found, self.loaded = True, True
            return
        self.not_found = False
        self.resume_id, self.resume_title = master.id, master.title
        self.version_name = version.name
        self.name_revision += 1
        self._bullet_ids = versions.normalized(master, version.bullet_ids)
        self._posting_id = posting.id if posting else ""
        self.posting_text = posting.text if posting else ""
        self.revision += 1
        self._show_rows(master)
        self._list_versions()
        self.loaded = True
        if self.posting_text.strip():
            return MatcherState.rank_posting(False)

    def _list_versions(self) -> None:
        self.version_rows = [
            VersionRow(version.id, version.name, version.id == self.version_id)
            for version in repository.list_versions(self.workspace_id(), self.resume_id)
        ]

    # Showing

    def _show_rows(self, master: Resume) -> None:
        jobs = []
        for choice in versions.entry_choices(master, self._bullet_ids):
            left_out = sorted(choice.left_out, key=lambda b: -self._scores.get(b.id, {}).get("score", 0.0))
            rows = []
            for place, bullet in enumerate(choice.chosen + left_out, start=1):
                info = self._scores.get(bullet.id, {})
                rows.append(
                    TailorBullet(
                        id=bullet.id,
                        text=bullet.text,
                        chosen=place <= len(choice.chosen),
                        place=place if place <= len(choice.chosen) else 0,
                        score=float(info.get("score", 0.0)),
                        score_text=f"{info['score']:.0f}" if "score" in info else "",
                        requirement=_short(info.get("requirement", ""), 110),
                        matched=list(info.get("keywords", [])),
                        segments=keyword_segments(bullet.text, info.get("spans", [])),
                        problems=list(_problems(bullet.text)),
                    )
                )
            entry = choice.entry
            jobs.append(
                TailorJob(
                    entry.id,
                    _heading(entry.title, entry.organization),
                    entry_dates(entry),
                    len(choice.chosen),
                    rows,
                )
            )
        self.jobs = jobs
        if self.compare_open:
            self.compare_jobs = _compare(master, self._bullet_ids)

    def _show_ranking(self, master: Resume, ranking: Ranking, spans: dict[str, list[list[int]]]) -> None:
        self._scores = {
            bullet.id: {
                "score": bullet.score,
                "requirement": bullet.requirement,
                "keywords": list(bullet.keywords),
                "spans": spans.get(bullet.id, []),
            }
            for bullet in ranking.bullets
        }
        texts = {bullet.id: bullet.text for bullet in master.bullets()}
        self.match_score = ranking.match_score
        color = "#e5484d" if ranking.match_score < 40 else "#f5a623" if ranking.match_score < 70 else "#30a46c"
        self.gauge = [{"name": "Match", "value": ranking.match_score, "fill": color}]
        self.requirement_rows = [
            RequirementRow(
                item.text,
                KIND_LABELS.get(item.kind, item.kind),
                bool(item.covered_by),
                [_short(texts.get(bullet_id, "")) for bullet_id in item.covered_by[:2]],
            )
            for item in ranking.requirements
        ]
        self.uncovered_count = sum(1 for row in self.requirement_rows if not row.covered)
        chart = []
        for kind, label in KIND_LABELS.items():
            rows = [item for item in ranking.requirements if item.kind == kind]
            if rows:
                covered = sum(1 for item in rows if item.covered_by)
                chart.append({"kind": label, "covered": round(100 * covered / len(rows)), "count": len(rows)})
        self.coverage_chart = chart
        self.matched_keywords = list(ranking.keywords.matched)
        self.missing_here = list(ranking.keywords.missing_but_in_master)
        self.missing_everywhere = list(ranking.keywords.missing_in_resume)
        tailored = apply_version(master, self._bullet_ids)
        self.checks = _check_rows(resume_checks(tailored), texts)
        self.ranked = True
        self._show_rows(master)

    def _clear_ranking(self) -> None:
        self._scores, self.ranked = {}, False
        self.match_score, self.gauge, self.coverage_chart = 0, [], []
        self.requirement_rows, self.uncovered_count, self.checks = [], 0, []
        self.matched_keywords, self.missing_here, self.missing_everywhere = [], [], []

    # The posting

    @rx.event
    async def set_posting_text(self, text: str):
        """Save the posting as typed (after a pause) or when the box is left."""
        async for update in self._take_posting(text):
            yield update

    @rx.event
    async def submit_posting(self, form: dict):
        """The posting form: sent by the Match button, and right after a paste (assets/keyboard.js)."""
        async for update in self._take_posting(str(form.get("posting", ""))):
            yield update

    async def _take_posting(self, text: str):
        """Save the posting, then rank against it in the background."""
        if text == self.posting_text:
            return
        self.posting_text = text
        try:
            # Off the event loop: the posting's analysis takes a moment on a long posting.
            self._posting_id, suggest = await asyncio.to_thread(
                _store_posting, self.workspace_id(), self.version_id, text
            )
        except InputError as error:
            self.save_status, self.save_message = FAILED, str(error)
            return
        self.save_count += 1
        yield MatcherState.rank_posting(suggest)

    @rx.event
    async def upload_posting(self, files: list[rx.UploadFile]):
        """Read a posting from a .txt, .pdf or .docx file into the text box."""
        from resume_app.parsing.posting_file import posting_text
        from resume_app.ui.state.uploads import read_single_upload

        self.posting_error = ""
        try:
            filename, data = await read_single_upload(files)
            text = await asyncio.to_thread(posting_text, filename, data)
        except InputError as error:
            self.posting_error = str(error)
            return
        except Exception:
            log.exception("reading an uploaded posting failed")
            self.posting_error = "This file could not be read; paste the posting's text instead."
            return
        self.revision += 1
        yield MatcherState.set_posting_text(text)

    @rx.event(background=True)
    async def rank_posting(self, suggest: bool):
        """Rank the version against its posting; shows the model's load progress first if needed."""
        async with self:
            self._rank_generation += 1
            generation = self._rank_generation
            workspace, version_id = self.workspace_id(), self.version_id
            self.ranking_busy, self.posting_error = True, ""
        progress = model_progress()
        while not progress.ready and not progress.error:
            async with self:
                if generation != self._rank_generation:
                    return
                self.model_loading, self.model_percent = True, progress.percent
            await asyncio.sleep(0.25)
            progress = model_progress()
        error, result = progress.error, None
        if not error:
            try:
                result = await asyncio.to_thread(_rank_job, workspace, version_id, suggest)
            except InputError as problem:
                error = str(problem)
            except Exception:
                log.exception("ranking version %s failed", version_id)
                error = "The ranking failed on this posting; try again or paste a shorter text."
        async with self:
            if generation != self._rank_generation:
                return
            self.model_loading, self.ranking_busy = False, False
            if error or result is None or result.ranking is None:
                self.posting_error = error
                self._clear_ranking()
                if result is not None:
                    self._show_rows(result.master)
                return
            if suggest:
                # The suggestion was saved as the version's choice.
                self.version_name = result.version.name
                self.name_revision += 1
                self.save_status, self.save_count = SAVED, self.save_count + 1
                self._list_versions()
            # What is stored now: the person may have changed the choice while this ran.
            try:
                stored = repository.get_version(workspace, version_id).bullet_ids
            except InputError as problem:  # deleted in another tab meanwhile
                self.posting_error = str(problem)
                return
            self._bullet_ids = versions.normalized(result.master, stored)
            self._show_ranking(result.master, result.ranking, result.spans)

    # Changes to the version

    def _master(self) -> Resume:
        return repository.get_resume(self.workspace_id(), self.resume_id)

    def _change(self, change: Callable[[Resume, list[str]], list[str]], label: str = "", panel: bool = False):
        """Apply `change` to the version's stored choice of bullets and save the result.

        The stored choice, not this page's copy, is the starting point: another tab may have
        changed the version since. The old choice is remembered for undo (unless `label` is
        empty: an undo itself); `panel` re-ranks for the match panel when the choice changed.
        """
        workspace = self.workspace_id()
        self.save_status = SAVING
        try:
            master = self._master()
            version = repository.get_version(workspace, self.version_id)
            previous = versions.normalized(master, version.bullet_ids)
            version.bullet_ids = change(master, previous)
            if version.bullet_ids != previous:
                repository.save_version(workspace, version)
        except InputError as error:
            self.save_status, self.save_message = FAILED, str(error)
            return None
        if label and version.bullet_ids != previous:
            self._undo = [*self._undo, {"label": label, "order": previous}][-UNDO_LIMIT:]
            self.undo_label = label
        self._bullet_ids = version.bullet_ids
        self.save_status, self.save_message = SAVED, ""
        self.save_count += 1
        self._show_rows(master)
        # Only the choice, not the order, changes what the match panel shows.
        if panel and self._posting_id and set(version.bullet_ids) != set(previous):
            return MatcherState.rank_posting(False)
        return None

    @rx.event
    def move(self, bullet_id: str, offset: int):
        return self._change(lambda master, ids: versions.move(master, ids, bullet_id, offset), "move", False)

    @rx.event
    def place(self, bullet_id: str, index: int):
        """A drag and drop: `index` is where the bullet landed in its job's list."""
        return self._change(lambda master, ids: versions.place(master, ids, bullet_id, index), "move", True)

    @rx.event
    def toggle(self, bullet_id: str):
        return self._change(lambda master, ids: versions.toggle(master, ids, bullet_id), "include/exclude", True)

    @rx.event
    def reset_to_suggestion(self):
        if not self._posting_id:
            return
        previous = list(self._bullet_ids)
        self._undo = [*self._undo, {"label": "reset", "order": previous}][-UNDO_LIMIT:]
        self.undo_label = "reset"
        # The suggestion needs the model: the background ranking applies and saves it.
        return MatcherState.rank_posting(True)

    @rx.event
    def undo(self):
        if not self._undo:
            return None
        *rest, last = self._undo
        self._undo = rest
        self.undo_label = rest[-1]["label"] if rest else ""
        if "order" in last:
            return self._change(lambda master, _: versions.normalized(master, last["order"]), panel=True)
        if self._write_text(last["bullet"], last["text"]) and self._posting_id:
            return MatcherState.rank_posting(False)
        return None

    # Editing a bullet (the master's: every version that shows it changes)

    @rx.event
    def start_edit(self, bullet_id: str):
        row = next((b for job in self.jobs for b in job.bullet_rows if b.id == bullet_id), None)
        self.editing_id, self.editing_text = bullet_id, row.text if row else ""
        self.editing_draft = self.editing_text
        self.revision += 1

    @rx.event
    def set_edit_draft(self, text: str):
        """Keep the text being edited, so a reload brings it back."""
        self.editing_draft = text

    @rx.event
    def cancel_edit(self):
        self.editing_id, self.confirm_open = "", False

    @rx.event
    def save_edit(self, text: str):
        text = " ".join(text.split())
        if not self.editing_id or text == self.editing_text:
            self.editing_id = ""
            return
        self._pending_text = text
        others = [
            version.name
            for version in repository.list_versions(self.workspace_id(), self.resume_id)
            if version.id != self.version_id and self.editing_id in version.bullet_ids
        ]
        if others:
            names = ", ".join(f'"{name}"' for name in others[:3]) + (" and more" if len(others) > 3 else "")
            count = "1 other tailored version" if len(others) == 1 else f"{len(others)} other tailored versions"
            self.confirm_message = f"This bullet is also in {count} ({names}). Change it there too?"
            self.confirm_open = True
            return
        return self.confirm_edit()

    @rx.event
    def save_edit_form(self, form: dict):
        return self.save_edit(str(form.get("text", "")))

    @rx.event
    def confirm_edit(self):
        bullet_id, text = self.editing_id, self._pending_text
        self.confirm_open, self.editing_id = False, ""
        previous = self.editing_text
        if self._write_text(bullet_id, text):
            self._undo = [*self._undo, {"label": "edit", "bullet": bullet_id, "text": previous}][-UNDO_LIMIT:]
            self.undo_label = "edit"
        return MatcherState.rank_posting(False) if self._posting_id else None

    def _write_text(self, bullet_id: str, text: str) -> bool:
        self.save_status = SAVING
        try:
            master, _ = repository.update_resume(
                self.workspace_id(), self.resume_id, lambda resume: editing.set_bullet_text(resume, bullet_id, text)
            )
        except InputError as error:
            self.save_status, self.save_message = FAILED, str(error)
            return False
        self.save_status, self.save_message = SAVED, ""
        self.save_count += 1
        self._show_rows(master)
        return True

    # Versions

    @rx.event
    def duplicate(self):
        copy = repository.duplicate_version(self.workspace_id(), self.version_id)
        return rx.redirect(f"/tailor/{copy.id}")

    @rx.event
    def rename(self, name: str):
        name = " ".join(name.split())
        if not name or name == self.version_name:
            return
        try:
            version = repository.get_version(self.workspace_id(), self.version_id)
            version.name = name
            repository.save_version(self.workspace_id(), version)
        except InputError as error:
            self.save_status, self.save_message = FAILED, str(error)
            return
        self.version_name = name
        self.save_status, self.save_message = SAVED, ""
        self.save_count += 1
        self._list_versions()

    @rx.event
    def toggle_compare(self):
        self.compare_open = not self.compare_open
        if self.compare_open:
            self.compare_jobs = _compare(self._master(), self._bullet_ids)

    @rx.event
    async def download(self, kind: str):
        """The tailored version as an ATS-safe DOCX, or as a PDF."""
        try:
            version = repository.get_version(self.workspace_id(), self.version_id)
            tailored = apply_version(self._master(), version.bullet_ids)
            fmt = "pdf" if kind == "pdf" else "docx"
            exported = await asyncio.to_thread(render, tailored, fmt, title=self.version_name, fallback="tailored")
        except InputError as error:
            self.save_status, self.save_message = FAILED, str(error)
            return
        yield rx.download(data=exported.data, filename=exported.filename, mime_type=exported.mime_type)
