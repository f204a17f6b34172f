"""SQLAlchemy 2.0 tables. Every row carries the workspace it belongs to."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(64)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class WorkspaceRow(Base):
    __tablename__ = "workspace"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class _Owned:
    """Columns every workspace-owned row has."""

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    workspace_id: Mapped[str] = mapped_column(ID, ForeignKey("workspace.id", ondelete="CASCADE"), index=True)


class ResumeRow(_Owned, Base):
    __tablename__ = "resume"

    title: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The importer's confidence per field (core.model.confidence_key -> 0..1).
    confidence: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    # What the importer could not place (core.model.ImportReport.as_dict()); None when not imported.
    import_report: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, default=None)
    # core.model.Resume.current_tense: "present", "past" or "" (not chosen).
    current_tense: Mapped[str] = mapped_column(String(8), server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class _ResumePart(_Owned):
    resume_id: Mapped[str] = mapped_column(ID, ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)


class SectionRow(_ResumePart, Base):
    __tablename__ = "section"

    kind: Mapped[str] = mapped_column(String(32))


class EntryRow(_ResumePart, Base):
    __tablename__ = "entry"

    section_id: Mapped[str] = mapped_column(ID, ForeignKey("section.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    organization: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[str] = mapped_column(String(16), default="")
    end_date: Mapped[str] = mapped_column(String(16), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class BulletRow(_ResumePart, Base):
    __tablename__ = "bullet"

    entry_id: Mapped[str] = mapped_column(ID, ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")


class SkillRow(_ResumePart, Base):
    __tablename__ = "skill"

    section_id: Mapped[str] = mapped_column(ID, ForeignKey("section.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)


class JobPostingRow(_Owned, Base):
    __tablename__ = "job_posting"

    title: Mapped[str] = mapped_column(Text, default="")
    company: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TailoredVersionRow(_Owned, Base):
    __tablename__ = "tailored_version"

    resume_id: Mapped[str] = mapped_column(ID, ForeignKey("resume.id", ondelete="CASCADE"), index=True)
    job_posting_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("job_posting.id", ondelete="CASCADE"), index=True, nullable=True
    )
    name: Mapped[str] = mapped_column(Text, default="")
    # The chosen bullets of the master resume, by id, in the order they show.
    bullet_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Entries, and paragraphs under entry titles, left out to fit a page budget (entry ids).
    left_out_entry_ids: Mapped[list[str] | None] = mapped_column(JSON, default=list, nullable=True)
    left_out_summary_ids: Mapped[list[str] | None] = mapped_column(JSON, default=list, nullable=True)
    page_budget: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UploadRow(Base):
    """One import or restore a workspace started: counted per time window (storage.limits),
    in the database so every replica sees the same count. Rows past the window are
    deleted when the workspace uploads again."""

    __tablename__ = "upload"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workspace_id: Mapped[str] = mapped_column(ID, ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class EmbeddingCacheRow(Base):
    """Sentence embeddings by model and text hash, shared by all workspaces.

    Only a hash of the text is stored, so the cache reveals no resume text.
    """

    __tablename__ = "embedding_cache"

    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    dimensions: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
