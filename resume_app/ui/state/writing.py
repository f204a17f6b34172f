"""Writing suggestions on the tailoring page (issue 14): a bullet's suggestions opened under
it, one applied with a click or a figure typed in answer to a question, through the same
save and undo path as any edit of the bullet (asking first when other versions show it)."""

import asyncio

import reflex as rx

from resume_app.core.errors import InputError
from resume_app.matching.keywords import keywords_in
from resume_app.matching.ranker import prepare
from resume_app.matching.suggestions.engine import suggest_bullet
from resume_app.matching.suggestions.model import Suggestion
from resume_app.matching.suggestions.picker import EmbeddingPicker, LexicalPicker
from resume_app.tailoring import llm, service, writing
from resume_app.tailoring.embedding import embedder, model_progress
from resume_app.tailoring.writing import SuggestionRow
from resume_app.ui.state.tailor import TailorState


def _posting(text: str) -> str | None:
    """The page's posting when it reads as one (otherwise there are no keywords to guard)."""
    if not text.strip():
        return None
    try:
        prepare(text)
    except InputError:
        return None
    return text


def _suggestions(workspace_id: str, resume_id: str, bullet_id: str, posting: str):
    """The stored bullet's context, whether it is an achievement, and its suggestions."""
    # The model picks verbs once it is loaded; until then the bank's cue words do.
    picker = EmbeddingPicker(embedder()) if model_progress().ready else LexicalPicker()
    ctx, achievements = writing.bullet_context(workspace_id, resume_id, bullet_id, _posting(posting))
    return ctx, achievements, suggest_bullet(ctx, picker, achievements)


