"""The tailoring page: one resume tailored to one job posting (a TailoredVersion).

The version's choice and order of bullets is saved on every change; the posting text is
saved as it is typed or pasted. What a change does lives in resume_app.tailoring; these
states keep only ids, strings and numbers, and the ranking runs in a background event.

`TailorState` is the page: its ids, the posting and its ranking, the version's choice of
bullets and undo. Each other concern is a substate of it, as Reflex's docs split a state
that grew, that reads the page's ids as its own (inherited) vars and owns its own vars and
events: `VersionsState` (the master's versions: list, rename, duplicate, delete; a link
switches), `CompareState` (the version beside its master) and `BulletEditState` (a master
bullet's text edited in place).
"""

import asyncio
import logging

import reflex as rx

from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.matching.ranker import Ranking
from resume_app.parsing import sandbox
from resume_app.storage import repository
from resume_app.tailoring import pasted, rows, service, versions, writing
from resume_app.tailoring.embedding import model_progress
from resume_app.tailoring.rows import (
    BreakdownRow,
    BulletScore,
    CheckRow,
    CompareJob,
    LeftOutRow,
    RequirementRow,
    TailorJob,
    VersionRow,
)
from resume_app.ui.state.saving import ACTION_OUTAGE, SAVED, SavingMixin, is_outage
from resume_app.ui.state.workspace import WorkspaceState

log = logging.getLogger(__name__)
# The `service` functions of a version a change may name (SavingMixin queues them by name);
# `restore` and `set_bullet_text` are written by `_write_step` itself.
_WRITES = frozenset({"move", "place", "toggle", "rename", "put_back", "store_posting"})

UNDO_LIMIT = 50
RANK_OUTAGE = "The database cannot be reached, so the posting was not ranked; press Match when it is back."


