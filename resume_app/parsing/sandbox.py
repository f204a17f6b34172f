"""Untrusted bytes are read in a worker process, under a wall-time and a memory budget.

A file can cost a reader far more than its size says (a form that draws itself, a page of
100,000 glyphs, a paragraph of a million runs). Read in the app's own process, one such
upload held a core and the shared thread pool for minutes. Here each read runs in one of
a few worker processes of its own (`WORKERS`, apart from exports and page events):

- its address space is capped (`RLIMIT_AS`, `MEMORY_MB`), so a file that needs more ends
  in a MemoryError there, not in the app being killed;
- the caller waits at most `SECONDS`; then the worker is killed and a fresh one takes its
  place, and the person reads one sentence (`TOO_SLOW`);
- it runs at a lower priority, so pages and downloads stay responsive meanwhile;
- when every worker is busy, the smallest waiting file goes first, so a person's small
  import waits for one budget at most, not behind a queue of large uploads.

Each worker is a fresh interpreter (`python -m resume_app.parsing.sandbox`) that imports
only the parsing modules: not a fork of the app's process, which has threads, and not
multiprocessing's spawn or forkserver, which run the parent's `__main__` again (Reflex's
or the CLI's). So none of them loads the embedding model or Reflex, and a worker, once
started, serves read after read over a pipe (multiprocessing's Connection).

`run(func, *args)` blocks (the CLI); `await run_async(func, *args)` waits on a thread of
this module's own pool (the pages). `func` must be a module-level function.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import heapq
import itertools
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from resume_app.core.errors import InputError

log = logging.getLogger(__name__)
T = TypeVar("T")


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


SECONDS = _env_number("RESUME_APP_PARSE_SECONDS", 15)
MEMORY_MB = int(_env_number("RESUME_APP_PARSE_MEMORY_MB", 1536))
WORKERS = max(1, int(_env_number("RESUME_APP_PARSE_WORKERS", 2)))
STARTUP_SECONDS = 60
# The folder that holds the resume_app package, for the workers' imports.
_ROOT = str(Path(__file__).resolve().parents[2])

TOO_SLOW = (
    "This {what} took too long to read (more than {seconds:g} seconds), more than any resume or posting needs; {advice}"
)
TOO_MUCH_MEMORY = "This {what} needs more memory to read than any resume or posting needs; {advice}"
UNREADABLE = "This {what} could not be read; {retry}"
# What to do instead, for an uploaded file and for a posting pasted with its formatting.
_ADVICE = {
    "file": ("save it again from the original document, or paste its text.", "try a PDF or DOCX exported from it."),
    "paste": ("paste the posting as plain text instead.", "paste the posting as plain text instead."),
}


class _OneLine(logging.Formatter):
    """A log record as one line: a reader's recursion error is not 3,000 lines of traceback."""

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        return ""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = ""
        return " ".join(super().format(record).split())


def _serve(requests: Connection, replies: Connection, memory_bytes: int) -> None:
    """A worker: call what the app sends, answer with the result or what went wrong."""
    import resource

    import resume_app.parsing.importer
    import resume_app.parsing.posting_file  # noqa: F401 - loaded before the first file comes

    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    with contextlib.suppress(OSError):
        os.nice(5)
    # Warnings from the readers (pypdf's repairs, a layout that failed) go to the app's log
    # only as one line each, never as a traceback on a terminal.
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("resume-app parse worker: %(name)s: %(message)s"))
    logging.basicConfig(level=logging.ERROR, handlers=[handler])
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    replies.send(("ready", None))  # the parsers are loaded: a read's budget starts now
    while True:
        try:
            func, args = requests.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", func(*args))
        except InputError as error:
            reply = ("input", str(error))
        except MemoryError:
            reply = ("memory", None)
        except BaseException as error:  # noqa: BLE001 - told to the app, which logs it
            reply = ("error", f"{type(error).__name__}: {str(error)[:500]}")
        try:
            replies.send(reply)
        except MemoryError:
            replies.send(("memory", None))
        except Exception as error:  # noqa: BLE001 - a result that cannot be sent back
            replies.send(("error", f"the result could not be sent back: {type(error).__name__}"))
        if reply[0] == "memory":
            return  # after a MemoryError nothing in this process is to be trusted


