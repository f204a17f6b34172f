"""The editor of one resume. Every edit is saved as it happens.

The state keeps only ids and strings of what the page shows; the resume itself
is read from and written to storage on each edit, in one transaction.
"""

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

import reflex as rx

from resume_app.core import editing
from resume_app.core.errors import InputError
from resume_app.core.model import (
    LOW_CONFIDENCE,
    Entry,
    ImportReport,
    Resume,
    TailoredVersion,
    UnplacedLine,
    confidence_key,
)
from resume_app.core.sections import SECTION_ORDER, SECTION_SPECS
from resume_app.export import render
from resume_app.export.layout import ExportOptions, entry_dates, layout
from resume_app.storage import repository
from resume_app.tailoring.rows import VersionRow
from resume_app.tailoring.suggestion import UNNAMED_VERSION
from resume_app.ui.state.saving import SAVED, SAVING, SavingMixin
from resume_app.ui.state.uploads import IMPORT_NOT_SAVED, import_upload
from resume_app.ui.state.workspace import WorkspaceState

log = logging.getLogger(__name__)
# The `editing` functions a change of the editor may name (SavingMixin queues them by name).
_EDITS = frozenset(
    {
        "add_bullet",
        "add_entry",
        "add_profile",
        "add_section",
        "add_skill",
        "confirm_guess",
        "delete_bullet",
        "delete_entry",
        "delete_profile",
        "delete_skill",
        "dismiss_unplaced",
        "move_bullet",
        "move_entry",
        "place_as_bullet",
        "place_as_entry",
        "set_bullet_text",
        "set_contact_field",
        "set_entry_field",
        "set_profile_field",
        "set_skill_field",
        "toggle_hidden",
    }
)
EXPORT_FAILED = "This resume could not be exported; try again, or try another format."


@dataclass
class FieldView:
    key: str = ""
    label: str = ""
    value: str = ""
    kind: str = "text"
    placeholder: str = ""
    # The importer was not sure of this value: the editor asks the person to check it.
    unsure: bool = False


@dataclass
class BulletView:
    id: str = ""
    text: str = ""
    hidden: bool = False
    number: int = 0
    unsure: bool = False


@dataclass
class EntryView:
    id: str = ""
    heading: str = ""
    dates: str = ""
    hidden: bool = False
    fields: list[FieldView] = field(default_factory=list)
    has_bullets: bool = False
    bullets: list[BulletView] = field(default_factory=list)
    # How many of its fields and bullets are amber: the collapsed heading line says so.
    unsure_count: int = 0
    # What the collapsed heading line says of the bullets ("3 bullets"; "" when it has none).
    bullet_summary: str = ""


@dataclass
class SkillView:
    id: str = ""
    name: str = ""
    level: str = ""
    keywords: str = ""
    hidden: bool = False


@dataclass
class SectionView:
    id: str = ""
    kind: str = ""
    heading: str = ""
    hidden: bool = False
    # A heading was found in the file but nothing under it was read.
    unsure: bool = False
    is_skills: bool = False
    entry_views: list[EntryView] = field(default_factory=list)
    skill_views: list[SkillView] = field(default_factory=list)


@dataclass
class PreviewBlock:
    kind: str = ""
    text: str = ""
    dates: str = ""
    place: str = ""


@dataclass
class ProfileView:
    index: int = 0
    network: str = ""
    username: str = ""
    url: str = ""


@dataclass
class UnplacedView:
    """A line of the imported file that is in no field yet."""

    id: str = ""
    text: str = ""
    # The whole line, when `text` is only the part of it no field holds; else "".
    line: str = ""
    # Where it sat in the file: the document's heading, or "Top of the page".
    where: str = ""
    # The section a new entry made of it goes to first ("" when the file's section has no entries).
    kind: str = ""
    reason: str = ""


@dataclass
class Choice:
    value: str = ""
    label: str = ""


@dataclass(frozen=True)
class UnsureField:
    """An amber field the "Next unsure field" button walks to, in the page's order."""

    # Where it sits on the page: (section, entry, field) positions; the contact card comes first.
    rank: tuple[int, int, int]
    # The id of the element the page focuses.
    element_id: str
    # The entry to open first ("" for the contact card and section notices).
    entry_id: str = ""
    # Whose confidence it is: core.model.confidence_key(item_id, field_name).
    item_id: str = ""
    field_name: str = ""


