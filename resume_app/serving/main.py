"""`scripts/serve.sh`: start PostgreSQL, Redis, the frontend build, N backend replicas and
nginx in that order, write what was started to DATA/serve.json, watch the replicas (one that
dies is started again) and stop everything on Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from resume_app.core import settings
from resume_app.serving import frontend
from resume_app.serving.nginx import Nginx, render
from resume_app.serving.postgres import Postgres
from resume_app.serving.procs import (
    ServeError,
    alive,
    free_port,
    http_ok,
    is_root,
    last_line,
    port_is_free,
    stop_group,
    wait_until,
)
from resume_app.serving.redis import Redis

PROJECT_ROOT = frontend.PROJECT_ROOT
# The first start of a replica imports the app (torch included) on a shared machine.
READY_TIMEOUT_S = 600
# A replica that dies this soon after starting, this many times in a row, is given up on.
QUICK_DEATH_S = 30
QUICK_DEATHS = 3


class Stopped(Exception):
    """SIGTERM or SIGINT arrived."""


def default_data_dir() -> Path:
    # As root, PostgreSQL's user and nginx's workers cannot pass through /root.
    return Path("/var/lib/resume_app/serve") if is_root() else settings.data_dir() / "serve"


@dataclass
class Replica:
    index: int
    port: int
    log: Path
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    quick_deaths: int = 0
    restarts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, env: dict[str, str]) -> None:
        states = self.log.parent.parent / "replicas" / str(self.index)
        replica_env = {
            **env,
            # Each replica its own state and upload folders (Redis holds the shared states).
            "REFLEX_STATES_WORKDIR": str(states / "states"),
            "REFLEX_UPLOADED_FILES_DIR": str(states / "uploads"),
        }
        command = [str(Path(sys.executable).parent / "reflex"), "run", "--env", "prod", "--backend-only"]
        command += ["--backend-port", str(self.port), "--backend-host", "127.0.0.1"]
        with self.log.open("ab") as out:
            # Its own process group: a stop or a kill takes the server's worker with it.
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT_ROOT,
                env=replica_env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started_at = time.monotonic()

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def describe(self) -> dict:
        return {
            "index": self.index,
            "port": self.port,
            "pid": self.process.pid if self.process else None,
            "url": self.url,
            "log": str(self.log),
            "restarts": self.restarts,
        }


@dataclass
class Serve:
    data_dir: Path
    port: int
    replicas_wanted: int
    host: str = field(default_factory=lambda: os.environ.get("RESUME_APP_HOST", "127.0.0.1"))

    def __post_init__(self) -> None:
        self.logs = self.data_dir / "logs"
        self.state_file = self.data_dir / "serve.json"
        self.www = self.data_dir / "frontend" / "www"
        self.postgres: Postgres | None = None
        self.redis: Redis | None = None
        self.replicas: list[Replica] = []
        self.nginx: subprocess.Popen | None = None
        self.database_url = os.environ.get("RESUME_APP_DATABASE_URL", "")
        self.redis_url = os.environ.get("REFLEX_REDIS_URL", "")
        self.started = time.monotonic()
        self.ready = False

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "127.0.0.1") else self.host
        return f"http://{shown}:{self.port}"

    # -- start -------------------------------------------------------------------------

    def run(self) -> int:
        self._prepare_folder()
        if not port_is_free(self.port, self.host):
            raise ServeError(f"Port {self.port} is already in use on {self.host}; choose another with --port.")
        taken = {self.port}
        try:
            if not self.database_url:
                self.postgres = Postgres(self.data_dir, free_port(taken), self.logs)
                self._say(f"starting PostgreSQL on 127.0.0.1:{self.postgres.port}")
                self.postgres.start()
                self.database_url = self.postgres.url
            if not self.redis_url:
                self.redis = Redis(self.data_dir, free_port(taken), self.logs)
                self._say(f"starting Redis on 127.0.0.1:{self.redis.port}")
                self.redis.start()
                self.redis_url = self.redis.url
            else:
                self._check_redis()
            self._migrate()
            env = self._app_env()
            self._say("building the frontend (once per change of the app or the port)")
            started = time.monotonic()
            built = frontend.build(self._api_url(), self.www, env, self.logs / "frontend-build.log")
            self._say(f"frontend {'built' if built else 'unchanged'} in {time.monotonic() - started:.0f} s")
            self.replicas = [
                Replica(index, free_port(taken), self.logs / f"replica-{index}.log")
                for index in range(self.replicas_wanted)
            ]
            for replica in self.replicas:
                replica.start(env)
            self._start_nginx()
            self._write_state()
            self._wait_ready()
            self.ready = True
            self._write_state()
            seconds = time.monotonic() - self.started
            print(
                f"serve: the app is at {self.url} ({len(self.replicas)} replicas, ready in {seconds:.0f} s); "
                f"Ctrl-C stops it. Logs: {self.logs}",
                flush=True,
            )
            self._watch(env)
        except (Stopped, KeyboardInterrupt):
            self._say("stopping")
            return 0
        finally:
            self._stop_all()
        return 0

    def _prepare_folder(self) -> None:
        try:
            self.logs.mkdir(parents=True, exist_ok=True)
            (self.data_dir / "run").mkdir(exist_ok=True)
        except OSError as error:
            raise ServeError(f"Cannot create the data folder {self.data_dir} ({error.strerror}).") from None
        if self.data_dir.stat().st_uid == os.geteuid():
            # PostgreSQL's user and nginx's workers pass through it, and read nothing else.
            self.data_dir.chmod(self.data_dir.stat().st_mode | 0o711)
        self._clear_leftovers()

    def _clear_leftovers(self) -> None:
        """A serve.sh of this folder that was killed outright leaves its services running."""
        try:
            previous = json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            previous = {}
        if previous.get("pid") and alive(previous["pid"]) and previous["pid"] != os.getpid():
            raise ServeError(
                f"Another serve.sh is already running with the data folder {self.data_dir} (pid {previous['pid']}); "
                "stop it first or choose another --data-dir."
            )
        for replica in previous.get("replicas", []):
            if _is_ours(replica.get("pid"), "reflex"):
                stop_group(replica["pid"], grace_s=5)
        if _is_ours((previous.get("nginx") or {}).get("pid"), "nginx"):
            stop_group(previous["nginx"]["pid"], grace_s=5)
        if (self.data_dir / "postgres" / "postmaster.pid").exists():
            Postgres(self.data_dir, 0, self.logs).stop()
        Redis(self.data_dir, 0, self.logs).stop()

    def _check_redis(self) -> None:
        """A Redis given by REFLEX_REDIS_URL answers, or one sentence says it does not."""
        import redis

        try:
            client = redis.Redis.from_url(self.redis_url, socket_connect_timeout=5)
            client.ping()
            client.close()
        except (redis.RedisError, ValueError) as error:
            raise ServeError(f"The Redis in REFLEX_REDIS_URL does not answer ({error}).") from None

    def _migrate(self) -> None:
        # Once here, before any replica: they find the schema at head.
        self._say("migrating the database")
        from resume_app.storage.db import migrate

        try:
            migrate(self.database_url)
        except Exception as error:  # noqa: BLE001 - any driver error becomes one sentence
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise ServeError(f"The database could not be prepared ({reason}).") from None

    def _api_url(self) -> str:
        # "localhost" in the pages' API address means "the host the page came from"
        # (Reflex's SAME_DOMAIN_HOSTNAMES), so one build serves every name of this machine.
        return f"http://localhost:{self.port}"

    def _app_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            PYTHONPATH=str(PROJECT_ROOT),
            RESUME_APP_DATABASE_URL=self.database_url,
            RESUME_APP_DATA_DIR=str(self.data_dir),
            REFLEX_REDIS_URL=self.redis_url,
            REFLEX_API_URL=self._api_url(),
            REFLEX_DEPLOY_URL=self._api_url(),
            REFLEX_WEB_WORKDIR=str(frontend.WEB_WORKDIR),
            REFLEX_STATES_WORKDIR=str(self.data_dir / "states"),
            # rxconfig.py allows the pages of its own port (a replica's, in `reflex run
            # --backend-only`) and RESUME_APP_ORIGINS: the load balancer's are added there.
            RESUME_APP_ORIGINS=",".join(self._origins()),
            # Replicas listen on the loopback only; nginx is the one door.
            RESUME_APP_HOST="127.0.0.1",
            # One server process per replica: the model loads once in each.
            GRANIAN_WORKERS="1",
            # nginx adds the client's address to X-Forwarded-For.
            REFLEX_TRUSTED_PROXY_HOPS="1",
            REFLEX_TELEMETRY_ENABLED="false",
            REFLEX_CHECK_LATEST_VERSION="0",
            REFLEX_USE_NPM="1",
            HF_HUB_OFFLINE="1",
        )
        return env

    def _origins(self) -> list[str]:
        own = [f"http://localhost:{self.port}", f"http://127.0.0.1:{self.port}"]
        if self.host not in ("0.0.0.0", "127.0.0.1", "localhost"):
            own.append(f"http://{self.host}:{self.port}")
        given = [origin for origin in os.environ.get("RESUME_APP_ORIGINS", "").split(",") if origin.strip()]
        return own + given

    def _start_nginx(self) -> None:
        config = self.data_dir / "nginx" / "nginx.conf"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(
            render(
                host=self.host,
                port=self.port,
                replica_ports=[r.port for r in self.replicas],
                data_dir=self.data_dir,
                www=self.www,
            )
        )
        nginx = Nginx(self.data_dir, config)
        nginx.check(self.www)
        with (self.logs / "nginx.log").open("ab") as out:
            self.nginx = subprocess.Popen(
                nginx.command(), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        time.sleep(0.5)
        if self.nginx.poll() is not None:
            log = self.logs / "nginx-error.log"
            raise ServeError(f"nginx did not start ({last_line(log)}); see {log}.")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        for replica in self.replicas:
            ok = wait_until(
                lambda r=replica: http_ok(f"{r.url}/ping") or not r.running(),
                max(1.0, deadline - time.monotonic()),
            )
            if not replica.running():
                raise ServeError(
                    f"Replica {replica.index} exited while starting ({last_line(replica.log)}); see {replica.log}."
                )
            if not ok:
                raise ServeError(
                    f"Replica {replica.index} did not answer within {READY_TIMEOUT_S} s; see {replica.log}."
                )
        if not wait_until(lambda: http_ok(self.url) and http_ok(f"{self.url}/ping"), 30):
            raise ServeError(f"nginx does not serve {self.url}; see {self.logs / 'nginx-error.log'}.")

    # -- run -----------------------------------------------------------------------------

    def _watch(self, env: dict[str, str]) -> None:
        while True:
            time.sleep(0.5)
            if self.nginx is not None and self.nginx.poll() is not None:
                log = self.logs / "nginx-error.log"
                raise ServeError(f"nginx stopped ({last_line(log)}); see {log}.")
            for replica in self.replicas:
                if replica.running():
                    if time.monotonic() - replica.started_at > QUICK_DEATH_S:
                        replica.quick_deaths = 0
                    continue
                if replica.process is None:
                    continue
                code = replica.process.returncode
                # Reap what is left of its group (a killed supervisor leaves its worker).
                stop_group(replica.process.pid, grace_s=2)
                if time.monotonic() - replica.started_at < QUICK_DEATH_S:
                    replica.quick_deaths += 1
                if replica.quick_deaths >= QUICK_DEATHS:
                    self._say(
                        f"replica {replica.index} keeps exiting ({last_line(replica.log)}); not starting it again"
                    )
                    replica.process = None
                else:
                    self._say(f"replica {replica.index} exited (status {code}); starting it again")
                    replica.restarts += 1
                    replica.start(env)
                self._write_state()

    # -- stop ----------------------------------------------------------------------------

    def _stop_all(self) -> None:
        # A second Ctrl-C must not cut the stopping short and leave services behind.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        groups = [self.nginx] if self.nginx is not None else []
        groups += [replica.process for replica in self.replicas if replica.process is not None]
        # All at once: each has its own grace period, and they do not depend on each other.
        for process in groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in groups:
            stop_group(process.pid, grace_s=20)
            process.wait()
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()
        try:
            state = json.loads(self.state_file.read_text())
            state.update(pid=None, ready=False, stopped_at=_now())
            self.state_file.write_text(json.dumps(state, indent=2) + "\n")
        except (OSError, ValueError):
            pass

    # -- report --------------------------------------------------------------------------

    def _write_state(self) -> None:
        external = {"managed": False}
        state = {
            "pid": os.getpid(),
            "ready": self.ready,
            "url": self.url,
            "host": self.host,
            "port": self.port,
            "data_dir": str(self.data_dir),
            "logs": str(self.logs),
            "database_url": self.database_url,
            "redis_url": self.redis_url,
            "startup_seconds": round(time.monotonic() - self.started, 1) if self.ready else None,
            "updated_at": _now(),
            "replicas": [replica.describe() for replica in self.replicas],
            "nginx": {
                "pid": self.nginx.pid if self.nginx else None,
                "config": str(self.data_dir / "nginx" / "nginx.conf"),
            },
            "redis": self.redis.describe() if self.redis else external,
            "postgres": self.postgres.describe() if self.postgres else external,
        }
        # It names the services' passwords: the owner's alone.
        fresh = self.state_file.with_suffix(".json.new")
        fresh.touch(mode=0o600)
        fresh.write_text(json.dumps(state, indent=2) + "\n")
        os.replace(fresh, self.state_file)

    def _say(self, text: str) -> None:
        print(f"serve: {text}", flush=True)


def _is_ours(pid: int | None, name: str) -> bool:
    try:
        return bool(pid) and name.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stop_on_signal(signum, _frame) -> None:
    raise Stopped()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="serve.sh", description="Serve the app to many users: PostgreSQL, Redis, N replicas and nginx."
    )
    parser.add_argument("--replicas", type=int, default=2, help="backend replicas (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the load balancer's port (default 8080)")
    parser.add_argument("--data-dir", type=Path, default=None, help="where the services keep their data and logs")
    args = parser.parse_args(argv)
    if args.replicas < 1:
        print("serve: --replicas needs at least 1.", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"serve: {args.port} is not a port number.", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGHUP, _stop_on_signal)
    serve = Serve((args.data_dir or default_data_dir()).expanduser().resolve(), args.port, args.replicas)
    try:
        return serve.run()
    except ServeError as error:
        print(f"serve: {error}", file=sys.stderr, flush=True)
        return 1
    except (Stopped, KeyboardInterrupt):
        return 0