class _Worker:
    def __init__(self) -> None:
        to_child, self_to = os.pipe()
        self_from, from_child = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(to_child), str(from_child), str(MEMORY_MB * 1024 * 1024)],
            pass_fds=(to_child, from_child),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=env,
            close_fds=True,
        )
        os.close(to_child)
        os.close(from_child)
        self.requests = Connection(self_to, readable=False)
        self.replies = Connection(self_from, writable=False)
        # Starting is not part of any read's budget (0.3 s alone, several seconds on a busy machine).
        try:
            ready = self.replies.poll(STARTUP_SECONDS) and self.replies.recv()[0] == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.stop()
            raise OSError("a parse worker did not start")

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.requests.close()
        self.replies.close()


class _Slots:
    """`workers` slots, given to the smallest waiting read first: a person's 200-byte file
    does not queue behind six uploads of several MB that may each take the whole budget."""

    def __init__(self, workers: int) -> None:
        self.free = workers
        self.changed = threading.Condition()
        self.waiting: list[tuple[int, int]] = []  # (size, arrival), a heap
        self.arrivals = itertools.count()

    @contextlib.contextmanager
    def taken(self, size: int):
        with self.changed:
            ticket = (size, next(self.arrivals))
            heapq.heappush(self.waiting, ticket)
            while not (self.free and self.waiting[0] == ticket):
                self.changed.wait()
            heapq.heappop(self.waiting)
            self.free -= 1
            self.changed.notify_all()
        try:
            yield
        finally:
            with self.changed:
                self.free += 1
                self.changed.notify_all()


class _Pool:
    def __init__(self, workers: int) -> None:
        self.slots = _Slots(workers)
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()

    def call(self, func: Callable[..., Any], args: tuple, seconds: float) -> tuple[str, Any]:
        size = sum(len(arg) for arg in args if isinstance(arg, (bytes, str)))
        with self.slots.taken(size):
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                try:
                    worker = _Worker()
                except OSError as error:
                    return ("error", str(error))
            kept = False
            try:
                try:
                    worker.requests.send((func, args))
                    if not worker.replies.poll(seconds):
                        return ("slow", None)
                    reply = worker.replies.recv()
                except (EOFError, OSError):
                    # Died without answering: killed by the system for its memory, most often.
                    return ("memory", None)
                kept = reply[0] in ("ok", "input")
                return reply
            finally:
                if kept:
                    self.idle.put(worker)
                else:
                    worker.stop()
                    # The next read need not wait for a fresh interpreter (about 0.7 s).
                    threading.Thread(target=self.replace, name="resume-app-parse-start", daemon=True).start()

    def replace(self) -> None:
        try:
            self.idle.put(_Worker())
        except OSError:
            log.warning("a parse worker could not be started", exc_info=True)


_pool = _Pool(WORKERS)
# Threads that wait on the workers: not the event loop's default pool, which exports share.
_waiters = ThreadPoolExecutor(max_workers=WORKERS * 8, thread_name_prefix="resume-app-parse-wait")


def run(func: Callable[..., T], *args: Any, seconds: float | None = None, what: str = "file") -> T:
    """func(*args) in a worker process, or InputError with one sentence for the person about
    the `what` ("file" or "paste") that was read."""
    budget = SECONDS if seconds is None else seconds
    kind, value = _pool.call(func, args, budget)
    if kind == "ok":
        return value
    if kind == "input":
        raise InputError(value)
    advice, retry = _ADVICE.get(what, _ADVICE["file"])
    name = getattr(func, "__name__", func)
    if kind == "slow":
        log.warning("reading with %s took more than %g s: stopped", name, budget)
        raise InputError(TOO_SLOW.format(what=what, seconds=budget, advice=advice))
    if kind == "memory":
        log.warning("reading with %s ran out of its %d MB", name, MEMORY_MB)
        raise InputError(TOO_MUCH_MEMORY.format(what=what, advice=advice))
    log.warning("reading with %s failed: %s", name, value)
    raise InputError(UNREADABLE.format(what=what, retry=retry))


def loaded_modules() -> list[str]:
    """The top-level modules a worker has loaded (run it in one: it stays lean)."""
    return sorted({name if name.startswith("resume_app") else name.split(".")[0] for name in sys.modules})


async def run_async(func: Callable[..., T], *args: Any, seconds: float | None = None, what: str = "file") -> T:
    """`run`, awaited: the event loop and its thread pool stay free meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_waiters, functools.partial(run, func, *args, seconds=seconds, what=what))


if __name__ == "__main__":
    # The app may be gone before this worker is ready or done (a CLI run that ended): its
    # pipe is closed then, and the worker ends without a word.
    requests_fd, replies_fd, memory = (int(arg) for arg in sys.argv[1:4])
    with contextlib.suppress(OSError, EOFError, KeyboardInterrupt):
        _serve(Connection(requests_fd, writable=False), Connection(replies_fd, readable=False), memory)
