"""One production build of the frontend for the load balancer to serve.

It is built in a web folder of serve's own (`.web-serve/`, through REFLEX_WEB_WORKDIR), never
in `.web/`, so a `reflex run` of the same checkout keeps its pages; the pages' API address is
the load balancer's, baked in at build time. The result is copied into the data folder, and a
start whose sources and address are unchanged reuses it."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from resume_app.serving.procs import ServeError, last_line

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WEB_WORKDIR = PROJECT_ROOT / ".web-serve"
STAMP = ".build-key"


def _sources() -> list[Path]:
    files = [PROJECT_ROOT / "rxconfig.py", PROJECT_ROOT / "pyproject.toml"]
    for folder, pattern in (("resume_app", "*.py"), ("assets", "*"), ("reflex.lock", "*")):
        files += [path for path in (PROJECT_ROOT / folder).rglob(pattern) if path.is_file()]
    return sorted(path for path in files if "__pycache__" not in path.parts)


def build_key(api_url: str) -> str:
    digest = hashlib.sha256(f"{api_url}\n{metadata.version('reflex')}\n".encode())
    for path in _sources():
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def build(api_url: str, www: Path, env: dict[str, str], log: Path) -> bool:
    """Make `www` hold the build for `api_url`; False when the one there already did."""
    key = build_key(api_url)
    stamp = www / STAMP
    if stamp.is_file() and stamp.read_text().strip() == key and (www.parent / "routes.json").is_file():
        return False
    build_env = {**env, "REFLEX_WEB_WORKDIR": str(WEB_WORKDIR), "REFLEX_API_URL": api_url, "REFLEX_DEPLOY_URL": api_url}
    # Two serve.sh of one checkout (other ports) take turns on the shared web folder.
    with (PROJECT_ROOT / ".web-serve.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with log.open("ab") as out:
            result = subprocess.run(
                [shutil.which("reflex", path=env.get("PATH")) or "reflex", "export", "--frontend-only", "--no-zip"],
                cwd=PROJECT_ROOT,
                env=build_env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        if result.returncode != 0:
            raise ServeError(f"The frontend build failed ({last_line(log)}); see {log}.")
        fresh = www.with_name(www.name + ".new")
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(WEB_WORKDIR / "build" / "client", fresh)
        # The page routes and backend endpoints the load balancer's config is made from
        # (kept beside the served folder, not in it).
        for name in ("routes.json", "env.json"):
            shutil.copy(WEB_WORKDIR / name, www.parent / name)
    (fresh / STAMP).write_text(key + "\n")
    old = www.with_name(www.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if www.exists():
        os.rename(www, old)
    os.rename(fresh, www)
    shutil.rmtree(old, ignore_errors=True)
    return True
