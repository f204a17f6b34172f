"""Every replica of scripts/serve.sh migrates the database when it starts: several processes
migrating one fresh PostgreSQL database at the same moment must all succeed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from resume_app.serving.postgres import Postgres
from resume_app.serving.procs import free_port
from tests.corpus import ROOT

# Each process waits for the same moment, then migrates.
MIGRATE_AT = """
import sys, time
from resume_app.storage.db import migrate
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
migrate(sys.argv[1])
"""


def test_four_processes_migrating_one_fresh_postgresql_database_at_once_all_succeed():
    # Not under pytest's 0700 folders: as root the cluster belongs to the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="resume-migrate-"))
    folder.chmod(0o711)
    (folder / "logs").mkdir()
    postgres = Postgres(folder, free_port(set()), folder / "logs")
    try:
        postgres.start()
        start_at = time.time() + 8
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", MIGRATE_AT, postgres.url, str(start_at)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        results = [process.communicate(timeout=180) for process in processes]
        failures = [
            err.strip().splitlines()[-1] for (_, err), p in zip(results, processes, strict=True) if p.returncode
        ]
        assert failures == []
        engine = create_engine(postgres.url)
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            tables = connection.execute(
                text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'resume'")
            )
            assert len(versions) == 1 and tables.scalar() == 1
        engine.dispose()
    finally:
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
