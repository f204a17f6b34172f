"""Settings read from the environment, with the embedded defaults."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"


def data_dir() -> Path:
    """Where the SQLite file lives: outside the source tree, per user."""
    configured = os.environ.get("RESUME_APP_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "resume_app"


def database_url() -> str:
    configured = os.environ.get("RESUME_APP_DATABASE_URL")
    if configured:
        return configured
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'resume_app.db'}"


def embedding_model() -> str:
    return os.environ.get("RESUME_APP_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL)
