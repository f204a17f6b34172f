"""Shared fixtures: the corpus, and a private database per test."""

from __future__ import annotations

import os
import secrets

import pytest

from resume_app.storage import db
from tests.corpus import CORPUS, TRUTH_FILES


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    """A fresh SQLite file per test, unless RESUME_APP_DATABASE_URL points at a server
    (PostgreSQL): then tests share it and stay apart by using fresh workspaces."""
    if not os.environ.get("RESUME_APP_DATABASE_URL"):
        monkeypatch.setenv("RESUME_APP_DATA_DIR", str(tmp_path / "data"))
    yield
    db.dispose_all()


@pytest.fixture
def workspace() -> str:
    from resume_app.storage import repository

    token = secrets.token_urlsafe(24)
    repository.ensure_workspace(token)
    return token


def pytest_collection_modifyitems(items):
    if not TRUTH_FILES:
        raise pytest.UsageError(f"The test corpus was not found at {CORPUS}; tests need ../shared/corpus.")
