"""Repository functions: core objects in, core objects out, always within one workspace.

Every query filters by the workspace id, so an id guessed from another
workspace is simply "not found".

The public functions take the workspace *key* (the browser's secret token) and turn
it into the stored workspace id with `workspace_hash` before anything else: the
database holds only the hash, so a copy of it opens no library.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from resume_app.core.editing import with_new_ids
from resume_app.core.errors import InputError
from resume_app.core.model import (
    Bullet,
    Contact,
    Entry,
    ImportReport,
    JobPosting,
    Location,
    Profile,
    Resume,
    Section,
    Skill,
    TailoredVersion,
)
from resume_app.core.sections import ENTRY_ATTRIBUTES
from resume_app.storage import limits
from resume_app.storage.db import session_scope
from resume_app.storage.tables import (
    BulletRow,
    EntryRow,
    JobPostingRow,
    ResumeRow,
    SectionRow,
    SkillRow,
    TailoredVersionRow,
    UploadRow,
    WorkspaceRow,
    utcnow,
)

T = TypeVar("T")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_TITLE_LENGTH = 200


class NotFound(InputError):
    """The thing asked for is not in this workspace (or does not exist)."""


@dataclass(frozen=True)
class ResumeListing:
    id: str
    title: str
    name: str
    updated_at: datetime
    bullet_count: int


def new_workspace_key() -> str:
    """A new workspace key: 192 random bits, URL-safe, and never starting with "-" (a key
    typed after `--workspace` on a command line would be read as an option)."""
    while True:
        key = secrets.token_urlsafe(24)
        if not key.startswith("-"):
            return key


def workspace_hash(workspace_key: str) -> str:
    """The id a workspace is stored under: the SHA-256 of its key, in hex.

    A plain hash is enough, with no salt or slow key-derivation function: those protect
    passwords a person chose, which are few enough to guess. A workspace key is
    `secrets.token_urlsafe(24)`, 192 random bits, so nobody can find the key of a hash by
    trying keys, and one unsalted hash lets the lookup stay a primary-key lookup.
    Migration 0005 hashed the keys stored before; it repeats this function and must
    stay equal to it.
    """
    return hashlib.sha256(workspace_key.encode("utf-8", "surrogatepass")).hexdigest()


def ensure_workspace(workspace_key: str) -> None:
    """Create the workspace row for a browser's token the first time it is seen."""
    if not _TOKEN.match(workspace_key or ""):
        raise InputError("This browser's workspace token is not valid.")
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        if session.get(WorkspaceRow, workspace_id) is None:
            session.add(WorkspaceRow(id=workspace_id))


def workspace_exists(workspace_key: str) -> bool:
    """Whether a library was ever opened with this key (a wrong key is not one)."""
    if not _TOKEN.match(workspace_key or ""):
        return False
    with session_scope() as session:
        return session.get(WorkspaceRow, workspace_hash(workspace_key)) is not None


@dataclass
class Library:
    """Everything a workspace holds: its resumes, postings and tailored versions."""

    resumes: list[Resume]
    postings: list[JobPosting]
    versions: list[TailoredVersion]


def read_library(workspace_key: str) -> Library:
    """The whole library of a workspace, read in one transaction (oldest first)."""
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        resumes = session.scalars(
            select(ResumeRow).where(ResumeRow.workspace_id == workspace_id).order_by(ResumeRow.created_at)
        )
        postings = session.scalars(
            select(JobPostingRow).where(JobPostingRow.workspace_id == workspace_id).order_by(JobPostingRow.created_at)
        )
        versions = session.scalars(
            select(TailoredVersionRow)
            .where(TailoredVersionRow.workspace_id == workspace_id)
            .order_by(TailoredVersionRow.created_at)
        )
        return Library(
            resumes=[_read(session, row) for row in resumes],
            postings=[JobPosting(id=row.id, text=row.text, title=row.title, company=row.company) for row in postings],
            versions=[_version(row) for row in versions],
        )


