"""One running app per frontend folder.

`reflex run` builds the pages into the web folder (`.web`, or REFLEX_WEB_WORKDIR) with its
own port written into them (`env.json`: `ws://localhost:PORT/_event`), and serves them
from that folder for as long as it runs. A second `reflex run` from the same checkout on
another port rebuilt them for its port, so the first one's pages opened the second one's
websocket: another library, or none at all. Giving every port a folder of its own would
cost each one an npm install (minutes, 190 MB); instead the first holds a lock on the
folder until it stops, and a second is refused in one sentence that says how to run both.
Nothing is locked for a `--backend-only` replica (it builds no pages) or outside `reflex run`.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

# Set once this launch holds the lock: the config is read again later in the same process
# and in the server's worker processes, which must not try to take it a second time.
HELD_ENV = "RESUME_APP_WEB_DIR_HELD"
# The open lock file, kept for the life of the process (closing it would release the lock).
_held: list[int] = []


def builds_frontend(argv: Sequence[str]) -> bool:
    """Whether this process is a `reflex run` that builds and serves the pages."""
    if len(argv) < 2 or Path(argv[0]).name not in ("reflex", "__main__.py"):
        return False
    return argv[1] == "run" and "--backend-only" not in argv[2:]


def _port(argv: Sequence[str], environ: MutableMapping[str, str]) -> str:
    for index, arg in enumerate(argv):
        if arg == "--frontend-port" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--frontend-port="):
            return arg.split("=", 1)[1]
    return environ.get("REFLEX_FRONTEND_PORT") or environ.get("PORT") or "3000"


def web_dir(environ: MutableMapping[str, str]) -> Path:
    return Path(environ.get("REFLEX_WEB_WORKDIR") or ".web").resolve()


def lock_path(folder: Path) -> Path:
    # Beside the folder, not in it: Reflex creates the folder on a first start and
    # replaces what is in it.
    return folder.with_name(f"{folder.name}.lock")


def refusal(folder: Path, holder: str, port: str) -> str:
    return (
        f"Another resume_app from this folder is already running{f' on port {holder}' if holder else ''} "
        f"and serves its pages from {folder.name}/, which this one would rebuild for port {port}; "
        f"stop it first, or give this one a web folder of its own with REFLEX_WEB_WORKDIR=.web-{port} "
        "(its first start installs the frontend's packages, a few minutes)."
    )


def hold_web_dir(argv: Sequence[str] | None = None, environ: MutableMapping[str, str] | None = None) -> None:
    """In a `reflex run` that builds the pages: lock the web folder for the life of the
    app, or exit with one sentence when another running app holds it."""
    argv = sys.argv if argv is None else argv
    environ = os.environ if environ is None else environ
    if not builds_frontend(argv) or environ.get(HELD_ENV):
        return
    folder, port = web_dir(environ), _port(argv, environ)
    descriptor = os.open(lock_path(folder), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(descriptor, 100).decode("ascii", "replace").strip()
        os.close(descriptor)
        raise SystemExit(refusal(folder, holder, port)) from None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{port}\n".encode())
    _held.append(descriptor)
    environ[HELD_ENV] = str(os.getpid())
