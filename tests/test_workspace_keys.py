"""Workspace keys are stored only as hashes, so a copy of the database opens no library.

The migration test builds a database at the revision before (0004) with the key
stored raw, as the app did then, and upgrades it. It needs a private SQLite file.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict

import pytest
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session

from alembic import command
from resume_app.core import json_resume, settings
from resume_app.core.model import JobPosting, TailoredVersion
from resume_app.storage import db, repository
from resume_app.storage.tables import JobPostingRow, ResumeRow, TailoredVersionRow, WorkspaceRow, utcnow
from tests.corpus import TRUTH_FILES


@pytest.fixture
def own_sqlite_file(tmp_path, monkeypatch):
    """A SQLite file of the test's own, even when the suite runs on PostgreSQL: these tests
    read the database file's bytes and build it at an older revision."""
    db.dispose_all()
    monkeypatch.delenv("RESUME_APP_DATABASE_URL", raising=False)
    monkeypatch.setenv("RESUME_APP_DATA_DIR", str(tmp_path / "own-sqlite"))
    yield
    db.dispose_all()


def _database_bytes() -> bytes:
    """The SQLite file and its write-ahead log, after every engine let go of them."""
    db.dispose_all()
    path = settings.data_dir() / "resume_app.db"
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(file.read_bytes() for file in files if file.exists())


def test_the_stored_id_is_the_sha256_of_the_key():
    key = secrets.token_urlsafe(24)
    assert repository.workspace_hash(key) == hashlib.sha256(key.encode()).hexdigest()


def test_a_new_workspace_key_appears_nowhere_in_the_database(own_sqlite_file):
    workspace = secrets.token_urlsafe(24)
    repository.ensure_workspace(workspace)
    stored = repository.create_resume(workspace, json_resume.loads(TRUTH_FILES[0].read_bytes()))
    repository.save_posting(workspace, JobPosting(text="Senior accountant, CPA preferred."))
    assert repository.get_resume(workspace, stored.id).title
    with Session(db.engine()) as session:
        assert session.scalars(select(WorkspaceRow.id)).all() == [repository.workspace_hash(workspace)]
    assert workspace.encode() not in _database_bytes()


def test_migration_hashes_existing_keys_and_the_key_still_opens_the_library(own_sqlite_file):
    url = settings.database_url()
    command.upgrade(db.alembic_config(url), "0004")
    key, other = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    resume = json_resume.loads(TRUTH_FILES[0].read_bytes())
    resume.title = "Before hashing"
    posting = JobPosting(text="Senior accountant, CPA preferred.", title="Accountant", company="Acme")
    chosen = [bullet.id for bullet in resume.bullets()][:3]
    version = TailoredVersion(resume_id=resume.id, name="Acme", bullet_ids=chosen, job_posting_id=posting.id)
    # The rows as the app stored them at revision 0004: the raw key as the workspace id.
    old_engine = create_engine(url)
    with Session(old_engine) as session, session.begin():
        session.add_all([WorkspaceRow(id=key), WorkspaceRow(id=other)])
        session.flush()
        # Only the columns revision 0004 has (the ORM row has the newest ones).
        session.execute(
            insert(ResumeRow.__table__),
            {
                "id": resume.id,
                "workspace_id": key,
                "title": resume.title,
                "contact": asdict(resume.contact),
                "summary": resume.summary,
                "extra": resume.extra,
                "confidence": resume.confidence,
                "created_at": utcnow(),
                "updated_at": utcnow(),
            },
        )
        parts = repository._part_rows(key, resume)
        for table in repository._PART_TABLES:
            if parts[table]:
                session.execute(insert(table.__table__), list(parts[table].values()))
        session.add(JobPostingRow(id=posting.id, workspace_id=key, text=posting.text, title="Accountant"))
        session.flush()
        session.add(
            TailoredVersionRow(
                id=version.id,
                workspace_id=key,
                resume_id=resume.id,
                name="Acme",
                bullet_ids=chosen,
                job_posting_id=posting.id,
            )
        )
    old_engine.dispose()
    assert key.encode() in _database_bytes()

    db.engine()  # migrates to the newest revision
    assert [listing.title for listing in repository.list_resumes(key)] == ["Before hashing"]
    reloaded = repository.get_resume(key, resume.id)
    assert json_resume.to_json_resume(reloaded) == json_resume.to_json_resume(resume)
    assert [bullet.id for bullet in reloaded.bullets()] == [bullet.id for bullet in resume.bullets()]
    assert repository.get_posting(key, posting.id).company == ""
    assert [v.bullet_ids for v in repository.list_versions(key, resume.id)] == [chosen]
    assert repository.list_resumes(other) == []
    with pytest.raises(repository.NotFound):
        repository.get_resume(other, resume.id)
    with Session(db.engine()) as session:
        stored = set(session.scalars(select(WorkspaceRow.id)))
        owners = {table: set(session.scalars(select(table.workspace_id))) for table in (ResumeRow, JobPostingRow)}
    assert stored == {repository.workspace_hash(key), repository.workspace_hash(other)}
    assert owners == {ResumeRow: {repository.workspace_hash(key)}, JobPostingRow: {repository.workspace_hash(key)}}
    contents = _database_bytes()
    assert key.encode() not in contents and other.encode() not in contents