class TailorState(SavingMixin, WorkspaceState):
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
    requirement_rows: list[RequirementRow] = []
    breakdown: list[BreakdownRow] = []
    matched_keywords: list[str] = []
    missing_here: list[str] = []
    missing_everywhere: list[str] = []
    checks: list[CheckRow] = []
    # Conditions of employment (never scored) and what the analysis left out of the posting.
    eligibility: list[str] = []
    posting_left_out: list[LeftOutRow] = []

    # Backend only.
    _bullet_ids: list[str] = []
    _posting_id: str = ""
    _undo: list[dict] = []
    # Per bullet: score, requirement, matched keywords and their places, from the latest ranking.
    _scores: dict[str, BulletScore] = {}
    _rank_generation: int = 0

    # Derived from what is stored above, recomputed only when that changes.

    @rx.var(cache=True)
    def gauge(self) -> list[dict[str, str | int]]:
        return rows.gauge(self.match_score) if self.ranked else []

    @rx.var(cache=True)
    def coverage_chart(self) -> list[dict[str, str | int]]:
        return rows.coverage_chart(self.requirement_rows)

    @rx.var(cache=True)
    def coverage_text(self) -> str:
        """The coverage chart in words, for those who cannot see it."""
        return rows.coverage_text(self.coverage_chart)

    @rx.var(cache=True)
    def uncovered_count(self) -> int:
        """Requirements no chosen bullet meets even in part (status Missing)."""
        return sum(1 for row in self.requirement_rows if row.status == "Missing")

    @rx.var(cache=True)
    def undo_label(self) -> str:
        """What Undo would take back ("" when nothing): the latest step remembered."""
        return self._undo[-1]["label"] if self._undo else ""

    # Loading

    @rx.event
    async def load(self):
        if not self.workspace_token:
            # A state that lost the browser's storage (Redis restarted): ask the browser.
            return self._ask_key(TailorState.load_with_key)
        return await self._load()

    @rx.event
    async def load_with_key(self, key: str):
        self._take_key(key)
        return await self._load()

    async def _load(self):
        version_id = self.router.page.params.get("version_id", "") or self.version_id
        # Edits made before the state knew its page (a state lost with Redis) belong to it.
        self._fill_targets(version_id)
        edit = await self.get_state(BulletEditState)
        compare = await self.get_state(CompareState)
        listing = await self.get_state(VersionsState)
        if version_id != self.version_id:
            # Undo history, a bullet being edited and the compare view belong to one version;
            # a reload of the same page keeps them.
            self._undo, self._scores = [], {}
            self.ranked = False
            edit.editing_id, compare.compare_open = "", False
            # Imported here: the writing panel's state is a substate of this one.
            from resume_app.ui.state.writing import WritingState

            (await self.get_state(WritingState)).close_suggestions()
        self.version_id = version_id
        self.posting_error, self.load_error = "", ""
        if not self._pending:
            self.save_status, self.save_message = SAVED, ""
        edit.confirm_open, listing.delete_id = False, ""
        try:
            if self._pending:
                self._flush()
            stored = service.load(self.workspace_id(), version_id)
        except InputError:
            self.not_found, self.loaded = True, True
            return None
        except Exception as error:
            if self._page_unavailable(error):
                return None
            raise
        master, version, posting = stored.master, stored.version, stored.posting
        self.not_found = False
        self.resume_id, self.resume_title = master.id, master.title
        self.version_name = version.name
        self.name_revision += 1
        self._bullet_ids = versions.normalized(master, version.bullet_ids)
        self._posting_id = posting.id if posting else ""
        self.posting_text = posting.text if posting else ""
        self.revision += 1
        self._show_rows(master)
        try:
            listing.list_versions()
        except Exception as error:
            if self._page_unavailable(error):
                return None
            raise
        self.loaded = True
        if self.posting_text.strip():
            return [TailorState.rank_posting(False), LengthState.count_pages]
        return LengthState.count_pages

    # Showing

    def _show_rows(self, master: Resume) -> None:
        self.jobs = rows.job_rows(master, self._bullet_ids, self._scores)
        # The compare view, when open, follows every change of the choice or of a bullet's text.
        self.get_substate([CompareState.get_name()]).show(master, self._bullet_ids)

    def _show_ranking(self, master: Resume, ranking: Ranking, spans: dict[str, list[tuple[int, int]]]) -> None:
        self._scores = rows.bullet_scores(ranking, spans)
        panel = rows.match_panel(master, self._bullet_ids, ranking)
        self.match_score = panel.match_score
        self.requirement_rows = panel.requirement_rows
        self.breakdown = panel.breakdown
        self.matched_keywords = panel.matched_keywords
        self.missing_here = panel.missing_here
        self.missing_everywhere = panel.missing_everywhere
        self.checks = panel.checks
        parts = rows.posting_parts(ranking.analysis)
        self.eligibility, self.posting_left_out = parts.eligibility, parts.left_out
        self.ranked = True
        self._show_rows(master)

    def _clear_ranking(self) -> None:
        self._scores, self.ranked = {}, False
        self.match_score, self.requirement_rows, self.breakdown, self.checks = 0, [], [], []
        self.matched_keywords, self.missing_here, self.missing_everywhere = [], [], []
        self.eligibility, self.posting_left_out = [], []

    # The posting

    @rx.event
    async def set_posting_text(self, text: str):
        """Save the posting as typed (after a pause) or when the box is left."""
        async for update in self._take_posting(text):
            yield update

    @rx.event
    async def submit_posting(self, form: dict):
        """The posting form: sent by the Match button, and right after a paste (assets/keyboard.js);
        a rich paste adds the clipboard's HTML, its plain text and where it went (posting_*)."""
        rich = {key: str(form.get(f"posting_{key}", "")) for key in ("html", "plain", "span")}
        async for update in self._take_posting(str(form.get("posting", "")), **rich):
            yield update

    async def _take_posting(self, text: str, html: str = "", plain: str = "", span: str = ""):
        """Save the posting, then rank against it in the background."""
        if html or pasted.is_html(text):
            text = await self._read_pasted_html(text, html, plain, span)
            if text is None:
                return
        if text == self.posting_text:
            return
        self.posting_text = text
        if self._pending:
            # Edits wait for the database: the posting goes after them.
            saved, stored = self._save_op("store_posting", text, repeatable=True)
            if not saved:
                return
            self._posting_id, suggest = stored
        else:
            try:
                # Off the event loop: the posting's analysis takes a moment on a long posting.
                self._posting_id, suggest = await asyncio.to_thread(
                    service.store_posting, self.workspace_id(), self.version_id, text
                )
            except InputError as error:
                self._not_saved(str(error))
                return
            except Exception as error:
                if not self._keep_unwritten(error, "store_posting", text):
                    raise
                return
            self.save_count += 1
        yield TailorState.rank_posting(suggest)

    async def _read_pasted_html(self, text: str, html: str, plain: str, span: str) -> str | None:
        """Pasted HTML (a rich paste, or HTML source) as the posting's text; the box shows it."""
        try:
            read = await sandbox.run_async(pasted.posting_from_box, text, html, plain, span, what="paste")
        except InputError as error:
            self._not_saved(str(error))
            return None
        except Exception:
            log.exception("reading pasted HTML failed")
            self._not_saved("This HTML could not be read; paste the posting's text instead.")
            return None
        if read != self.posting_text:
            self.revision += 1  # re-keys the box, which shows the text read from the HTML
        return read

    @rx.event
    async def upload_posting(self, files: list[rx.UploadFile]):
        """Read a posting from a .txt, .pdf or .docx file into the text box."""
        from resume_app.parsing.posting_file import posting_text
        from resume_app.ui.state.uploads import read_single_upload

        self.posting_error = ""
        try:
            # A posting file is parsed like a resume: it counts against the upload limit.
            repository.charge_upload(self.workspace_id(), "posting")
            filename, data = await read_single_upload(files)
            text = await sandbox.run_async(posting_text, filename, data)
        except InputError as error:
            self.posting_error = str(error)
            return
        except Exception:
            log.exception("reading an uploaded posting failed")
            self.posting_error = "This file could not be read; paste the posting's text instead."
            return
        self.revision += 1
        yield TailorState.set_posting_text(text)

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
                result = await asyncio.to_thread(service.rank_stored, workspace, version_id, suggest)
            except InputError as problem:
                error = str(problem)
            except Exception as problem:
                if is_outage(problem):
                    log.warning("ranking version %s: the database cannot be reached: %s", version_id, problem)
                    error = RANK_OUTAGE
                else:
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
                # The suggestion, fitted to the version's page budget, was saved as its choice.
                length = await self.get_state(LengthState)
                length.fit_notes = result.fit_notes
                self.version_name = result.version.name
                self.name_revision += 1
                # (The versions list shows the new name: it follows `version_name`.)
                self.save_count += 1
                if not self._pending:  # edits still waiting for the database keep "Not saved"
                    self.save_status = SAVED
            # What is stored now: the person may have changed the choice while this ran.
            try:
                self._bullet_ids = service.stored_choice(workspace, version_id, result.master)
            except InputError as problem:  # deleted in another tab meanwhile
                self.posting_error = str(problem)
                return
            self._show_ranking(result.master, result.ranking, result.spans)
        if suggest:
            return LengthState.count_pages
        return None

    # Changes to the version

    def _master(self) -> Resume:
        return service.master(self.workspace_id(), self.resume_id)

    # Saving: every change is a `service` function (named in _WRITES) with plain arguments,
    # so that a change the database cannot take yet waits in the queue (SavingMixin).

    def _save_target(self) -> str:
        return self.version_id

    def _write_step(self, op: str, args: list, target: str):
        workspace = self.workspace_id()
        if op == "restore":
            order, left_out = args
            return service.restore(workspace, target, order, service.LeftOut(**left_out) if left_out else None)
        if op == "set_bullet_text":
            # A master bullet: written to the resume, not the version (its id is the first argument).
            return service.set_bullet_text(workspace, *args)
        if op not in _WRITES:
            raise ValueError(f"not a tailoring change: {op}")
        return getattr(service, op)(workspace, target, *args)

    async def _reload(self):
        """The page as stored, after waiting edits were written (the ranking and length follow)."""
        return await self._load()

    def _change(self, op: str, *args, label: str = "", panel: bool = False):
        """Make a change to the version's choice of bullets (the `service` function `op`).

        The old choice is remembered for undo (unless `label` is empty: an undo itself);
        `panel` re-ranks for the match panel when the set of chosen bullets changed.
        """
        saved, result = self._save_op(op, *args)
        if not saved:
            return None
        if label and result.changed:
            self._remember({"label": label, "order": result.previous})
        self._bullet_ids = result.bullet_ids
        self._show_rows(result.master)
        # Only the choice, not the order, changes what the match panel and the length show.
        if not result.chosen_changed:
            return None
        if panel and self._posting_id:
            return [TailorState.rank_posting(False), LengthState.count_pages]
        return LengthState.count_pages

    @rx.event
    def move(self, bullet_id: str, offset: int):
        return self._change("move", bullet_id, offset, label="move")

    @rx.event
    def place(self, bullet_id: str, index: int):
        """A drag and drop: `index` is where the bullet landed in its job's list."""
        return self._change("place", bullet_id, index, label="move", panel=True)

    @rx.event
    def toggle(self, bullet_id: str):
        return self._change("toggle", bullet_id, label="include/exclude", panel=True)

    @rx.event
    def reset_to_suggestion(self):
        if not self._posting_id:
            return
        self._remember_choice("reset", list(self._bullet_ids), service.left_out(self.workspace_id(), self.version_id))
        # The suggestion needs the model: the background ranking applies and saves it.
        return TailorState.rank_posting(True)

    @rx.event
    def undo(self):
        if not self._undo:
            return None
        *rest, last = self._undo
        self._undo = rest
        if "order" in last:
            left_out = last.get("left_out")
            events = self._change("restore", last["order"], left_out, panel=True)
            # Putting back what a fitting left out changes the length even with the same bullets.
            return events if events or left_out is None else LengthState.count_pages
        if "added" in last:  # a split: the bullet reads as before, the added one is gone
            saved, master = self._save(
                lambda: writing.undo_split(
                    self.workspace_id(), self.resume_id, last["bullet"], last["text"], last["added"]
                )
            )
            if not saved:
                return None
            self._bullet_ids = service.stored_choice(self.workspace_id(), self.version_id, master)
            self._show_rows(master)
            return self._text_changed()
        if self._write_text(last["bullet"], last["text"]):
            return self._text_changed()
        return None

    def _text_changed(self) -> list:
        """What follows a change of what the version shows beyond its choice (a bullet's text,
        entries put back): a new ranking and a new page count."""
        return (
            [TailorState.rank_posting(False), LengthState.count_pages]
            if self._posting_id
            else [LengthState.count_pages]
        )

    def _remember_choice(self, label: str, order: list[str], left_out: service.LeftOut) -> None:
        """Remember a choice with what it left out, for undo."""
        self._remember(
            {
                "label": label,
                "order": order,
                "left_out": {"entry_ids": left_out.entry_ids, "summary_ids": left_out.summary_ids},
            }
        )

    def _remember(self, step: dict) -> None:
        """One step for undo: {"label", "order"} for a choice, {"label", "bullet", "text"} for an edit
        (and "added", the new bullet's id, for a split)."""
        self._undo = [*self._undo, step][-UNDO_LIMIT:]

    def _write_text(self, bullet_id: str, text: str) -> bool:
        saved, master = self._save_op("set_bullet_text", self.resume_id, bullet_id, text, repeatable=True)
        if saved:
            self._show_rows(master)
        return saved

    # The file

    @rx.event
    async def download(self, kind: str):
        """The tailored version as an ATS-safe DOCX, or as a PDF."""
        fmt = "pdf" if kind == "pdf" else "docx"
        try:
            exported = await asyncio.to_thread(service.export, self.workspace_id(), self.version_id, fmt)
        except InputError as error:
            self._not_saved(str(error))
            return
        yield rx.download(data=exported.data, filename=exported.filename, mime_type=exported.mime_type)


