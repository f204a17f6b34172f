"""Per-workspace limits for a server many people share: resumes in a library, tailored
versions of one resume, a job posting's length, and uploads (imports and restores) in a
time window. The defaults are far above what one person uses; environment variables set
them (README). The repository applies them in the same transaction that writes, counting
rows in the database, so replicas sharing one database enforce them together.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from resume_app.core.errors import InputError

log = logging.getLogger(__name__)

# The page's posting box sends its text whole over the websocket, whose messages stop at
# 1 MB (a longer text was dropped on the way): a setting may lower this, never raise it.
MAX_POSTING_CHARS = 100_000

DEFAULTS = {
    "RESUME_APP_MAX_RESUMES": 200,
    "RESUME_APP_MAX_VERSIONS_PER_RESUME": 200,
    "RESUME_APP_MAX_POSTING_CHARS": MAX_POSTING_CHARS,
    "RESUME_APP_MAX_UPLOADS": 60,
    "RESUME_APP_UPLOAD_WINDOW_MINUTES": 60,
}


class LimitReached(InputError):
    """A workspace limit would be passed; nothing was written."""


@dataclass(frozen=True)
class Limits:
    resumes: int
    versions_per_resume: int
    posting_chars: int
    uploads: int
    upload_window_minutes: int


def _setting(name: str) -> int:
    default = DEFAULTS[name]
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        # A typo must not lock everyone out (0) or lift the limit: keep the default.
        log.warning("%s=%r is not a whole number of at least 1; using %d", name, raw, default)
        return default
    return value


def current() -> Limits:
    """The limits as the environment sets them now (read on each use: cheap, and tests
    and operators can change them without a restart of anything but this process)."""
    return Limits(
        resumes=_setting("RESUME_APP_MAX_RESUMES"),
        versions_per_resume=_setting("RESUME_APP_MAX_VERSIONS_PER_RESUME"),
        posting_chars=min(MAX_POSTING_CHARS, _setting("RESUME_APP_MAX_POSTING_CHARS")),
        uploads=_setting("RESUME_APP_MAX_UPLOADS"),
        upload_window_minutes=_setting("RESUME_APP_UPLOAD_WINDOW_MINUTES"),
    )


# The sentences a person reads when a limit is reached.


def library_full(limit: int) -> str:
    return f"Your library holds {_count(limit, 'resume')}, the most it can hold; delete one to make room for another."


def no_room_for_backup(count: int, room: int, limit: int) -> str:
    return (
        f"This backup holds {count} resumes and your library has room for {room} more "
        f"(at most {limit}); nothing was added."
    )


def versions_full(limit: int) -> str:
    versions = _count(limit, "tailored version")
    return f"This resume has {versions}, the most one resume can have; delete one to make room."


def backup_versions_over(limit: int) -> str:
    return (
        f"A resume in this backup has more than {limit} tailored versions, the most one resume can have; "
        "nothing was added."
    )


def posting_too_long(limit: int) -> str:
    return f"This posting is longer than {limit:,} characters; paste only the job's own text."


def backup_posting_too_long(limit: int) -> str:
    return f"A job posting in this backup is longer than {limit:,} characters; nothing was added."


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def _minutes(count: int) -> str:
    return _count(count, "minute")


def too_many_uploads(limit: int, window_minutes: int, wait_minutes: int) -> str:
    return (
        f"You have uploaded {limit} files in the last {_minutes(window_minutes)}, "
        f"the most allowed; try again in {_minutes(max(1, wait_minutes))}."
    )
