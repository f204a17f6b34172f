"""A Redis of serve's own for Reflex's states and socket ownership: 127.0.0.1, its own port,
a password, nothing written to disk (sessions come back from the database after a restart)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from resume_app.serving.procs import ServeError, alive, last_line, secret_file, wait_until


def answers(port: int, password: str) -> bool:
    """Redis on `port` says PONG to an authenticated PING."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
            conn.sendall(f"AUTH {password}\r\nPING\r\n".encode())
            reply = b""
            while b"PONG" not in reply and len(reply) < 200:
                chunk = conn.recv(100)
                if not chunk:
                    break
                reply += chunk
            return b"PONG" in reply
    except OSError:
        return False


@dataclass
class Redis:
    data_dir: Path
    port: int
    logs: Path

    def __post_init__(self) -> None:
        self.folder = self.data_dir / "redis"
        self.config = self.data_dir / "redis.conf"
        self.pidfile = self.data_dir / "run" / "redis.pid"
        self.log = self.logs / "redis.log"
        self.password = secret_file(self.data_dir / "redis.password")

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start_command(self) -> list[str]:
        return [shutil.which("redis-server") or "/usr/bin/redis-server", str(self.config)]

    def pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if alive(pid) else None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.pidfile.parent.mkdir(parents=True, exist_ok=True)
        # The password stays out of the command line (visible to every user in ps).
        self.config.touch(mode=0o600)
        self.config.write_text(
            "\n".join(
                [
                    "bind 127.0.0.1",
                    f"port {self.port}",
                    f"requirepass {self.password}",
                    "daemonize yes",
                    f"pidfile {self.pidfile}",
                    f"logfile {self.log}",
                    f"dir {self.folder}",
                    'save ""',
                    "appendonly no",
                ]
            )
            + "\n"
        )
        result = subprocess.run(self.start_command(), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0 or not wait_until(lambda: answers(self.port, self.password), 30):
            reason = last_line(self.log) or result.stderr.strip() or "no answer to PING"
            raise ServeError(f"Redis did not start ({reason}); see {self.log}.")

    def stop(self) -> None:
        pid = self.pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        wait_until(lambda: not alive(pid), 10, 0.1)

    def describe(self) -> dict:
        return {
            "managed": True,
            "port": self.port,
            "pid": self.pid(),
            "url": self.url,
            "config": str(self.config),
            "log": str(self.log),
            "start": self.start_command(),
        }