class BulletEditState(TailorState):
    """Editing a master bullet's text from the tailoring page: every version that shows it
    changes, after asking when other versions show it."""

    editing_id: str = ""
    editing_text: str = ""
    editing_draft: str = ""
    confirm_open: bool = False
    confirm_message: str = ""
    _pending_text: str = ""

    @rx.event
    async def start_edit(self, bullet_id: str):
        page = await self.get_state(TailorState)
        row = next((b for job in page.jobs for b in job.bullet_rows if b.id == bullet_id), None)
        self.editing_id, self.editing_text = bullet_id, row.text if row else ""
        self.editing_draft = self.editing_text
        page.revision += 1

    @rx.event
    def set_edit_draft(self, text: str):
        """Keep the text being edited, so a reload brings it back."""
        self.editing_draft = text

    @rx.event
    def cancel_edit(self):
        self.editing_id, self.confirm_open = "", False

    @rx.event
    async def save_edit(self, text: str):
        text = " ".join(text.split())
        if not self.editing_id or text == self.editing_text:
            self.editing_id = ""
            return None
        self._pending_text = text
        page = await self.get_state(TailorState)
        others = service.shared_with(page.workspace_id(), page.version_id, self.editing_id)
        if others:
            self.confirm_message = service.shared_question(others)
            self.confirm_open = True
            return None
        return await self.confirm_edit()

    @rx.event
    async def save_edit_form(self, form: dict):
        return await self.save_edit(str(form.get("text", "")))

    @rx.event
    async def confirm_edit(self):
        bullet_id, text, previous = self.editing_id, self._pending_text, self.editing_text
        self.confirm_open, self.editing_id = False, ""
        page = await self.get_state(TailorState)
        if not page._write_text(bullet_id, text):
            return None
        page._remember({"label": "edit", "bullet": bullet_id, "text": previous})
        return page._text_changed()


