"""Alembic environment: the app's tables, the app's database URL."""

from logging.config import fileConfig

from sqlalchemy import create_engine

from alembic import context
from resume_app.core import settings
from resume_app.storage.tables import Base

config = context.config
# Only the alembic command line sets up logging; inside the app it is the app's.
if config.config_file_name is not None and config.get_main_option("sqlalchemy.url") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or settings.database_url()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = create_engine(_url())
    with connectable.connect() as connection:
        # Batch mode lets later migrations alter SQLite tables (copy-and-move).
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    connectable.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
