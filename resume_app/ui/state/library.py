"""The library page: the workspace's resumes, and new, import, rename, duplicate, delete."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import reflex as rx

from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.storage import repository
from resume_app.ui.state.uploads import IMPORT_NOT_SAVED, import_upload
from resume_app.ui.state.workspace import WorkspaceState

log = logging.getLogger(__name__)


@dataclass
class ResumeCard:
    id: str = ""
    title: str = ""
    name: str = ""
    edited: str = ""
    edited_iso: str = ""
    bullet_count: int = 0


def time_ago(moment: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(UTC)) - moment).total_seconds())
    if seconds < 60:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


class LibraryState(WorkspaceState):
    resumes: list[ResumeCard] = []
    loaded: bool = False
    message: str = ""
    # A file is being read: the page shows progress instead of the drop zone's prompt.
    importing: bool = False
    # The resume a rename or delete dialog is about.
    target_id: str = ""
    target_title: str = ""
    rename_open: bool = False
    delete_open: bool = False

    def _refresh(self) -> None:
        now = datetime.now(UTC)
        self.resumes = [
            ResumeCard(
                id=listing.id,
                title=listing.title,
                name=listing.name,
                edited=time_ago(listing.updated_at, now),
                edited_iso=listing.updated_at.strftime("%Y-%m-%d %H:%M UTC"),
                bullet_count=listing.bullet_count,
            )
            for listing in repository.list_resumes(self.workspace_id())
        ]
        self.loaded = True

    @rx.event
    def load(self):
        self.message, self.importing = "", False
        self._refresh()

    @rx.event
    def new_resume(self):
        resume = repository.create_resume(self.workspace_id(), Resume(title="Untitled resume"))
        return rx.redirect(f"/resume/{resume.id}")

    @rx.event
    async def import_file(self, files: list[rx.UploadFile]):
        self.importing, self.message = True, ""
        yield
        try:
            resume = await import_upload(files)
            # Saving can fail too (a database error): the spinner stops and says so either way.
            repository.create_resume(self.workspace_id(), resume)
        except InputError as error:
            self.importing, self.message = False, str(error)
            return
        except Exception:
            log.exception("saving an imported resume failed")
            self.importing, self.message = False, IMPORT_NOT_SAVED
            return
        self.importing = False
        yield rx.redirect(f"/resume/{resume.id}")

    @rx.event
    def duplicate(self, resume_id: str):
        try:
            repository.duplicate_resume(self.workspace_id(), resume_id)
        except InputError as error:
            self.message = str(error)
        self._refresh()

    def _target(self, resume_id: str) -> None:
        self.target_id = resume_id
        self.target_title = next((card.title for card in self.resumes if card.id == resume_id), "")

    @rx.event
    def ask_rename(self, resume_id: str):
        self._target(resume_id)
        self.rename_open = True

    @rx.event
    def set_target_title(self, title: str):
        self.target_title = title

    @rx.event
    def confirm_rename(self):
        try:
            repository.rename_resume(self.workspace_id(), self.target_id, self.target_title)
        except InputError as error:
            self.message = str(error)
            return
        self.rename_open = False
        self.message = ""
        self._refresh()

    @rx.event
    def ask_delete(self, resume_id: str):
        self._target(resume_id)
        self.delete_open = True

    @rx.event
    def confirm_delete(self):
        try:
            repository.delete_resume(self.workspace_id(), self.target_id)
        except InputError as error:
            self.message = str(error)
        self.delete_open = False
        self._refresh()

    @rx.event
    def close_dialogs(self):
        self.rename_open = False
        self.delete_open = False