class VersionsState(TailorState):
    """The master's tailored versions, on the tailoring page: listed (a link switches to
    one), this one renamed or duplicated, any of them deleted after asking."""

    # The version a delete dialog asks about ("" when the dialog is closed).
    delete_id: str = ""
    # The versions as last listed from storage (backend only).
    _listed: list[VersionRow] = []

    @rx.var(cache=True)
    def version_rows(self) -> list[VersionRow]:
        """The versions, this one named as its heading is: a rename or a suggestion renames it."""
        return [
            VersionRow(row.id, self.version_name if row.id == self.version_id else row.name, row.id == self.version_id)
            for row in self._listed
        ]

    @rx.var(cache=True)
    def delete_name(self) -> str:
        return next((row.name for row in self.version_rows if row.id == self.delete_id), "")

    def list_versions(self) -> None:
        self._listed = service.version_rows(self.workspace_id(), self.resume_id, self.version_id)

    @rx.event
    def rename(self, name: str):
        if " ".join(name.split()) in ("", self.version_name):
            return
        saved, name = self._save_op("rename", name, repeatable=True)
        if saved:
            self.version_name = name

    @rx.event
    def duplicate(self):
        saved, copy_id = self._save(lambda: service.duplicate(self.workspace_id(), self.version_id))
        return rx.redirect(f"/tailor/{copy_id}") if saved else None

    @rx.event
    def ask_delete(self, version_id: str):
        self.delete_id = version_id

    @rx.event
    def cancel_delete(self):
        self.delete_id = ""

    @rx.event
    def confirm_delete(self):
        """Delete the version asked about; deleting this one goes back to the master."""
        version_id, self.delete_id = self.delete_id, ""
        if not version_id:
            return None
        saved, _ = self._save(lambda: service.delete_version(self.workspace_id(), version_id))
        if not saved:
            return None
        if version_id == self.version_id:
            return rx.redirect(f"/resume/{self.resume_id}")
        self.list_versions()
        return None