def field_element_id(owner_id: str, key: str) -> str:
    """The DOM id of a field's input: "field-<entry id or contact>-<key>"."""
    return f"field-{owner_id}-{key}"


def bullet_element_id(bullet_id: str) -> str:
    return f"bullet-{bullet_id}"


def empty_section_element_id(section_id: str) -> str:
    return f"empty-{section_id}"


def _unplaced_view(line: UnplacedLine) -> UnplacedView:
    return UnplacedView(
        id=line.id,
        text=line.text,
        line=line.line if line.line != line.text else "",
        where=line.heading or "Top of the page",
        kind=line.section if line.section in SECTION_SPECS else "",
        reason=line.reason,
    )


def _import_summary(report: ImportReport) -> str:
    share = f"Placed {report.placed_share:.0%} of your file's text."
    waiting = len(report.needing_review())
    if not waiting:
        if report.placed_words >= report.words:
            return "Placed all of your file's text."
        return f"{share} Every other line has been placed or dismissed."
    return f"{share} {waiting} line{'s' if waiting != 1 else ''} need{'s' if waiting == 1 else ''} you."


def _bullet_targets(resume: Resume) -> list[Choice]:
    """The entries a not-placed line can join as a bullet, named as the editor heads them."""
    return [
        Choice(entry.id, f"{SECTION_SPECS[section.kind].heading}: {_entry_heading(section.kind, entry)}")
        for section in resume.sections
        if SECTION_SPECS[section.kind].bullets_key
        for entry in section.entries
    ]


def _entry_heading(kind: str, entry: Entry) -> str:
    names = [entry.title, entry.organization]
    return " at ".join(name for name in names if name) or f"New {SECTION_SPECS[kind].heading.lower()} entry"


