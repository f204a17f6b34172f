"""A whole library as one zip archive, and back: the service behind `resume-app backup` /
`restore` and the library page's "Back up library" / "Restore from backup".

The archive:
- `manifest.json`: {"format": "resume-app-backup", "version": 1, "created_at": ...,
  "resumes": ["resumes/1.json", ...]}
- `resumes/N.json`: the resume as JSON Resume (hidden items included), readable by any
  JSON Resume tool;
- `resumes/N.ids.json`: what JSON Resume has no place for: the resume's title, the tense
  chosen for the current role, and the id and hidden flag of every section, entry, bullet
  and skill (JSON Resume writes bullets as plain strings, so their ids would not survive
  it), in the order of the JSON Resume;
- `library.json`: {"postings": [{id, title, company, text}], "versions": [{id, resume_id,
  job_posting_id, name, bullet_ids, left_out_entry_ids, left_out_summary_ids, page_budget}]}.

A restore gives every resume, section, entry, bullet, skill, posting and version a new
id (so the same backup can be restored next to the library it came from) and maps the
versions' references through the same table, so each version keeps its resume, its
posting and its chosen bullets. Nothing is written until the whole archive has been read
and checked, and then in one transaction. What the importer flagged for review
(confidence, unplaced lines) is not part of a backup.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from resume_app.core import json_resume
from resume_app.core.errors import InputError
from resume_app.core.model import TENSES, JobPosting, Resume, TailoredVersion, new_id
from resume_app.storage import repository

FORMAT = "resume-app-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
LIBRARY = "library.json"
# The archive as uploaded, everything in it unpacked, and one file in it.
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 5000
# Text compresses about 10 to 1; a zip bomb by thousands.
MAX_RATIO = 200


@dataclass(frozen=True)
class Restored:
    resumes: int
    postings: int
    versions: int

    def sentence(self) -> str:
        return (
            f"Restored {self.resumes} resume{'s' * (self.resumes != 1)}, {self.versions} tailored "
            f"version{'s' * (self.versions != 1)} and {self.postings} job posting{'s' * (self.postings != 1)}."
        )


# Writing


def _ids(resume: Resume) -> dict[str, Any]:
    return {
        "id": resume.id,
        "title": resume.title,
        "current_tense": resume.current_tense,
        "sections": [
            {
                "id": section.id,
                "kind": section.kind,
                "hidden": section.hidden,
                "entries": [
                    {
                        "id": entry.id,
                        "hidden": entry.hidden,
                        "bullets": [
                            {"id": bullet.id, "hidden": bullet.hidden, "text": bullet.text} for bullet in entry.bullets
                        ],
                    }
                    for entry in section.entries
                ],
                "skills": [{"id": skill.id, "hidden": skill.hidden, "name": skill.name} for skill in section.skills],
            }
            for section in resume.sections
        ],
    }


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False).encode("utf-8")


def backup(workspace_key: str) -> bytes:
    """The whole library of a workspace as a zip archive."""
    if not repository.workspace_exists(workspace_key):
        raise InputError("No library was found for this workspace key.")
    library = repository.read_library(workspace_key)
    names = [f"resumes/{index}.json" for index in range(1, len(library.resumes) + 1)]
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "resumes": names,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _json(manifest))
        for name, resume in zip(names, library.resumes, strict=True):
            archive.writestr(name, json_resume.dumps(resume, include_hidden=True).encode("utf-8"))
            archive.writestr(name.removesuffix(".json") + ".ids.json", _json(_ids(resume)))
        archive.writestr(
            LIBRARY,
            _json(
                {
                    "postings": [
                        {"id": p.id, "title": p.title, "company": p.company, "text": p.text} for p in library.postings
                    ],
                    "versions": [
                        {
                            "id": v.id,
                            "resume_id": v.resume_id,
                            "job_posting_id": v.job_posting_id,
                            "name": v.name,
                            "bullet_ids": v.bullet_ids,
                            "left_out_entry_ids": v.left_out_entry_ids,
                            "left_out_summary_ids": v.left_out_summary_ids,
                            "page_budget": v.page_budget,
                        }
                        for v in library.versions
                    ],
                }
            ),
        )
    return buffer.getvalue()


# Reading


class _Archive:
    """The members of a zip archive, each read at most once and never past the limits."""

    def __init__(self, data: bytes):
        if len(data) > MAX_ARCHIVE_BYTES:
            limit = MAX_ARCHIVE_BYTES // (1024 * 1024)
            raise InputError(f"This backup is larger than {limit} MB, too large to restore.")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise InputError("This file is not a backup of this app (it is not a zip archive).") from None
        if len(members) > MAX_MEMBERS:
            raise InputError(f"This backup holds more than {MAX_MEMBERS} files, too many to restore.")
        self.members = {member.filename: member for member in members}
        declared = sum(member.file_size for member in members)
        if declared > MAX_UNPACKED_BYTES:
            raise InputError(f"This backup unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB, too large.")
        self.unpacked = 0

    def read(self, name: str, required: bool = True) -> bytes | None:
        member = self.members.get(name)
        if member is None:
            if required:
                raise InputError(f"This backup is incomplete: {name} is missing.")
            return None
        if member.file_size > MAX_MEMBER_BYTES or member.file_size > MAX_RATIO * max(member.compress_size, 1024):
            raise InputError(f"{name} in this backup unpacks to more than a backup can hold.")
        try:
            with self.zip.open(member) as file:
                # Never past the size the member declares (a lying header is cut off
                # here, and its checksum then fails).
                data = file.read(member.file_size + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, EOFError, OSError):
            raise InputError(f"{name} in this backup is damaged.") from None
        self.unpacked += len(data)
        if len(data) > member.file_size or self.unpacked > MAX_UNPACKED_BYTES:
            raise InputError(f"{name} in this backup unpacks to more than a backup can hold.")
        return data

    def json(self, name: str) -> Any:
        data = self.read(name)
        try:
            return json.loads(data)
        except (ValueError, RecursionError):
            raise InputError(f"{name} in this backup is not valid JSON.") from None


def _field(record: Any, key: str, kind: type, where: str) -> Any:
    value = record.get(key) if isinstance(record, dict) else None
    if kind is str and value is None and key == "job_posting_id":
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise InputError(f"{where} in this backup is not in the expected form ({key}).")
    if kind is list and not all(isinstance(item, str) for item in value):
        raise InputError(f"{where} in this backup is not in the expected form ({key}).")
    return value


def _apply_ids(resume: Resume, ids: Any, where: str) -> None:
    """Give the resume read from JSON Resume its stored title, ids and hidden flags.

    Sections are paired by kind and order, entries, bullets and skills by order, and a
    bullet or skill only when its text is the same; anything unpaired keeps a new id.
    """
    resume.id = _field(ids, "id", str, where)
    resume.title = _field(ids, "title", str, where)
    # Backups made before the tense was stored have none: the person has not chosen.
    resume.current_tense = ids.get("current_tense") if ids.get("current_tense") in TENSES else ""
    stored_sections = ids.get("sections")
    if not isinstance(stored_sections, list):
        raise InputError(f"{where} in this backup is not in the expected form (sections).")
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for stored in stored_sections:
        if isinstance(stored, dict):
            by_kind.setdefault(str(stored.get("kind")), []).append(stored)
    for section in resume.sections:
        candidates = by_kind.get(section.kind) or []
        if not candidates:
            continue
        stored = candidates.pop(0)
        section.id = str(stored.get("id") or section.id)
        section.hidden = stored.get("hidden") is True
        for entry, stored_entry in zip(section.entries, _dicts(stored.get("entries")), strict=False):
            entry.id = str(stored_entry.get("id") or entry.id)
            entry.hidden = stored_entry.get("hidden") is True
            for bullet, stored_bullet in zip(entry.bullets, _dicts(stored_entry.get("bullets")), strict=False):
                if stored_bullet.get("text") == bullet.text:
                    bullet.id = str(stored_bullet.get("id") or bullet.id)
                    bullet.hidden = stored_bullet.get("hidden") is True
        for skill, stored_skill in zip(section.skills, _dicts(stored.get("skills")), strict=False):
            if stored_skill.get("name") == skill.name:
                skill.id = str(stored_skill.get("id") or skill.id)
                skill.hidden = stored_skill.get("hidden") is True


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _renumbered(resume: Resume, new_ids: dict[str, str]) -> None:
    """Fresh ids everywhere in `resume`, each old id remembered in `new_ids`."""

    def fresh(item: Any) -> None:
        new_ids[item.id] = item.id = new_id()

    fresh(resume)
    for section in resume.sections:
        fresh(section)
        for skill in section.skills:
            fresh(skill)
        for entry in section.entries:
            fresh(entry)
            for bullet in entry.bullets:
                fresh(bullet)


def read_backup(data: bytes) -> repository.Library:
    """The library in an archive, with new ids, checked through; raises InputError."""
    archive = _Archive(data)
    manifest = archive.json(MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError("This zip archive is not a backup of this app (its manifest is not one).")
    if manifest.get("version") != FORMAT_VERSION:
        found = manifest.get("version")
        raise InputError(f"This backup is in format version {found!r}, and this app reads version {FORMAT_VERSION}.")
    names = manifest.get("resumes")
    if not isinstance(names, list) or not all(isinstance(name, str) and name.endswith(".json") for name in names):
        raise InputError("This backup's manifest does not list its resumes.")
    new_ids: dict[str, str] = {}
    resumes = []
    for name in names:
        try:
            resume = json_resume.loads(archive.read(name))
        except InputError as error:
            raise InputError(f"{name} in this backup: {error}") from None
        _apply_ids(resume, archive.json(name.removesuffix(".json") + ".ids.json"), name)
        _renumbered(resume, new_ids)
        resumes.append(resume)
    library = archive.json(LIBRARY)
    if not isinstance(library, dict):
        raise InputError(f"{LIBRARY} in this backup is not in the expected form.")
    postings = []
    for record in _records(library, "postings"):
        old = _field(record, "id", str, "A job posting")
        posting = JobPosting(
            text=_field(record, "text", str, "A job posting"),
            title=_field(record, "title", str, "A job posting"),
            company=_field(record, "company", str, "A job posting"),
        )
        new_ids[old] = posting.id
        postings.append(posting)
    versions = []
    for record in _records(library, "versions"):
        where = "A tailored version"
        resume_id = new_ids.get(_field(record, "resume_id", str, where))
        if resume_id is None:
            raise InputError("A tailored version in this backup belongs to a resume that is not in it.")
        posting_id = _field(record, "job_posting_id", str, where)
        versions.append(
            TailoredVersion(
                resume_id=resume_id,
                job_posting_id=new_ids.get(posting_id) if posting_id else None,
                name=_field(record, "name", str, where),
                bullet_ids=_mapped(_field(record, "bullet_ids", list, where), new_ids),
                left_out_entry_ids=_mapped(_field(record, "left_out_entry_ids", list, where), new_ids),
                left_out_summary_ids=_mapped(_field(record, "left_out_summary_ids", list, where), new_ids),
                page_budget=max(0, min(_field(record, "page_budget", int, where), 20)),
            )
        )
    return repository.Library(resumes=resumes, postings=postings, versions=versions)


def _records(library: dict[str, Any], key: str) -> list[Any]:
    records = library.get(key, [])
    if not isinstance(records, list):
        raise InputError(f"{LIBRARY} in this backup is not in the expected form ({key}).")
    return records


def _mapped(ids: list[str], new_ids: dict[str, str]) -> list[str]:
    # An id the backup does not know (a bullet deleted before the backup) drops out,
    # as it does from a version when the bullet is deleted.
    return [new_ids[old] for old in ids if old in new_ids]


def restore(workspace_key: str, data: bytes) -> Restored:
    """Add the library in a backup to a workspace: all of it or, on any problem, nothing.
    Counts against the workspace's upload limit before the archive is read."""
    repository.ensure_workspace(workspace_key)
    repository.charge_upload(workspace_key, "restore")
    library = read_backup(data)
    repository.add_library(workspace_key, library)
    return Restored(resumes=len(library.resumes), postings=len(library.postings), versions=len(library.versions))