class WritingState(TailorState):
    """The open bullet's suggestions; backend-only: the suggestions themselves."""

    writing_id: str = ""
    writing_rows: list[SuggestionRow] = []
    writing_busy: bool = False
    # The open bullet belongs to the current role, written in `writing_tense` ("present"/"past").
    writing_current: bool = False
    writing_tense: str = "present"
    # One sentence when a suggestion could not be applied (a figure without digits...).
    writing_message: str = ""
    # A local model is set up (RESUME_APP_LLM_URL): the panel offers to ask it.
    model_enabled: bool = False
    model_busy: bool = False
    writing_confirm_open: bool = False
    writing_confirm_message: str = ""
    # A posting keyword nowhere in the resume, offered as a skill: asked before it is added.
    skill_confirm_open: bool = False
    skill_term: str = ""
    _writing_text: str = ""
    _writing_found: list[Suggestion] = []
    _writing_pending: dict = {}

    @rx.event
    async def toggle_suggestions(self, bullet_id: str):
        """Open the bullet's suggestions under it (or close them)."""
        if self.writing_id == bullet_id:
            self.close_suggestions()
            return
        await self._open(bullet_id)

    async def _open(self, bullet_id: str) -> None:
        page = await self.get_state(TailorState)
        self.writing_id, self.writing_rows, self.writing_message, self.writing_busy = bullet_id, [], "", True
        self.model_enabled = llm.enabled()
        try:
            ctx, achievements, found = await asyncio.to_thread(
                _suggestions, page.workspace_id(), page.resume_id, bullet_id, page.posting_text
            )
        except InputError:
            self.writing_message, ctx, achievements, found = "This bullet is no longer in the resume.", None, False, []
        self._writing_text, self._writing_found = (ctx.text if ctx else ""), found
        # The tense choice shows under an achievement of the current role, the one it applies to.
        self.writing_current = bool(ctx and achievements and ctx.current and ctx.dated)
        self.writing_tense = ctx.current_tense if ctx else "present"
        self.writing_rows = writing.suggestion_rows(found)
        self.writing_busy = False
        if not self.writing_rows and not self.writing_message:
            self.writing_message = "Nothing to suggest: this bullet reads well as it is."

    @rx.event
    async def set_tense(self, tense: str | list[str]):
        """The person's choice of tense for their current role, kept with the resume; the open
        bullet's suggestions follow it (the segmented control sends a list only in its
        multiple-choice mode, unused here: the service refuses anything but a tense)."""
        page = await self.get_state(TailorState)
        saved, _ = page._save(lambda: writing.set_current_tense(page.workspace_id(), page.resume_id, tense))
        if saved and self.writing_id:
            await self._open(self.writing_id)

    @rx.event(background=True)
    async def ask_model(self):
        """The local model's rewrite of the open bullet, gated like the others; a model that is
        slow or down gives one sentence and the rest of the page stays usable meanwhile."""
        async with self:
            page = await self.get_state(TailorState)
            workspace, resume_id, posting = page.workspace_id(), page.resume_id, page.posting_text
            bullet_id, text = self.writing_id, self._writing_text
            self.model_busy, self.writing_message = True, ""
        try:
            answer = await asyncio.to_thread(
                writing.model_suggestion, workspace, resume_id, bullet_id, _posting(posting)
            )
        except InputError as error:
            answer = llm.ModelAnswer(None, str(error))
        async with self:
            self.model_busy = False
            if self.writing_id != bullet_id or self._writing_text != text:
                return  # another bullet opened meanwhile
            if answer.suggestion:
                self._writing_found = [*self._writing_found, answer.suggestion]
                self.writing_rows = writing.suggestion_rows(self._writing_found)
            else:
                self.writing_message = answer.message

    @rx.event
    def close_suggestions(self):
        self.writing_id, self.writing_rows, self.writing_message, self.writing_current = "", [], "", False
        self.writing_confirm_open, self._writing_found = False, []

    @rx.event
    async def apply_suggestion(self, index: int):
        if not 0 <= index < len(self._writing_found):
            return None
        item = self._writing_found[index]
        step = {"text": item.text, "parts": list(item.parts)} if item.kind == "split" else {"text": item.text}
        return await self._ask_then_apply(step)

    @rx.event
    async def answer_question(self, form: dict):
        """A figure typed in answer to a question: the bullet rewritten with it, or one sentence."""
        try:
            text = writing.apply_figure(
                self._writing_text, str(form.get("figure_kind", "")), str(form.get("figure", ""))
            )
        except InputError as error:
            self.writing_message = str(error)
            return None
        return await self._ask_then_apply({"text": text})

    async def _ask_then_apply(self, step: dict):
        self._writing_pending = step
        page = await self.get_state(TailorState)
        others = service.shared_with(page.workspace_id(), page.version_id, self.writing_id)
        if others:
            self.writing_confirm_message = service.shared_question(others)
            self.writing_confirm_open = True
            return None
        return await self.confirm_suggestion()

    @rx.event
    def cancel_suggestion(self):
        self.writing_confirm_open, self._writing_pending = False, {}

    @rx.event
    async def confirm_suggestion(self):
        step, bullet_id, old = self._writing_pending, self.writing_id, self._writing_text
        self.writing_confirm_open, self._writing_pending = False, {}
        if not step:
            return None
        page = await self.get_state(TailorState)
        workspace = page.workspace_id()
        if "parts" in step:
            saved, added = page._save(
                lambda: writing.apply_split(workspace, page.resume_id, bullet_id, old, step["parts"])
            )
            if not saved:
                return None
            page._bullet_ids = service.stored_choice(workspace, page.version_id, page._master())
            page._show_rows(page._master())
            page._remember({"label": "split", "bullet": bullet_id, "text": old, "added": added})
        else:
            saved, _ = page._save(lambda: writing.apply_text(workspace, page.resume_id, bullet_id, old, step["text"]))
            if not saved:
                return None
            page._show_rows(page._master())
            page._remember({"label": "writing suggestion", "bullet": bullet_id, "text": old})
        self.close_suggestions()
        return page._text_changed()

    # The posting's keywords (the match panel's chips)

    @rx.event
    def ask_skill(self, term: str):
        self.skill_term, self.skill_confirm_open = term, True

    @rx.event
    def cancel_skill(self):
        self.skill_term, self.skill_confirm_open = "", False

    @rx.event
    async def confirm_skill(self):
        """The person says they have the skill: it joins the master's skills."""
        term, self.skill_confirm_open = self.skill_term, False
        page = await self.get_state(TailorState)
        saved, _ = page._save(lambda: writing.confirm_skill(page.workspace_id(), page.resume_id, term, True))
        self.skill_term = ""
        return page._text_changed() if saved else None

    @rx.event
    async def include_for_keyword(self, term: str):
        """Include the master's best-placed bullet, left out of this version, that names `term`."""
        page = await self.get_state(TailorState)
        try:
            keywords = [keyword for keyword in prepare(page.posting_text).keywords if keyword.term == term]
        except InputError:
            return None
        chosen = set(page._bullet_ids)
        holders = [
            bullet.id
            for bullet in page._master().bullets()
            if bullet.id not in chosen and keywords and keywords_in(bullet.text, keywords)
        ]
        # The one the latest ranking placed highest for this posting (resume order breaks ties).
        scores = {bullet_id: score.score for bullet_id, score in page._scores.items()}
        holder = max(holders, key=lambda bullet_id: scores.get(bullet_id, -1.0), default=None)
        if holder is None:
            return None
        return page._change("toggle", holder, label="include/exclude", panel=True)
