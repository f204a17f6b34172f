"""Engine, sessions and migrations. The database URL comes from the settings."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from alembic import command
from resume_app.core import settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"

_lock = threading.Lock()
_engines: dict[str, Engine] = {}
_sessionmakers: dict[str, sessionmaker[Session]] = {}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins (below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL: readers don't block the writer, and a killed process loses no commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin_immediate(connection) -> None:
    # Take the write lock when the transaction starts, so two workers editing the same
    # resume queue up instead of one overwriting the other's read-modify-write
    # (PostgreSQL gets the same from SELECT ... FOR UPDATE in the repository).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def unreachable(error: BaseException) -> bool:
    """Whether `error` means the database is out of reach (down, restarting, refusing
    connections, locked for too long), as opposed to a refused change or a bug: what was
    tried can be tried again later."""
    if isinstance(error, (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)):
        return True
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, ConnectionError)


def alembic_config(url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    # ConfigParser interpolation would read "%" in a password as a directive.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# Any fixed number: the key of the PostgreSQL advisory lock that migrations hold.
_MIGRATION_LOCK_KEY = 0x7265_7375_6D65  # "resume"


def migrate(url: str) -> None:
    """Bring the database at `url` to the newest schema. Safe when several processes do it
    at once on PostgreSQL (replicas of `scripts/serve.sh` all migrate on first use): they
    take turns on an advisory lock, and the later ones find the schema already at head."""
    if not url.startswith("postgresql"):
        command.upgrade(alembic_config(url), "head")
        return
    locker = create_engine(url, poolclass=NullPool)
    try:
        with locker.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            try:
                command.upgrade(alembic_config(url), "head")
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK_KEY})
    finally:
        locker.dispose()


def engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: the configured one), migrated on first use."""
    url = url or settings.database_url()
    with _lock:
        if url not in _engines:
            # A server that does not answer is an outage the pages wait out, not a hung event loop.
            connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
            created = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
            if created.dialect.name == "sqlite":
                event.listen(created, "connect", _sqlite_pragmas)
                event.listen(created, "begin", _sqlite_begin_immediate)
            migrate(url)
            _engines[url] = created
            _sessionmakers[url] = sessionmaker(created, expire_on_commit=False)
        return _engines[url]


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A transaction: committed when the block ends, rolled back on an error."""
    url = url or settings.database_url()
    engine(url)
    session = _sessionmakers[url]()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def dispose_all() -> None:
    """Forget every engine (tests that switch databases call this)."""
    with _lock:
        for created in _engines.values():
            created.dispose()
        _engines.clear()
        _sessionmakers.clear()
