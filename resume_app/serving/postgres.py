"""A PostgreSQL cluster of serve's own under the data folder: 127.0.0.1 and a unix socket
there, its own port, a password for the app's role. PostgreSQL refuses to run as root, so
as root the cluster belongs to the `postgres` user."""

from __future__ import annotations

import glob
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from resume_app.serving.procs import (
    ServeError,
    as_user,
    is_root,
    last_line,
    run_quiet,
    secret_file,
    user_can_enter,
    user_exists,
)

ROLE = "resume_app"
DATABASE = "resume_app"


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise ServeError("PostgreSQL is not installed; run scripts/install_services.sh (serve.sh does so itself).")
    return Path(found[-1]).parent


@dataclass
class Postgres:
    data_dir: Path  # serve's data folder
    port: int
    logs: Path

    def __post_init__(self) -> None:
        self.bin = _bin_dir()
        self.cluster = self.data_dir / "postgres"
        self.socket_dir = self.data_dir / "run" / "postgres"
        self.log = self.logs / "postgres.log"
        self.user = "postgres" if is_root() else None

    @property
    def url(self) -> str:
        password = secret_file(self.data_dir / "postgres.password")
        return f"postgresql+psycopg2://{ROLE}:{password}@127.0.0.1:{self.port}/{DATABASE}"

    def start_command(self) -> list[str]:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.socket_dir}"
        pg_ctl = [str(self.bin / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(self.cluster)]
        return as_user(self.user, [*pg_ctl, "-l", str(self.log), "-o", options])

    def stop_command(self) -> list[str]:
        return as_user(self.user, [str(self.bin / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.cluster)])

    def pid(self) -> int | None:
        try:
            return int((self.cluster / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def start(self) -> None:
        self._prepare()
        if not (self.cluster / "PG_VERSION").exists():
            self._initdb()
        with self.log.open("ab") as out:
            result = subprocess.run(
                self.start_command(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        if result.returncode != 0:
            raise ServeError(f"PostgreSQL did not start ({last_line(self.log)}); see {self.log}.")
        self._create_role_and_database()

    def stop(self) -> None:
        if self.pid() is not None:
            subprocess.run(self.stop_command(), capture_output=True, stdin=subprocess.DEVNULL)

    def _prepare(self) -> None:
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        self.log.touch()
        if self.user is None:
            return
        if not user_exists(self.user):
            raise ServeError("PostgreSQL runs as the postgres user, which does not exist; reinstall postgresql.")
        self.cluster.mkdir(mode=0o700, exist_ok=True)
        for path in (self.cluster, self.socket_dir, self.log):
            subprocess.run(["chown", f"{self.user}:", str(path)], check=True)
        if not user_can_enter(self.user, self.cluster):
            raise ServeError(
                f"PostgreSQL runs as the postgres user, which cannot enter {self.data_dir}; "
                "choose a --data-dir that other users may pass through (for example under /var/tmp)."
            )

    def _initdb(self) -> None:
        command = [
            str(self.bin / "initdb"),
            "-D",
            str(self.cluster),
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            # The operating system user reaches the cluster through the socket in the data
            # folder; the app connects over TCP with its role's password.
            "--auth-local=peer",
            "--auth-host=scram-sha-256",
        ]
        run_quiet(as_user(self.user, command), "Creating the PostgreSQL cluster", self.log)

    def _psql(self, sql: str, database: str = "postgres") -> str:
        command = [str(self.bin / "psql"), "-h", str(self.socket_dir), "-p", str(self.port), "-d", database]
        command += ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
        result = subprocess.run(as_user(self.user, command), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            message = (result.stderr.strip().splitlines() or ["no message"])[-1]
            raise ServeError(f"PostgreSQL refused to set up the app's database ({message}); see {self.log}.")
        return result.stdout.strip()

    def _create_role_and_database(self) -> None:
        password = secret_file(self.data_dir / "postgres.password").replace("'", "''")
        if not self._psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'"):
            self._psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{password}'")
        else:
            self._psql(f"ALTER ROLE {ROLE} PASSWORD '{password}'")
        if not self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"):
            self._psql(f"CREATE DATABASE {DATABASE} OWNER {ROLE}")

    def describe(self) -> dict:
        return {
            "managed": True,
            "port": self.port,
            "pid": self.pid(),
            "cluster": str(self.cluster),
            "log": str(self.log),
            "start": self.start_command(),
            "stop": self.stop_command(),
            "start_shell": shlex.join(self.start_command()),
        }