def add_library(workspace_key: str, library: Library) -> None:
    """Add resumes, postings and versions (with ids used nowhere yet) to a workspace, all
    or nothing: one transaction, so a failure half-way leaves the workspace as it was."""
    ensure_workspace(workspace_key)
    workspace_id = workspace_hash(workspace_key)
    for resume in library.resumes:
        resume.title = _clean_title(resume.title or resume.contact.name or "Untitled resume")
    for version in library.versions:
        version.name = _clean_title(version.name, "tailored version")
    allowed = limits.current()
    if any(len(posting.text) > allowed.posting_chars for posting in library.postings):
        raise limits.LimitReached(limits.backup_posting_too_long(allowed.posting_chars))
    per_resume: dict[str, int] = {}
    for version in library.versions:
        per_resume[version.resume_id] = per_resume.get(version.resume_id, 0) + 1
    if any(count > allowed.versions_per_resume for count in per_resume.values()):
        raise limits.LimitReached(limits.backup_versions_over(allowed.versions_per_resume))
    with session_scope() as session:
        held = _count_resumes(session, workspace_id)
        if held + len(library.resumes) > allowed.resumes:
            room = max(0, allowed.resumes - held)
            raise limits.LimitReached(limits.no_room_for_backup(len(library.resumes), room, allowed.resumes))
        for resume in library.resumes:
            session.add(ResumeRow(id=resume.id, workspace_id=workspace_id, created_at=utcnow(), updated_at=utcnow()))
            session.flush()
            _write(session, workspace_id, resume, before={table: {} for table in _PART_TABLES})
        for posting in library.postings:
            session.add(
                JobPostingRow(
                    id=posting.id,
                    workspace_id=workspace_id,
                    text=posting.text,
                    title=posting.title,
                    company=posting.company,
                    created_at=utcnow(),
                    updated_at=utcnow(),
                )
            )
        session.flush()
        for version in library.versions:
            row = TailoredVersionRow(id=version.id, workspace_id=workspace_id, created_at=utcnow())
            _fill_version_row(row, version)
            session.add(row)


def list_resumes(workspace_key: str) -> list[ResumeListing]:
    workspace_id = workspace_hash(workspace_key)
    bullet_counts = (
        select(BulletRow.resume_id, func.count().label("bullets"))
        .where(BulletRow.workspace_id == workspace_id)
        .group_by(BulletRow.resume_id)
        .subquery()
    )
    query = (
        select(ResumeRow, func.coalesce(bullet_counts.c.bullets, 0))
        .outerjoin(bullet_counts, bullet_counts.c.resume_id == ResumeRow.id)
        .where(ResumeRow.workspace_id == workspace_id)
        .order_by(ResumeRow.updated_at.desc())
    )
    with session_scope() as session:
        return [
            ResumeListing(
                id=row.id,
                title=row.title,
                name=(row.contact or {}).get("name", ""),
                updated_at=_aware(row.updated_at),
                bullet_count=count,
            )
            for row, count in session.execute(query)
        ]


def create_resume(workspace_key: str, resume: Resume) -> Resume:
    """Store a new resume (as given, ids included) and return it."""
    workspace_id = workspace_hash(workspace_key)
    resume.title = _clean_title(resume.title or resume.contact.name or "Untitled resume")
    with session_scope() as session:
        allowed = limits.current().resumes
        if _count_resumes(session, workspace_id) >= allowed:
            raise limits.LimitReached(limits.library_full(allowed))
        session.add(ResumeRow(id=resume.id, workspace_id=workspace_id, created_at=utcnow(), updated_at=utcnow()))
        session.flush()
        _write(session, workspace_id, resume, before={table: {} for table in _PART_TABLES})
    return resume


def _lock_workspace(session: Session, workspace_id: str) -> None:
    """Take the workspace's row lock for the rest of the transaction, so that two replicas
    counting its rows before adding one take turns (SQLite: BEGIN IMMEDIATE already does)."""
    session.execute(select(WorkspaceRow.id).where(WorkspaceRow.id == workspace_id).with_for_update())


def _count_resumes(session: Session, workspace_id: str) -> int:
    _lock_workspace(session, workspace_id)
    return session.scalar(select(func.count()).select_from(ResumeRow).where(ResumeRow.workspace_id == workspace_id))