class CompareState(TailorState):
    """The version beside its master, job by job, instead of the bullets to tailor."""

    compare_open: bool = False
    compare_jobs: list[CompareJob] = []

    @rx.event
    def toggle_compare(self):
        self.compare_open = not self.compare_open
        self.compare_jobs = rows.compare(self._master(), self._bullet_ids) if self.compare_open else []

    def show(self, master: Resume, bullet_ids: list[str]) -> None:
        """Compare `master` with the choice `bullet_ids` if the view is open (the page calls
        this whenever either changes). A closed view is left untouched: nothing to send."""
        if self.compare_open:
            self.compare_jobs = rows.compare(master, bullet_ids)


class LengthState(TailorState):
    """The version's length: its page count, measured on the export after every change, and
    fitting it to a page budget (the suggestion within N pages; what had to go is listed)."""

    page_count: int = 0
    master_page_count: int = 0
    counting: bool = False
    # The budget the control shows ("1" or "2"), the version's own once counted.
    budget: str = "2"
    fit_busy: bool = False
    fit_notes: list[str] = []
    # Entries and entry paragraphs the version leaves out to keep to its budget.
    left_out_count: int = 0
    _count_generation: int = 0

    @rx.var(cache=True)
    def length_text(self) -> str:
        if not self.page_count:
            return ""
        pages = f"{self.page_count} page{'s' if self.page_count != 1 else ''}"
        return f"{pages} (the master: {self.master_page_count})"

    @rx.var(cache=True)
    def fit_summary(self) -> str:
        count = len(self.fit_notes)
        if count == 1:
            return self.fit_notes[0]
        return f"What fitting left out ({count} notes)"

    @rx.var(cache=True)
    def over_budget(self) -> bool:
        return self.page_count > int(self.budget or 0) > 0

    @rx.event(background=True)
    async def count_pages(self):
        """Measure the version's pages on its PDF export (the newest request wins)."""
        async with self:
            self._count_generation += 1
            generation = self._count_generation
            workspace, version_id = self.workspace_id(), self.version_id
            self.counting = True
        try:
            counts = await asyncio.to_thread(service.page_counts, workspace, version_id)
        except InputError:
            counts = None  # the version was deleted meanwhile: the page says so on its next load
        except Exception:
            log.exception("counting the pages of version %s failed", version_id)
            counts = None
        async with self:
            if generation != self._count_generation:
                return
            self.counting = False
            if counts is not None:
                self.page_count, self.master_page_count = counts.version, counts.master
                self.budget, self.left_out_count = str(counts.budget), counts.left_out

    @rx.event
    def set_budget(self, value: str | list[str]):
        # The segmented control sends a list only in its multiple-choice mode, unused here.
        if value in ("1", "2"):
            self.budget = value

    @rx.event(background=True)
    async def fit(self):
        """Fit the version to the chosen budget (several renders: off the event loop)."""
        async with self:
            if self.fit_busy:
                return
            self.fit_busy = True
            workspace, version_id, pages = self.workspace_id(), self.version_id, int(self.budget or 1)
        try:
            change = await asyncio.to_thread(service.fit_version, workspace, version_id, pages)
            error = ""
        except InputError as problem:
            change, error = None, str(problem)
        except Exception as problem:
            if is_outage(problem):
                change, error = None, ACTION_OUTAGE
            else:
                log.exception("fitting version %s to %s pages failed", version_id, pages)
                change, error = None, "Fitting this version failed; try again."
        async with self:
            self.fit_busy = False
            page = await self.get_state(TailorState)
            if change is None:
                page._not_saved(error)
                return
            self.fit_notes = change.notes or [f"It fits on {pages} page{'s' if pages > 1 else ''} as it is."]
            page._remember_choice(
                f"fit to {pages} page{'s' if pages > 1 else ''}", change.previous, change.previous_left_out
            )
            page._bullet_ids = change.bullet_ids
            page.save_count += 1
            page._show_rows(change.master)
        return [TailorState.rank_posting(False), LengthState.count_pages]

    @rx.event
    async def put_back(self):
        """Show again everything fitting left out (undo takes it back)."""
        page = await self.get_state(TailorState)
        saved, previous = page._save_op("put_back")
        if not saved:
            return None
        page._remember_choice("put back", list(page._bullet_ids), previous)
        self.fit_notes = []
        return page._text_changed()