def _field_text(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _unsure(resume: Resume, item_id: str, field_name: str) -> bool:
    return resume.confidence.get(confidence_key(item_id, field_name), 1.0) < LOW_CONFIDENCE


def _entry_view(resume: Resume, kind: str, entry: Entry) -> EntryView:
    spec = SECTION_SPECS[kind]
    fields = []
    for field_spec in spec.fields:
        value = getattr(entry, field_spec.attribute) if field_spec.attribute else entry.details.get(field_spec.json_key)
        placeholder = {"date": "e.g. Mar 2021", "list": "comma-separated"}.get(field_spec.kind, "")
        if field_spec.json_key == "endDate":
            placeholder = "empty = Present"
        fields.append(
            FieldView(
                field_spec.json_key,
                field_spec.label,
                _field_text(value),
                field_spec.kind,
                placeholder,
                _unsure(resume, entry.id, field_spec.json_key),
            )
        )
    bullets = [
        BulletView(b.id, b.text, b.hidden, number, _unsure(resume, b.id, "text"))
        for number, b in enumerate(entry.bullets, start=1)
    ]
    count = len(bullets)
    return EntryView(
        id=entry.id,
        heading=_entry_heading(kind, entry),
        dates=entry_dates(entry),
        hidden=entry.hidden,
        fields=fields,
        has_bullets=spec.bullets_key is not None or bool(entry.bullets),
        bullets=bullets,
        unsure_count=sum(f.unsure for f in fields) + sum(b.unsure for b in bullets),
        bullet_summary=f"{count} bullet{'s' if count != 1 else ''}" if count else "",
    )


def _shown_text(contact: dict[str, str], profiles: list[ProfileView], sections: list[SectionView]) -> dict[str, str]:
    """Every field's text as the page shows it, keyed as the handlers key what they save."""
    shown = {f"contact.{key}": text for key, text in contact.items()}
    for profile in profiles:
        for name in ("network", "username", "url"):
            shown[f"profile.{profile.index}.{name}"] = getattr(profile, name)
    for section in sections:
        for entry in section.entry_views:
            shown.update({f"{entry.id}.{view.key}": view.value for view in entry.fields})
            shown.update({bullet.id: bullet.text for bullet in entry.bullets})
        for skill in section.skill_views:
            shown.update({f"{skill.id}.{name}": getattr(skill, name) for name in ("name", "level", "keywords")})
    return shown


def _unsure_fields(contact_unsure: dict[str, bool], sections: list[SectionView]) -> list[UnsureField]:
    """Every amber field of the page, top to bottom."""
    found = [
        UnsureField((-1, 0, index), field_element_id("contact", key), "", "contact", key)
        for index, (key, unsure) in enumerate(contact_unsure.items())
        if unsure
    ]
    for section_index, section in enumerate(sections):
        if section.unsure:
            notice = empty_section_element_id(section.id)
            found.append(UnsureField((section_index, -1, 0), notice, "", section.id, "entries"))
        for entry_index, entry in enumerate(section.entry_views):
            rank = (section_index, entry_index)
            found += [
                UnsureField((*rank, index), field_element_id(entry.id, view.key), entry.id, entry.id, view.key)
                for index, view in enumerate(entry.fields)
                if view.unsure
            ]
            found += [
                UnsureField(
                    (*rank, len(entry.fields) + index), bullet_element_id(bullet.id), entry.id, bullet.id, "text"
                )
                for index, bullet in enumerate(entry.bullets)
                if bullet.unsure
            ]
    return found


class EditorState(SavingMixin, WorkspaceState):
    resume_id: str = ""
    not_found: bool = False
    loaded: bool = False
    title: str = ""
    contact: dict[str, str] = {}
    contact_unsure: dict[str, bool] = {}
    # How many fields the importer was unsure of (amber on the page): the page asks to check them.
    unsure_count: int = 0
    unsure_message: str = ""
    # The entries shown opened, by id; every other entry shows only its heading line.
    open_entries: list[str] = []
    # The element id of the amber field "Next unsure field" went to last ("" when none is).
    unsure_current: str = ""
    # Counts the requests to put the cursor in `unsure_current`: the page's own script
    # (assets/keyboard.js) focuses the field when it changes, since a script sent from here
    # would need eval, which the content security policy forbids.
    focus_seq: int = 0
    profiles: list[ProfileView] = []
    sections: list[SectionView] = []
    missing_sections: list[str] = []
    # Set by a download when the resume runs past two pages.
    page_warning: str = ""
    # The resume as the export will read (export.layout), shown beside the editor.
    preview: list[PreviewBlock] = []
    show_preview: bool = False
    # This resume's tailored versions, most recently changed first.
    version_links: list[VersionRow] = []
    # The tailored version the page asks to confirm deleting ("" when none).
    version_to_delete: str = ""
    version_to_delete_name: str = ""
    # What the import placed ("Placed 97 % of your file's text. 3 lines need you."); "" if not imported.
    import_summary: str = ""
    # Lines of the imported file in no field yet, and those left out on purpose (page furniture).
    unplaced_lines: list[UnplacedView] = []
    skipped_lines: list[UnplacedView] = []
    # Where a not-placed line can go: entries (as a bullet) and sections (as a new entry).
    bullet_targets: list[Choice] = []
    entry_kinds: list[Choice] = [Choice(kind, SECTION_SPECS[kind].heading) for kind in SECTION_ORDER]
    # Bumped on every full reload so uncontrolled inputs take the stored text again.
    revision: int = 0
    # The text last saved per field (backend only): an input saves on a pause in typing
    # and again when left, and the second save of the same text is skipped.
    _saved_text: dict[str, str] = {}
    # The text each field shows as stored, by the same keys (backend only): leaving a field
    # without changing it saves nothing, so an amber field stays amber until it is edited.
    _shown_text: dict[str, str] = {}
    # The amber fields top to bottom, and where "Next unsure field" last went (backend only).
    _unsure_fields: list[UnsureField] = []
    _unsure_visited: tuple[int, int, int] | None = None

    def _show(self, resume: Resume) -> None:
        contact = resume.contact
        self.title = resume.title
        self.contact = {
            "name": contact.name,
            "label": contact.label,
            "email": contact.email,
            "phone": contact.phone,
            "url": contact.url,
            "city": contact.location.city,
            "region": contact.location.region,
            "country_code": contact.location.country_code,
            "summary": resume.summary,
        }
        self.contact_unsure = {key: _unsure(resume, "contact", key) for key in self.contact}
        self.profiles = [
            ProfileView(index, profile.network, profile.username, profile.url)
            for index, profile in enumerate(contact.profiles)
        ]
        self.sections = [
            SectionView(
                id=section.id,
                kind=section.kind,
                heading=SECTION_SPECS[section.kind].heading,
                hidden=section.hidden,
                unsure=_unsure(resume, section.id, "entries"),
                is_skills=section.kind == "skills",
                entry_views=[_entry_view(resume, section.kind, entry) for entry in section.entries],
                skill_views=[
                    SkillView(skill.id, skill.name, skill.level, ", ".join(skill.keywords), skill.hidden)
                    for skill in section.skills
                ],
            )
            for section in resume.sections
        ]
        self._shown_text = _shown_text(self.contact, self.profiles, self.sections)
        self._unsure_fields = _unsure_fields(self.contact_unsure, self.sections)
        self.unsure_count = len(self._unsure_fields)
        if self.unsure_current and all(found.element_id != self.unsure_current for found in self._unsure_fields):
            self.unsure_current = ""
        fields = "1 field" if self.unsure_count == 1 else f"{self.unsure_count} fields"
        self.unsure_message = (
            f"{fields} from your file {'is' if self.unsure_count == 1 else 'are'} highlighted in amber: "
            "the importer was not sure of them. Check them one by one with Next unsure field; "
            "editing a field clears its highlight."
        )
        entry_ids = {entry.id for section in self.sections for entry in section.entry_views}
        if any(entry_id not in entry_ids for entry_id in self.open_entries):
            self.open_entries = [entry_id for entry_id in self.open_entries if entry_id in entry_ids]
        self.preview = [
            PreviewBlock(block.kind, block.text, block.dates, block.place) for block in layout(resume, ExportOptions())
        ]
        report = resume.import_report
        self.import_summary = _import_summary(report) if report else ""
        lines = report.unplaced if report else []
        self.unplaced_lines = [_unplaced_view(line) for line in lines if not line.reason]
        self.skipped_lines = [_unplaced_view(line) for line in lines if line.reason]
        self.bullet_targets = _bullet_targets(resume)
        present = {section.kind for section in resume.sections}
        self.missing_sections = [SECTION_SPECS[kind].heading for kind in SECTION_ORDER if kind not in present]

    @rx.event
    def load(self):
        if not self.workspace_token:
            # A state that lost the browser's storage (Redis restarted): ask the browser.
            return self._ask_key(EditorState.load_with_key)
        return self._load()

    @rx.event
    def load_with_key(self, key: str):
        self._take_key(key)
        return self._load()

    def _load(self) -> None:
        self.resume_id = self.router.page.params.get("resume_id", "") or self.resume_id
        # Edits made before the state knew its page (a state lost with Redis) belong to it.
        self._fill_targets(self.resume_id)
        self.load_error = ""
        if not self._pending:
            self.save_status, self.save_message = SAVED, ""
        try:
            if self._pending:
                self._flush()
            resume = repository.get_resume(self.workspace_id(), self.resume_id)
            self._list_versions()
        except InputError:
            self.not_found, self.loaded = True, True
            return
        except Exception as error:
            if self._page_unavailable(error):
                return
            raise
        self.not_found = False
        self._saved_text = {}
        self._unsure_visited, self.unsure_current = None, ""
        self._show(resume)
        self.revision += 1
        self.loaded = True

    def _list_versions(self) -> None:
        self.version_links = [
            VersionRow(version.id, version.name)
            for version in repository.list_versions(self.workspace_id(), self.resume_id)
        ]

    @rx.event
    def new_version(self):
        """Start tailoring this resume to a job: the new version's page asks for the posting."""
        saved, version = self._save(
            lambda: repository.save_version(
                self.workspace_id(), TailoredVersion(resume_id=self.resume_id, name=UNNAMED_VERSION)
            )
        )
        return rx.redirect(f"/tailor/{version.id}") if saved else None

    @rx.event
    def ask_delete_version(self, version_id: str, name: str):
        self.version_to_delete, self.version_to_delete_name = version_id, name

    @rx.event
    def cancel_delete_version(self):
        self.version_to_delete = ""

    @rx.event
    def delete_version(self):
        version_id, self.version_to_delete = self.version_to_delete, ""
        saved, _ = self._save(lambda: repository.delete_version(self.workspace_id(), version_id))
        if saved:
            self._list_versions()

    # Saving: every change is an `editing` function (named in _EDITS) with plain arguments,
    # so that a change the database cannot take yet waits in the queue (SavingMixin).

    def _save_target(self) -> str:
        return self.resume_id

    def _write_step(self, op: str, args: list, target: str) -> Any:
        if op not in _EDITS:
            raise ValueError(f"not an editor change: {op}")
        change = getattr(editing, op)
        return repository.update_resume(self.workspace_id(), target, lambda resume: change(resume, *args))

    def _reload(self):
        if not self.loaded or self.load_error:
            return self._load()
        # Only what the page shows changes: re-keying the inputs would drop what is being typed.
        self._show(repository.get_resume(self.workspace_id(), self.resume_id))
        self._list_versions()
        return None

    def _apply(self, op: str, *args: Any, repeatable: bool = False):
        """Save one change; the page shows "Saving..." until it is committed.
        Returns what the change returned (None when it was not saved)."""
        self.save_status = SAVING
        yield
        saved, outcome = self._save_op(op, *args, repeatable=repeatable)
        if not saved:
            return None
        resume, result = outcome
        self._show(resume)
        return result

    def _save_text(self, field_key: str, text: str, op: str, *args: Any):
        """Save a typed value unless it is what was last saved for that field (with nothing
        waiting: then going back to the stored text is a change of its own)."""
        if not self._pending and text in (self._saved_text.get(field_key), self._shown_text.get(field_key)):
            return
        yield from self._apply(op, *args, repeatable=True)
        if self.save_status == SAVED:
            self._saved_text[field_key] = text

    @rx.event
    def toggle_preview(self):
        self.show_preview = not self.show_preview

    # Opening and closing entries; walking the amber fields

    def _open(self, entry_id: str | None) -> None:
        if entry_id and entry_id not in self.open_entries:
            self.open_entries = [*self.open_entries, entry_id]

    @rx.event
    def toggle_entry(self, entry_id: str):
        if entry_id in self.open_entries:
            self.open_entries = [open_id for open_id in self.open_entries if open_id != entry_id]
        else:
            self._open(entry_id)

    @rx.event
    def open_all_entries(self):
        self.open_entries = [entry.id for section in self.sections for entry in section.entry_views]

    @rx.event
    def close_all_entries(self):
        self.open_entries = []

    @rx.event
    def next_unsure(self):
        """Open the entry of the next amber field after the last one visited (from the top
        after the last) and put the cursor in it."""
        return self._go_to_next_unsure()

    def _go_to_next_unsure(self):
        if not self._unsure_fields:
            return None
        last = self._unsure_visited
        target = next((found for found in self._unsure_fields if last is None or found.rank > last), None)
        target = target or self._unsure_fields[0]
        self._unsure_visited, self.unsure_current = target.rank, target.element_id
        self._open(target.entry_id)
        self.focus_seq += 1
        return None

    @rx.event
    def confirm_unsure(self):
        """Keep the amber field "Next unsure field" went to as it is, and go on to the next one."""
        target = next((found for found in self._unsure_fields if found.element_id == self.unsure_current), None)
        if target is None:
            return
        yield from self._apply("confirm_guess", target.item_id, target.field_name)
        # The confirmed field leaves the list; the next one after it is where the walk goes on.
        yield self._go_to_next_unsure()

    # Contact and summary

    @rx.event
    def set_contact_field(self, field_name: str, value: str):
        yield from self._save_text(f"contact.{field_name}", value, "set_contact_field", field_name, value)

    @rx.event
    def add_profile(self):
        yield from self._apply("add_profile")

    @rx.event
    def set_profile_field(self, index: int, field_name: str, value: str):
        yield from self._save_text(
            f"profile.{index}.{field_name}", value, "set_profile_field", index, field_name, value
        )

    @rx.event
    def delete_profile(self, index: int):
        yield from self._apply("delete_profile", index)
        # Profiles are known by position: after a delete the remembered texts are stale.
        self._saved_text = {key: text for key, text in self._saved_text.items() if not key.startswith("profile.")}
        self.revision += 1

    # Sections and entries

    @rx.event
    def add_section(self, heading: str):
        kind = next((kind for kind, spec in SECTION_SPECS.items() if spec.heading == heading), "")
        yield from self._apply("add_section", kind)

    @rx.event
    def add_entry(self, kind: str):
        entry = yield from self._apply("add_entry", kind)
        self._open(entry.id if entry else None)

    @rx.event
    def set_entry_field(self, entry_id: str, key: str, value: str):
        yield from self._save_text(f"{entry_id}.{key}", value, "set_entry_field", entry_id, key, value)

    @rx.event
    def delete_entry(self, entry_id: str):
        yield from self._apply("delete_entry", entry_id)

    @rx.event
    def move_entry(self, entry_id: str, offset: int):
        yield from self._apply("move_entry", entry_id, offset)

    @rx.event
    def toggle_hidden(self, item_id: str):
        yield from self._apply("toggle_hidden", item_id)

    # Bullets

    @rx.event
    def add_bullet(self, entry_id: str):
        yield from self._apply("add_bullet", entry_id)

    @rx.event
    def set_bullet_text(self, bullet_id: str, text: str):
        yield from self._save_text(bullet_id, text, "set_bullet_text", bullet_id, text)

    @rx.event
    def delete_bullet(self, bullet_id: str):
        yield from self._apply("delete_bullet", bullet_id)

    @rx.event
    def move_bullet(self, bullet_id: str, offset: int):
        yield from self._apply("move_bullet", bullet_id, offset)

    # Skills

    @rx.event
    def add_skill(self):
        yield from self._apply("add_skill")

    @rx.event
    def set_skill_field(self, skill_id: str, field_name: str, value: str):
        yield from self._save_text(f"{skill_id}.{field_name}", value, "set_skill_field", skill_id, field_name, value)

    @rx.event
    def delete_skill(self, skill_id: str):
        yield from self._apply("delete_skill", skill_id)

    # Lines the importer could not place

    @rx.event
    def place_as_bullet(self, line_id: str, entry_id: str):
        bullet = yield from self._apply("place_as_bullet", line_id, entry_id)
        # The entry opens to show where the line went.
        self._open(entry_id if bullet else None)

    @rx.event
    def place_as_entry(self, line_id: str, kind: str):
        new_id = yield from self._apply("place_as_entry", line_id, kind)
        self._open(new_id)

    @rx.event
    def dismiss_unplaced(self, line_id: str):
        yield from self._apply("dismiss_unplaced", line_id)

    # JSON Resume in and out

    @rx.event
    async def download(self, kind: str):
        """Download the resume as JSON Resume, DOCX or PDF; warn when it runs past two pages."""
        try:
            resume = repository.get_resume(self.workspace_id(), self.resume_id)
            # Rendering takes a moment: off the event loop, so other pages stay responsive.
            exported = await asyncio.to_thread(render, resume, kind)
        except InputError as error:
            self._not_saved(str(error))
            return
        except Exception:
            log.exception("exporting resume %s as %s failed", self.resume_id, kind)
            self._not_saved(EXPORT_FAILED)
            return
        self.page_warning = exported.length_warning
        yield rx.download(data=exported.data, filename=exported.filename, mime_type=exported.mime_type)

    @rx.event
    async def import_file(self, files: list[rx.UploadFile]):
        """Import a file as a new resume in the library and open it; this one stays as it is."""
        self.save_status, self.save_message = SAVING, ""
        yield
        try:
            resume = await import_upload(files, self.workspace_id())
            # Saving can fail too (a database error): the badge leaves "Saving..." either way.
            repository.create_resume(self.workspace_id(), resume)
        except InputError as error:
            self._not_saved(str(error))
            return
        except Exception:
            log.exception("saving an imported resume failed")
            self._not_saved(IMPORT_NOT_SAVED)
            return
        self.save_status = SAVED
        yield rx.redirect(f"/resume/{resume.id}")