def charge_upload(workspace_key: str, kind: str, new_resume: bool = False) -> None:
    """Count an import or restore against the workspace's upload limit before its file is
    read, or raise LimitReached (nothing counted) when the window's uploads are used up;
    with `new_resume`, also when the library has no room for the resume it would add."""
    workspace_id = workspace_hash(workspace_key)
    allowed = limits.current()
    window = timedelta(minutes=allowed.upload_window_minutes)
    now = utcnow()
    with session_scope() as session:
        held = _count_resumes(session, workspace_id)
        if new_resume and held >= allowed.resumes:
            raise limits.LimitReached(limits.library_full(allowed.resumes))
        session.execute(delete(UploadRow).where(UploadRow.workspace_id == workspace_id, UploadRow.at <= now - window))
        recent = list(
            session.scalars(
                select(UploadRow.at).where(UploadRow.workspace_id == workspace_id).order_by(UploadRow.at.desc())
            )
        )
        if len(recent) >= allowed.uploads:
            # The window frees a place when the oldest upload still in it leaves it.
            oldest = _aware(recent[allowed.uploads - 1])
            wait = math.ceil((oldest + window - now).total_seconds() / 60)
            raise limits.LimitReached(limits.too_many_uploads(allowed.uploads, allowed.upload_window_minutes, wait))
        session.add(UploadRow(workspace_id=workspace_id, kind=kind, at=now))


def get_resume(workspace_key: str, resume_id: str) -> Resume:
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        return _read(session, _resume_row(session, workspace_id, resume_id))


def update_resume(workspace_key: str, resume_id: str, change: Callable[[Resume], T]) -> tuple[Resume, T]:
    """Load, change and save a resume in one transaction; returns it and what `change` returned."""
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        row = _resume_row(session, workspace_id, resume_id, lock=True)
        resume = _read(session, row)
        before = _part_rows(workspace_id, resume)
        result = change(resume)
        _write(session, workspace_id, resume, before)
    return resume, result


def rename_resume(workspace_key: str, resume_id: str, title: str) -> None:
    workspace_id = workspace_hash(workspace_key)
    title = _clean_title(title)
    with session_scope() as session:
        row = _resume_row(session, workspace_id, resume_id)
        row.title = title
        row.updated_at = utcnow()


def duplicate_resume(workspace_key: str, resume_id: str) -> Resume:
    copy = with_new_ids(get_resume(workspace_key, resume_id))
    copy.title = f"Copy of {copy.title}"[:MAX_TITLE_LENGTH]
    return create_resume(workspace_key, copy)


def delete_resume(workspace_key: str, resume_id: str) -> None:
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        session.delete(_resume_row(session, workspace_id, resume_id))


# Job postings and tailored versions


def save_posting(workspace_key: str, posting: JobPosting) -> JobPosting:
    """Store a posting (new or changed) and return it."""
    allowed = limits.current().posting_chars
    if len(posting.text) > allowed:
        raise limits.LimitReached(limits.posting_too_long(allowed))
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        row = session.scalars(
            select(JobPostingRow).where(JobPostingRow.id == posting.id, JobPostingRow.workspace_id == workspace_id)
        ).one_or_none()
        if row is None:
            row = JobPostingRow(id=posting.id, workspace_id=workspace_id, created_at=utcnow())
            session.add(row)
        row.text, row.title, row.company, row.updated_at = posting.text, posting.title, posting.company, utcnow()
    return posting


def get_posting(workspace_key: str, posting_id: str) -> JobPosting:
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        row = session.scalars(
            select(JobPostingRow).where(JobPostingRow.id == posting_id, JobPostingRow.workspace_id == workspace_id)
        ).one_or_none()
        if row is None:
            raise NotFound("This job posting was not found in your workspace.")
        return JobPosting(id=row.id, text=row.text, title=row.title, company=row.company)


def _version(row: TailoredVersionRow) -> TailoredVersion:
    return TailoredVersion(
        id=row.id,
        resume_id=row.resume_id,
        job_posting_id=row.job_posting_id,
        name=row.name,
        bullet_ids=list(row.bullet_ids or []),
        left_out_entry_ids=list(row.left_out_entry_ids or []),
        left_out_summary_ids=list(row.left_out_summary_ids or []),
        page_budget=row.page_budget or 0,
    )


def _version_row(session: Session, workspace_id: str, version_id: str) -> TailoredVersionRow:
    row = session.scalars(
        select(TailoredVersionRow).where(
            TailoredVersionRow.id == version_id, TailoredVersionRow.workspace_id == workspace_id
        )
    ).one_or_none()
    if row is None:
        raise NotFound("This tailored version was not found in your workspace.")
    return row


