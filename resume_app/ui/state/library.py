"""The library page: the workspace's resumes, and new, import, rename, duplicate, delete;
the recovery key, and the whole library backed up and restored."""

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime

import reflex as rx

from resume_app.core.errors import InputError
from resume_app.core.model import Resume
from resume_app.storage import backup, repository
from resume_app.ui.state.saving import is_outage
from resume_app.ui.state.uploads import IMPORT_NOT_SAVED, import_upload
from resume_app.ui.state.workspace import WorkspaceState

log = logging.getLogger(__name__)
WRONG_KEY = "No library was found for this recovery key; check it and try again."
LIBRARY_OUTAGE = "The database cannot be reached, so your resumes cannot be listed yet; reload this page in a moment."
RESTORE_FAILED = "The backup could not be restored; nothing was added to your library."


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
    # The recovery panel: the key on show, a key typed in, and what the last step did.
    key_shown: bool = False
    key_typed: str = ""
    recovery_note: str = ""
    recovery_error: str = ""
    restoring: bool = False

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
        if not self.workspace_token:
            # A first visit, or a state that lost the browser's storage (Redis restarted).
            return self._ask_key(LibraryState.load_with_key)
        return self._load()

    @rx.event
    def load_with_key(self, key: str):
        self._take_key(key)
        return self._load()

    def _load(self) -> None:
        try:
            self._refresh()
        except Exception as error:
            if not is_outage(error):
                raise
            log.warning("the library could not be read, the database cannot be reached: %s", error)
            self.message = LIBRARY_OUTAGE

    @rx.event
    def new_resume(self):
        if not self.workspace_token:
            # A state lost with Redis: the key comes from the browser, then the resume is made.
            return self._ask_key(LibraryState.new_resume_with_key)
        return self._new_resume()

    @rx.event
    def new_resume_with_key(self, key: str):
        self._take_key(key)
        return self._new_resume()

    def _new_resume(self):
        try:
            resume = repository.create_resume(self.workspace_id(), Resume(title="Untitled resume"))
        except InputError as error:
            self.message = str(error)
            return None
        return rx.redirect(f"/resume/{resume.id}")

    @rx.event
    async def import_file(self, files: list[rx.UploadFile]):
        self.importing, self.message = True, ""
        yield
        try:
            resume = await import_upload(files, self.workspace_id())
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

    # Recovery: the workspace key, opening a library by key, backup and restore.

    def _recovery(self, note: str = "", error: str = "") -> None:
        self.recovery_note, self.recovery_error = note, error

    @rx.event
    def toggle_key(self):
        self.workspace_id()
        self.key_shown = not self.key_shown

    @rx.event
    def copy_key(self):
        """Say the key is copied (the page copies it itself, before this event)."""
        self.workspace_id()
        self._recovery("The recovery key is copied; keep it somewhere safe.")

    @rx.event
    def download_key(self):
        text = (
            "Recovery key of your resume library (resume_app)\n\n"
            f"{self.workspace_id()}\n\n"
            'Anyone with this key can open the library: on the library page, "Open my library on this browser".\n'
        )
        self._recovery("The recovery key is downloaded as a text file.")
        return rx.download(data=text, filename="resume-library-recovery-key.txt", mime_type="text/plain")

    @rx.event
    def set_key_typed(self, key: str):
        self.key_typed = key

    @rx.event
    def open_with_key(self):
        key = "".join(self.key_typed.split())
        if key == self.workspace_token:
            self._recovery("This library is already open on this browser.")
            return
        if not repository.workspace_exists(key):
            # Never a new, empty library under a mistyped key.
            self._recovery(error=WRONG_KEY)
            return
        self.workspace_token, self._checked_token = key, ""
        self.key_typed, self.key_shown = "", False
        self._recovery("Your library is open on this browser.")
        self._refresh()

    @rx.event
    async def backup_library(self):
        try:
            data = await asyncio.to_thread(backup.backup, self.workspace_id())
        except InputError as error:
            self._recovery(error=str(error))
            return
        self._recovery("The backup is downloaded: every resume, tailored version and job posting.")
        yield rx.download(data=data, filename=f"resume-library-{date.today().isoformat()}.zip")

    @rx.event
    async def restore_backup(self, files: list[rx.UploadFile]):
        self.restoring = True
        self._recovery()
        yield
        try:
            data = await _read_backup_upload(files)
            restored = await asyncio.to_thread(backup.restore, self.workspace_id(), data)
        except InputError as error:
            self.restoring = False
            self._recovery(error=str(error))
            return
        except Exception:
            log.exception("restoring a backup failed")
            self.restoring = False
            self._recovery(error=RESTORE_FAILED)
            return
        self.restoring = False
        self._recovery(restored.sentence())
        self._refresh()


async def _read_backup_upload(files: list[rx.UploadFile]) -> bytes:
    if len(files) != 1:
        raise InputError("Choose one backup file (.zip) to restore.")
    limit = backup.MAX_ARCHIVE_BYTES
    data = await files[0].read(limit + 1)
    if len(data) > limit:
        raise InputError(f"This backup is larger than {limit // (1024 * 1024)} MB, too large to restore.")
    return data
