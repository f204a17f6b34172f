"""`scripts/serve.sh` as tests use it: started in a data folder of its own on free ports,
ready when the load balancer serves the page and every replica answers /ping. What it
started is read from DATA/serve.json, so faults can be dealt to each service:

    with ScaleOut(replicas=2) as serve:
        serve.url, serve.replica_pids, serve.kill_replica(0), serve.restart_redis(),
        serve.stop_postgres(), serve.start_postgres(), serve.database_url
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

# The helpers serve.sh itself waits with: one way to tell a port, a page and a process apart.
from resume_app.serving.procs import alive, free_port, http_ok, wait_until

ROOT = Path(__file__).resolve().parents[1]
# A cold start builds the frontend and, in a fresh checkout, installs its npm packages.
START_TIMEOUT_S = 600


class ScaleOut:
    """serve.sh in its own process group; `stop()` (or leaving the `with`) ends it all."""

    def __init__(self, replicas: int = 2, data_dir: Path | None = None, env: dict[str, str] | None = None):
        self.replicas = replicas
        # Not under pytest's 0700 tmp folders: PostgreSQL's user and nginx's workers
        # (nobody) must pass through the data folder when the tests run as root.
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix="resume-serve-"))
        self._own_dir = data_dir is None
        self.data_dir.chmod(0o711)
        self.port = free_port(set())
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.data_dir / "serve.out"
        self.env = env or {}
        self.process: subprocess.Popen | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> ScaleOut:
        env = {**os.environ, **self.env}
        for name in ("RESUME_APP_DATABASE_URL", "REFLEX_REDIS_URL"):
            if name not in self.env:
                env.pop(name, None)
        command = ["bash", str(ROOT / "scripts" / "serve.sh"), "--replicas", str(self.replicas)]
        command += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
        with self.log_path.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve.sh exited with {self.process.returncode}: {self.output()[-2000:]}")
            if self._ready():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"serve.sh was not ready within {START_TIMEOUT_S} s: {self.output()[-2000:]}")

    def _ready(self) -> bool:
        try:
            state = self.state()
        except (OSError, ValueError):
            return False
        if not state.get("ready"):
            return False
        return (
            http_ok(self.url)
            and http_ok(f"{self.url}/ping")
            and all(http_ok(f"{replica['url']}/ping") for replica in state["replicas"])
        )

    def stop(self) -> None:
        """SIGTERM serve.sh, which stops everything it started."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def cleanup(self) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> ScaleOut:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.cleanup()

    # -- what it started ---------------------------------------------------------------

    def state(self) -> dict:
        return json.loads((self.data_dir / "serve.json").read_text())

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def replica_pids(self) -> list[int]:
        return [replica["pid"] for replica in self.state()["replicas"]]

    @property
    def replica_urls(self) -> list[str]:
        return [replica["url"] for replica in self.state()["replicas"]]

    @property
    def database_url(self) -> str:
        return self.state()["database_url"]

    @property
    def redis_url(self) -> str:
        return self.state()["redis_url"]

    # -- faults ------------------------------------------------------------------------

    def kill_replica(self, index: int) -> int:
        """SIGKILL replica `index` and its server worker, like a crash; returns its pid.
        serve.sh starts it again after a moment (with a new pid in serve.json)."""
        pid = self.state()["replicas"][index]["pid"]
        os.killpg(pid, signal.SIGKILL)
        wait_until(lambda: not alive(pid), 10, 0.05)
        return pid

    def wait_replicas_ready(self, timeout_s: float = 120) -> None:
        """Every replica (a restarted one included) answers /ping."""
        if not wait_until(lambda: all(http_ok(f"{url}/ping") for url in self.replica_urls), timeout_s, 0.5):
            raise RuntimeError(f"the replicas did not all answer within {timeout_s} s")

    def restart_redis(self) -> None:
        """Stop Redis (its states are lost: it keeps nothing on disk) and start it again on
        the same port with the same password."""
        redis = self.state()["redis"]
        if not redis.get("managed"):
            raise RuntimeError("this serve.sh uses a Redis it did not start")
        # serve.json's pid is the first one; the pidfile names the Redis running now.
        pid = int(Path(redis["pidfile"]).read_text().strip())
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        wait_until(lambda: not alive(pid), 20, 0.05)
        subprocess.run(redis["start"], check=True, capture_output=True)
        self._wait_port(redis["port"])

    def stop_postgres(self) -> None:
        """Stop PostgreSQL (a fast shutdown: connections are cut, nothing committed is lost)."""
        postgres = self._postgres()
        subprocess.run(postgres["stop"], check=True, capture_output=True)

    def start_postgres(self) -> None:
        postgres = self._postgres()
        subprocess.run(postgres["start"], check=True, capture_output=True)
        self._wait_port(postgres["port"])

    def _postgres(self) -> dict:
        postgres = self.state()["postgres"]
        if not postgres.get("managed"):
            raise RuntimeError("this serve.sh uses a PostgreSQL it did not start")
        return postgres

    @staticmethod
    def _wait_port(port: int, timeout_s: float = 30) -> None:
        def listens() -> bool:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
            return False

        if not wait_until(listens, timeout_s, 0.1):
            raise RuntimeError(f"nothing listens on port {port} after {timeout_s} s")