def save_version(workspace_key: str, version: TailoredVersion) -> TailoredVersion:
    """Store a tailored version (new or changed) of a resume of this workspace."""
    workspace_id = workspace_hash(workspace_key)
    version.name = _clean_title(version.name, "tailored version")
    with session_scope() as session:
        row = session.get(TailoredVersionRow, version.id)
        # A new version locks its resume's row while it counts the resume's versions, so
        # two replicas adding one each take turns.
        _resume_row(session, workspace_id, version.resume_id, lock=row is None)
        if row is not None and row.workspace_id != workspace_id:
            raise NotFound("This tailored version was not found in your workspace.")
        if row is None:
            allowed = limits.current().versions_per_resume
            count = select(func.count()).select_from(TailoredVersionRow)
            held = session.scalar(
                count.where(
                    TailoredVersionRow.workspace_id == workspace_id,
                    TailoredVersionRow.resume_id == version.resume_id,
                )
            )
            if held >= allowed:
                raise limits.LimitReached(limits.versions_full(allowed))
            row = TailoredVersionRow(id=version.id, workspace_id=workspace_id, created_at=utcnow())
            session.add(row)
        _fill_version_row(row, version)
    return version


def _fill_version_row(row: TailoredVersionRow, version: TailoredVersion) -> None:
    """Write a version's fields into its row (a new one, or one being changed)."""
    row.resume_id, row.job_posting_id, row.name = version.resume_id, version.job_posting_id, version.name
    row.bullet_ids, row.updated_at = list(version.bullet_ids), utcnow()
    row.left_out_entry_ids = list(version.left_out_entry_ids)
    row.left_out_summary_ids = list(version.left_out_summary_ids)
    row.page_budget = version.page_budget


def get_version(workspace_key: str, version_id: str) -> TailoredVersion:
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        return _version(_version_row(session, workspace_id, version_id))


def list_versions(workspace_key: str, resume_id: str) -> list[TailoredVersion]:
    """The versions of one resume, most recently changed first."""
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        _resume_row(session, workspace_id, resume_id)
        rows = session.scalars(
            select(TailoredVersionRow)
            .where(TailoredVersionRow.workspace_id == workspace_id, TailoredVersionRow.resume_id == resume_id)
            .order_by(TailoredVersionRow.updated_at.desc())
        )
        return [_version(row) for row in rows]


def duplicate_version(workspace_key: str, version_id: str) -> TailoredVersion:
    original = get_version(workspace_key, version_id)
    copy = TailoredVersion(
        resume_id=original.resume_id,
        job_posting_id=original.job_posting_id,
        name=f"Copy of {original.name}"[:MAX_TITLE_LENGTH],
        bullet_ids=list(original.bullet_ids),
        left_out_entry_ids=list(original.left_out_entry_ids),
        left_out_summary_ids=list(original.left_out_summary_ids),
        page_budget=original.page_budget,
    )
    return save_version(workspace_key, copy)


def delete_version(workspace_key: str, version_id: str) -> None:
    workspace_id = workspace_hash(workspace_key)
    with session_scope() as session:
        session.delete(_version_row(session, workspace_id, version_id))


def _clean_title(title: str, what: str = "resume") -> str:
    title = " ".join((title or "").split())
    if not title:
        raise InputError(f"A {what} needs a name.")
    if len(title) > MAX_TITLE_LENGTH:
        raise InputError(f"A {what} name can be at most {MAX_TITLE_LENGTH} characters long.")
    return title


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _resume_row(session: Session, workspace_id: str, resume_id: str, lock: bool = False) -> ResumeRow:
    query = select(ResumeRow).where(ResumeRow.id == resume_id, ResumeRow.workspace_id == workspace_id)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).one_or_none()
    if row is None:
        raise NotFound("This resume was not found in your workspace.")
    return row


def _rows(session: Session, table, resume_id: str):
    # Plain rows (no ORM identity map): the writer below updates these tables in bulk.
    columns = table.__table__.columns
    return session.execute(select(*columns).where(columns.resume_id == resume_id).order_by(columns.position)).all()


def _read(session: Session, row: ResumeRow) -> Resume:
    contact_data = dict(row.contact or {})
    location = Location(**contact_data.pop("location", {}))
    profiles = [Profile(**profile) for profile in contact_data.pop("profiles", [])]
    resume = Resume(
        id=row.id,
        title=row.title,
        contact=Contact(**contact_data, location=location, profiles=profiles),
        summary=row.summary,
        extra=dict(row.extra or {}),
        confidence=dict(row.confidence or {}),
        import_report=ImportReport.from_dict(row.import_report) if row.import_report else None,
        current_tense=row.current_tense or "",
    )
    bullets: dict[str, list[Bullet]] = {}
    for bullet in _rows(session, BulletRow, row.id):
        bullets.setdefault(bullet.entry_id, []).append(Bullet(id=bullet.id, text=bullet.text, hidden=bullet.hidden))
    entries: dict[str, list[Entry]] = {}
    for entry in _rows(session, EntryRow, row.id):
        fields = {name: getattr(entry, name) for name in ENTRY_ATTRIBUTES}
        entries.setdefault(entry.section_id, []).append(
            Entry(
                id=entry.id,
                hidden=entry.hidden,
                details=dict(entry.details or {}),
                bullets=bullets.get(entry.id, []),
                **fields,
            )
        )
    skills: dict[str, list[Skill]] = {}
    for skill in _rows(session, SkillRow, row.id):
        skills.setdefault(skill.section_id, []).append(
            Skill(id=skill.id, hidden=skill.hidden, name=skill.name, level=skill.level, keywords=list(skill.keywords))
        )
    resume.sections = [
        Section(
            id=section.id,
            kind=section.kind,
            hidden=section.hidden,
            entries=entries.get(section.id, []),
            skills=skills.get(section.id, []),
        )
        for section in _rows(session, SectionRow, row.id)
    ]
    return resume


Rows = dict[type, dict[str, dict[str, Any]]]
# Parents before children: inserts go in this order, deletes in reverse.
_PART_TABLES = (SectionRow, EntryRow, SkillRow, BulletRow)


def _part_rows(workspace_id: str, resume: Resume) -> Rows:
    """Every section, entry, skill and bullet of `resume` as the row it is stored as."""
    owned = {"workspace_id": workspace_id, "resume_id": resume.id}
    rows: Rows = {table: {} for table in _PART_TABLES}
    for section_index, section in enumerate(resume.sections):
        rows[SectionRow][section.id] = {
            "id": section.id,
            "kind": section.kind,
            "hidden": section.hidden,
            "position": section_index,
            **owned,
        }
        for skill_index, skill in enumerate(section.skills):
            rows[SkillRow][skill.id] = {
                "id": skill.id,
                "section_id": section.id,
                "position": skill_index,
                "hidden": skill.hidden,
                "name": skill.name,
                "level": skill.level,
                "keywords": list(skill.keywords),
                **owned,
            }
        for entry_index, entry in enumerate(section.entries):
            rows[EntryRow][entry.id] = {
                "id": entry.id,
                "section_id": section.id,
                "position": entry_index,
                "hidden": entry.hidden,
                "details": dict(entry.details),
                **{name: getattr(entry, name) for name in ENTRY_ATTRIBUTES},
                **owned,
            }
            for bullet_index, bullet in enumerate(entry.bullets):
                rows[BulletRow][bullet.id] = {
                    "id": bullet.id,
                    "entry_id": entry.id,
                    "position": bullet_index,
                    "hidden": bullet.hidden,
                    "text": bullet.text,
                    **owned,
                }
    return rows


def _write(session: Session, workspace_id: str, resume: Resume, before: Rows | None = None) -> None:
    """Store `resume`, writing only the rows that differ from `before` (default: what is stored).

    Ids stay stable, which tailored versions and the embedding cache rely on; an
    edit of one bullet in a bank of hundreds writes one row, not hundreds.
    """
    row = session.get(ResumeRow, resume.id)
    row.title = resume.title
    row.contact = asdict(resume.contact)
    row.summary = resume.summary
    row.extra = resume.extra
    row.confidence = resume.confidence
    row.import_report = resume.import_report.as_dict() if resume.import_report else None
    row.current_tense = resume.current_tense
    row.updated_at = utcnow()
    if before is None:
        before = _part_rows(workspace_id, _read(session, row))
    after = _part_rows(workspace_id, resume)
    for table in reversed(_PART_TABLES):
        gone = before[table].keys() - after[table].keys()
        if gone:
            columns = table.__table__.columns
            session.execute(delete(table.__table__).where(columns.id.in_(gone), columns.workspace_id == workspace_id))
    for table in _PART_TABLES:
        added = [values for key, values in after[table].items() if key not in before[table]]
        if added:
            session.execute(insert(table.__table__), added)
        changed = [
            {**values, "match_id": key}
            for key, values in after[table].items()
            if key in before[table] and before[table][key] != values
        ]
        if changed:
            columns = table.__table__.columns
            statement = update(table.__table__).where(columns.id == bindparam("match_id"))
            session.execute(statement, changed)
