"""Many people using the app at once: simulated users that speak the page's own protocol.

Each user is what one browser tab sends and receives, without the browser: a fresh client
token and an empty local storage (so the app gives it a new workspace), the websocket the
page opens (Socket.IO 5 packets in Engine.IO 4 over a plain websocket, path /_event, the
hydrate event in the CONNECT packet, as .web/utils/state.js does), and the upload the drop
zone sends (POST /_upload with the Reflex-Client-Token and Reflex-Event-Handler headers).
Every user:
- opens the library and imports a corpus resume (../shared/corpus/resumes, PDF and DOCX);
- opens the editor and, every few seconds, edits a bullet (timed from sending the event to
  the delta that shows the save committed: save_status "saved" and save_count up) or moves
  one (reorder-to-saved, the same way);
- now and then starts tailoring, pastes a posting (../shared/corpus/jobs) and waits for the
  ranking (paste-to-ranked: until the delta with the ranked bullets arrives).
Every text a user writes carries a marker unique to its workspace. Afterwards the database
is read: every edit, order and posting a page saw acknowledged must be stored as shown, and
no user may have received another workspace's marker (or key) in any message.

Run (figures depend on the machine's load: the report prints it):
  .venv/bin/python bench/load.py --start single --users 50 --minutes 5
  .venv/bin/python bench/load.py --start serve --users 50 --minutes 5
  .venv/bin/python bench/load.py --url http://127.0.0.1:3000 [--database-url URL]

python-socketio's own clients need aiohttp (asyncio) or requests and websocket-client
(threads), which the app does not install; its packet classes and simple-websocket (both
already in the app's environment, through Reflex) are enough for the one transport used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import json
import math
import os
import random
import re
import resource
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from engineio import packet as eio
from simple_websocket import AioClient, ConnectionClosed
from simple_websocket.aiows import AioBase
from socketio import packet as sio

ROOT_DIR = Path(__file__).resolve().parents[1]
CORPUS = ROOT_DIR.parent / "shared" / "corpus"
RESUMES = sorted(p for p in (CORPUS / "resumes").glob("*") if p.suffix.lower() in (".pdf", ".docx"))
POSTINGS = sorted((CORPUS / "jobs").glob("*.txt"))

# Reflex's names for the app's states: module path and class name, as .web/utils/context.jsx
# lists them. A renamed state breaks these; tests/browser/test_load.py notices.
ROOT = "reflex___state____state"
WORKSPACE = f"{ROOT}.resume_app___ui___state___workspace____workspace_state"
LIBRARY = f"{WORKSPACE}.resume_app___ui___state___library____library_state"
EDITOR = f"{WORKSPACE}.resume_app___ui___state___editor____editor_state"
TAILOR = f"{WORKSPACE}.resume_app___ui___state___tailor____tailor_state"
HYDRATE = f"{ROOT}.hydrate_and_load"
UPDATE_VARS = f"{ROOT}.reflex___state____update_vars_internal_state.update_vars_internal"
ON_LOAD = f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal"
# The local storage var the page keeps the workspace key in (clientStorage in context.jsx).
KEY_VAR = f"{WORKSPACE}.workspace_token_rx_state_"
# What the hidden key form sends when the page asks for the browser's stored key.
RECEIVE_KEY = f"{WORKSPACE}.receive_key"
VAR_SUFFIX = "_rx_state_"
NAMESPACE = "/_event"

TARGETS = {
    "errors": "0",
    "lost acknowledged edits": "0",
    "cross-workspace reads": "0",
    "edit-to-saved p95": "<= 500 ms",
    "paste-to-ranked p95": "<= 5 s",
}
# What a user does between two actions, and how often each (weights).
THINK_S = (2.0, 6.0)
ACTIONS = {"edit": 70, "reorder": 22, "paste": 8}
# How long a step may take before it counts as an error (the model may still be loading).
TIMEOUT_S = {
    "connect": 60,
    "open library": 60,
    "import": 180,
    "open editor": 60,
    "open tailoring": 60,
    "new version": 60,
    "add": 60,
    "edit-to-saved": 60,
    "reorder-to-saved": 60,
    "paste-to-ranked": 180,
}
MARKER = re.compile(r"ldw[0-9a-f]{10}")
# The id of the toast Reflex's default backend exception handler shows (reflex/app.py).
BACKEND_ERROR = "backend_error"


def _marker() -> str:
    # Lowercase letters and digits only: survives every normalisation a posting goes through.
    return "ldw" + secrets.token_hex(5)


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `share` of them at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Stats:
    """What every user of one run saw, together."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    error_examples: dict[str, str] = field(default_factory=dict)
    events_sent: int = 0
    messages_received: int = 0
    bytes_received: int = 0
    cross_reads: list[str] = field(default_factory=list)

    def error(self, kind: str, detail: str = "") -> None:
        self.errors[kind] += 1
        self.error_examples.setdefault(kind, detail[:300])


class _Client(AioClient):
    """simple-websocket's client, sending the Host header with the port as a browser does."""

    async def _connect(self):
        self.rsock, self.wsock = await asyncio.open_connection(self.host, self.port, limit=2**20)
        self.host = f"{self.host}:{self.port}"
        await AioBase.connect(self)
        # The handshake reads only the upgrade response: a frame that came in the same read
        # (Engine.IO's OPEN packet) would wait for the next bytes, the server's ping 25 s later.
        self.connected = await self._handle_events()


class Socket:
    """The page's websocket: Engine.IO 4 over one websocket (socket.io-client with transports
    ["websocket"]), Socket.IO 5 packets in the /_event namespace."""

    def __init__(self, base_url: str, token: str, on_message: Callable[[str], None], on_update, on_lost):
        parts = urlsplit(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.url = f"{scheme}://{parts.netloc}{NAMESPACE}/?EIO=4&transport=websocket&token={token}"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.on_message, self.on_update, self.on_lost = on_message, on_update, on_lost
        self.ws: _Client | None = None
        self.reader: asyncio.Task | None = None
        self.closing = False
        self.connected = asyncio.get_running_loop().create_future()

    async def open(self, boot_event: dict) -> None:
        self.ws = await _Client.connect(
            self.url,
            subprotocols=[importlib.metadata.version("reflex")],
            headers={"Origin": self.origin},
            receive_bytes=65536,
        )
        opening = eio.Packet(encoded_packet=await self.ws.receive(timeout=TIMEOUT_S["connect"]))
        if opening.packet_type != eio.OPEN:
            raise ConnectionError(f"expected the Engine.IO OPEN packet, got {opening.packet_type}")
        self.reader = asyncio.create_task(self._read())
        # The hydrate event rides in the CONNECT packet's auth, as the page sends it.
        await self._send(sio.Packet(sio.CONNECT, data={"event": boot_event}, namespace=NAMESPACE))
        await asyncio.wait_for(self.connected, TIMEOUT_S["connect"])

    async def emit(self, event: dict) -> None:
        await self._send(sio.Packet(sio.EVENT, data=["event", event], namespace=NAMESPACE))

    async def _send(self, packet: sio.Packet) -> None:
        await self.ws.send(eio.Packet(eio.MESSAGE, data=packet.encode()).encode())

    async def _read(self) -> None:
        try:
            while True:
                raw = await self.ws.receive()
                if raw is None:
                    continue
                frame = eio.Packet(encoded_packet=raw)
                if frame.packet_type == eio.PING:
                    await self.ws.send(eio.Packet(eio.PONG).encode())
                    continue
                if frame.packet_type == eio.CLOSE:
                    break
                if frame.packet_type != eio.MESSAGE:
                    continue
                self.on_message(raw)
                packet = sio.Packet(encoded_packet=frame.data)
                if packet.packet_type == sio.CONNECT:
                    self.connected.done() or self.connected.set_result(True)
                elif packet.packet_type == sio.CONNECT_ERROR:
                    self.connected.done() or self.connected.set_exception(ConnectionError(str(packet.data)))
                elif packet.packet_type == sio.DISCONNECT:
                    break
                elif packet.packet_type == sio.EVENT:
                    name, *args = packet.data
                    self.on_update(name, args[0] if args else None)
        except ConnectionClosed:
            pass
        except Exception as error:  # a bug here must show in the report, not hang a user
            self._ended(f"reader: {error!r}")
            return
        if not self.closing:
            self._ended("the server closed the websocket")

    def _ended(self, why: str) -> None:
        if not self.connected.done():
            self.connected.set_exception(ConnectionError(why))
        self.on_lost(why)

    async def close(self) -> None:
        self.closing = True
        if self.ws is not None and self.ws.connected:
            try:
                await self._send(sio.Packet(sio.DISCONNECT, namespace=NAMESPACE))
                await self.ws.close()
            except (ConnectionClosed, OSError):
                pass
        if self.reader is not None:
            self.reader.cancel()


class StepFailed(Exception):
    """A step the user waited for did not come (its kind is already counted as an error)."""


@dataclass
class Acknowledged:
    """What this user's pages showed as saved: the database must hold exactly this."""

    resume_id: str = ""
    bullet_text: dict[str, str] = field(default_factory=dict)
    entry_order: dict[str, list[str]] = field(default_factory=dict)
    posting_text: dict[str, str] = field(default_factory=dict)


class User:
    def __init__(self, index: int, base_url: str, stats: Stats, http: httpx.AsyncClient, registry: dict[str, str]):
        self.index = index
        self.base_url = base_url.rstrip("/")
        self.stats = stats
        self.http = http
        # marker -> user index, shared by all users: who wrote which marker.
        self.registry = registry
        self.token = str(uuid.uuid4())
        self.marker = _marker()
        registry[self.marker] = str(index)
        self.random = random.Random(index)
        self.local_storage: dict[str, str] = {}
        # The last key request of the page this user answered.
        self.key_answered = ""
        self.answers: set[asyncio.Task] = set()
        self.workspace_key = ""
        self.state: dict[str, dict] = defaultdict(dict)
        self.redirects: list[str] = []
        self.changed = asyncio.Event()
        self.lost = ""
        self.socket: Socket | None = None
        self.path = "/"
        self.saved = Acknowledged()
        self.edits = 0
        self.reordered: set[str] = set()
        self.base_text: dict[str, str] = {}
        # Whether it went on until the end of the run (a failed step ends a user).
        self.finished = False

    # What the page receives

    def _message(self, raw: str) -> None:
        self.stats.messages_received += 1
        self.stats.bytes_received += len(raw)
        self.scan(raw, "websocket")

    def scan(self, text: str, where: str) -> None:
        """Count every marker in what the page received that is not this user's own."""
        for found in set(MARKER.findall(text)):
            if found != self.marker:
                owner = self.registry.get(found, "an earlier run")
                self.stats.cross_reads.append(f"user {self.index} got user {owner}'s marker {found} ({where})")

    def _update(self, name: str, update) -> None:
        if name != "event":
            # "new_token" (a duplicate tab) or "state_mismatch" (another build): never expected here.
            self.stats.error(f"server sent {name}", json.dumps(update)[:300])
            return
        self._apply(update or {})

    def _apply(self, update: dict) -> None:
        for substate, values in (update.get("delta") or {}).items():
            mirror = self.state[substate]
            for var, value in values.items():
                mirror[var.removesuffix(VAR_SUFFIX)] = value
        key = self.state[WORKSPACE].get("workspace_token", "")
        if key:
            if self.workspace_key and key != self.workspace_key:
                self.stats.cross_reads.append(f"user {self.index}: the page's workspace key changed")
            self.workspace_key = key
            # The page writes the key to local storage (applyClientStorageDelta) and sends it back.
            self.local_storage[KEY_VAR] = key
        request = self.state[WORKSPACE].get("key_request", "")
        if request and request != self.key_answered:
            # The page asks for the stored key (assets/workspace_key.js submits the hidden form).
            self.key_answered = request
            key = self.local_storage.get(KEY_VAR, "")
            answer = asyncio.get_running_loop().create_task(self.send(RECEIVE_KEY, {"form_data": {"key": key}}))
            self.answers.add(answer)  # held until sent: the loop keeps only a weak reference
            answer.add_done_callback(self.answers.discard)
        for event in update.get("events") or []:
            if event.get("name") == "_redirect":
                self.redirects.append(event["payload"]["path"])
            elif event.get("name") in ("_call_function", "_call_script") and any(
                BACKEND_ERROR in str(code) for code in (event.get("payload") or {}).values()
            ):
                # Reflex's handler of an exception in an event: the page shows a toast and
                # nothing else, so no step of this user need fail for it to count.
                self.stats.error("server exception (the page says 'An error occurred.')", f"on {self.path}")
        self.changed.set()

    def _lost(self, why: str) -> None:
        self.lost = why
        self.changed.set()

    def var(self, substate: str, name: str, default=None):
        return self.state[substate].get(name, default)

    async def wait(self, kind: str, started: float, done: Callable[[], bool], failed: Callable[[], str] = lambda: ""):
        """Wait until `done()`; the latency of `kind` counts from `started`. A sentence from
        `failed()`, a lost socket or the step's timeout is an error of that kind."""
        deadline = started + TIMEOUT_S[kind]
        while True:
            if done():
                self.stats.latencies[kind].append((time.perf_counter() - started) * 1000)
                return
            problem = failed() or (f"socket lost: {self.lost}" if self.lost else "")
            if problem:
                self.stats.error(f"{kind}: {problem.split(':')[0]}", problem)
                raise StepFailed(kind)
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                self.stats.error(f"{kind}: timeout", f"user {self.index} waited {TIMEOUT_S[kind]} s")
                raise StepFailed(kind)
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), remaining)

    # What the page sends

    def _router_data(self) -> dict:
        data = {"pathname": self.path, "asPath": self.path}
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] in ("resume", "tailor"):
            data["query"] = {"resume_id" if parts[0] == "resume" else "version_id": parts[1]}
        return data

    async def send(self, name: str, payload: dict | None = None) -> float:
        """Send one event as the page does; returns when it was sent (perf_counter)."""
        started = time.perf_counter()
        await self.socket.emit({"name": name, "payload": payload or {}, "router_data": self._router_data()})
        self.stats.events_sent += 1
        return started

    async def navigate(self, path: str) -> float:
        """A client-side navigation: the page sends its local storage and the new page's on_load."""
        self.path = path
        started = time.perf_counter()
        if self.local_storage:
            await self.send(UPDATE_VARS, {"vars": dict(self.local_storage)})
        await self.send(ON_LOAD)
        return started

    async def connect(self) -> None:
        started = time.perf_counter()
        self.socket = Socket(self.base_url, self.token, self._message, self._update, self._lost)
        # A fresh browser: no local storage yet, so the app makes a new workspace when it asks.
        boot = {"name": HYDRATE, "payload": {}, "router_data": self._router_data()}
        try:
            await self.socket.open(boot)
        except Exception as error:
            self.stats.error("connect: failed", repr(error))
            raise StepFailed("connect") from error
        self.stats.events_sent += 1
        await self.wait(
            "open library",
            started,
            lambda: self.var(ROOT, "is_hydrated") is True and self.var(LIBRARY, "loaded") is True,
        )

    # The steps

    async def import_resume(self, path: Path) -> None:
        started = time.perf_counter()
        data = path.read_bytes()
        mime = "application/pdf" if path.suffix.lower() == ".pdf" else "application/octet-stream"
        try:
            response = await self.http.post(
                f"{self.base_url}/_upload",
                headers={
                    "Reflex-Client-Token": self.token,
                    "Reflex-Event-Handler": f"{LIBRARY}.import_file",
                    "Origin": self.base_url,
                },
                files={"files": (path.name, data, mime)},
                timeout=TIMEOUT_S["import"],
            )
        except httpx.HTTPError as error:
            self.stats.error("import: upload failed", repr(error))
            raise StepFailed("import") from error
        self.stats.events_sent += 1
        if response.status_code != 200:
            self.stats.error(f"import: HTTP {response.status_code}", response.text)
            raise StepFailed("import")
        # The upload's answer streams the handler's deltas (one JSON per line); the redirect
        # comes over the websocket.
        self.scan(response.text, "upload")
        for line in response.text.splitlines():
            if line.strip():
                self._apply(json.loads(line))
        await self.wait(
            "import",
            started,
            lambda: any(p.startswith("/resume/") for p in self.redirects),
            lambda: f"message: {self.var(LIBRARY, 'message')}" if self.var(LIBRARY, "message") else "",
        )
        target = next(p for p in self.redirects if p.startswith("/resume/"))
        self.redirects.clear()
        self.saved.resume_id = target.rsplit("/", 1)[1]

    async def open_editor(self) -> None:
        before = self.var(EDITOR, "revision", 0)
        started = await self.navigate(f"/resume/{self.saved.resume_id}")
        await self.wait(
            "open editor",
            started,
            lambda: self.var(EDITOR, "revision", 0) > before and self.var(EDITOR, "loaded") is True,
            lambda: "not found" if self.var(EDITOR, "not_found") else "",
        )

    def _entries(self) -> list[dict]:
        return [entry for section in self.var(EDITOR, "sections", []) for entry in section["entry_views"]]

    def _bullets(self) -> dict[str, dict]:
        return {bullet["id"]: bullet for entry in self._entries() for bullet in entry["bullets"]}

    async def _save(self, kind: str, name: str, payload: dict) -> None:
        """Send an editor change and wait until the page shows it saved."""
        before = self.var(EDITOR, "save_count", 0)
        self.state[EDITOR]["save_message"] = ""
        started = await self.send(f"{EDITOR}.{name}", payload)

        def failed() -> str:
            if self.var(EDITOR, "save_status") == "error":
                return f"not saved: {self.var(EDITOR, 'save_message')}"
            return ""

        await self.wait(
            kind,
            started,
            lambda: self.var(EDITOR, "save_count", 0) > before and self.var(EDITOR, "save_status") == "saved",
            failed,
        )
        self._remember_saved()

    def _remember_saved(self) -> None:
        bullets = self._bullets()
        for bullet_id in list(self.saved.bullet_text):
            if bullet_id in bullets:
                self.saved.bullet_text[bullet_id] = bullets[bullet_id]["text"]
        for entry in self._entries():
            if entry["id"] in self.reordered:
                self.saved.entry_order[entry["id"]] = [bullet["id"] for bullet in entry["bullets"]]

    async def ensure_bullets(self) -> None:
        """A resume with no entry of two bullets gets one, as a person would add it."""
        if any(len(entry["bullets"]) >= 2 for entry in self._entries()):
            return
        entry = next((entry for entry in self._entries() if entry["has_bullets"]), None)
        if entry is None:
            await self._save("add", "add_entry", {"kind": "work"})
            entry = next(entry for entry in self._entries() if entry["has_bullets"])
        while len(entry["bullets"]) < 2:
            await self._save("add", "add_bullet", {"entry_id": entry["id"]})
            entry = next(e for e in self._entries() if e["id"] == entry["id"])

    async def _open_entry(self, entry_id: str) -> None:
        if entry_id not in self.var(EDITOR, "open_entries", []):
            await self.send(f"{EDITOR}.toggle_entry", {"entry_id": entry_id})

    async def edit(self) -> None:
        bullets = self._bullets()
        bullet_id = self.random.choice(sorted(bullets))
        entry = next(e for e in self._entries() if any(b["id"] == bullet_id for b in e["bullets"]))
        await self._open_entry(entry["id"])
        base = self.base_text.setdefault(bullet_id, bullets[bullet_id]["text"].strip() or "Delivered the project")
        self.edits += 1
        text = f"{base[:300]} ({self.marker} edit {self.edits})"
        self.saved.bullet_text.setdefault(bullet_id, "")
        await self._save("edit-to-saved", "set_bullet_text", {"bullet_id": bullet_id, "text": text})
        shown = self._bullets().get(bullet_id, {}).get("text")
        if shown != text:
            self.stats.error("edit-to-saved: page shows other text", f"sent {text!r}, shown {shown!r}")

    async def reorder(self) -> None:
        entries = [entry for entry in self._entries() if len(entry["bullets"]) >= 2]
        entry = self.random.choice(entries)
        await self._open_entry(entry["id"])
        order = [bullet["id"] for bullet in entry["bullets"]]
        index = self.random.randrange(len(order))
        offset = -1 if index > 0 else 1
        self.reordered.add(entry["id"])
        await self._save("reorder-to-saved", "move_bullet", {"bullet_id": order[index], "offset": offset})
        expected = list(order)
        expected.insert(index + offset, expected.pop(index))
        if self.saved.entry_order.get(entry["id"]) != expected:
            self.stats.error("reorder-to-saved: page shows another order", f"{expected} vs {self.saved.entry_order}")

    async def paste(self) -> None:
        """Tailor to a job: a new version, its page, a posting pasted, the ranking shown."""
        started = await self.send(f"{EDITOR}.new_version")
        await self.wait("new version", started, lambda: any(p.startswith("/tailor/") for p in self.redirects))
        target = next(p for p in self.redirects if p.startswith("/tailor/"))
        self.redirects.clear()
        version_id = target.rsplit("/", 1)[1]
        before = self.var(TAILOR, "revision", 0)
        started = await self.navigate(target)
        await self.wait(
            "open tailoring",
            started,
            lambda: self.var(TAILOR, "revision", 0) > before and self.var(TAILOR, "version_id") == version_id,
            lambda: "not found" if self.var(TAILOR, "not_found") else "",
        )
        posting = self.random.choice(POSTINGS).read_text(encoding="utf-8")
        text = f"{posting.rstrip()}\n\nReference {self.marker}\n"
        saves = self.var(TAILOR, "save_count", 0)
        self.state[TAILOR].update(ranked=False, posting_error="")
        # A plain paste submits the posting form at once (assets/keyboard.js).
        form = {"posting": text, "posting_text": text, "posting_html": "", "posting_plain": "", "posting_span": ""}
        started = await self.send(f"{TAILOR}.submit_posting", {"form": form})

        def ranked() -> bool:
            if self.var(TAILOR, "save_count", 0) > saves:
                self.saved.posting_text[version_id] = text
            return (
                self.var(TAILOR, "ranked") is True
                and not self.var(TAILOR, "ranking_busy")
                and version_id in self.saved.posting_text
            )

        def failed() -> str:
            if self.var(TAILOR, "posting_error"):
                return f"posting error: {self.var(TAILOR, 'posting_error')}"
            if self.var(TAILOR, "save_status") == "error":
                return f"not saved: {self.var(TAILOR, 'save_message')}"
            return ""

        await self.wait("paste-to-ranked", started, ranked, failed)
        await self.open_editor()

    async def run(
        self, resume: Path, until: float, actions: dict[str, int], think_s: tuple[float, float], tour: bool
    ) -> None:
        try:
            await self.connect()
            await self.import_resume(resume)
            await self.open_editor()
            await self.ensure_bullets()
            first = [action for action, weight in actions.items() if weight] if tour else []
            while True:
                pause = self.random.uniform(*think_s)
                if time.monotonic() + pause >= until:
                    break
                await asyncio.sleep(pause)
                if first:
                    action = first.pop(0)
                else:
                    action = self.random.choices(list(actions), weights=list(actions.values()))[0]
                await getattr(self, action)()
            self.finished = True
        except StepFailed:
            pass
        except Exception as error:
            self.stats.error(f"bench bug: {type(error).__name__}", repr(error))
        finally:
            if self.socket is not None:
                await self.socket.close()


@dataclass
class RunResult:
    stats: Stats
    users: list[User]
    seconds: float
    load: list[tuple[float, float, float]]
    cpu_s: float


async def run_users(
    base_url: str,
    users: int,
    seconds: float,
    ramp_s: float = 0.0,
    seed: int = 0,
    actions: dict[str, int] | None = None,
    think_s: tuple[float, float] = THINK_S,
    tour: bool = False,
) -> RunResult:
    """`users` simulated users against the app at `base_url` for `seconds` (each finishes the
    step it is in), starting evenly over `ramp_s` seconds; `actions` weighs what they do
    between pauses of `think_s` seconds (default ACTIONS). With `tour`, each user does every
    kind of action once first, so that a short run sees them all (a long run needs no tour,
    which would make every user paste in its first minute)."""
    stats = Stats()
    registry: dict[str, str] = {}
    limits = httpx.Limits(max_connections=users + 4, max_keepalive_connections=users + 4)
    load: list[tuple[float, float, float]] = []
    cpu_before = _cpu_s()

    async def sample_load() -> None:
        while True:
            load.append(os.getloadavg())
            await asyncio.sleep(5)

    sampler = asyncio.create_task(sample_load())
    started = time.monotonic()
    until = started + seconds
    shuffled = list(RESUMES)
    random.Random(seed).shuffle(shuffled)
    async with httpx.AsyncClient(limits=limits) as http:
        people = [User(index + seed * 1000, base_url, stats, http, registry) for index in range(users)]

        async def start(index: int, user: User) -> None:
            await asyncio.sleep(ramp_s * index / max(users, 1))
            await user.run(shuffled[index % len(shuffled)], until, actions or ACTIONS, think_s, tour)

        hard_stop = seconds + ramp_s + max(TIMEOUT_S.values()) * 2 + 60
        try:
            await asyncio.wait_for(asyncio.gather(*(start(i, u) for i, u in enumerate(people))), hard_stop)
        except TimeoutError:
            stats.error("run: users still busy at the hard stop", f"{hard_stop} s")
    sampler.cancel()
    return RunResult(stats, people, time.monotonic() - started, load, _cpu_s() - cpu_before)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# The database, afterwards


@dataclass
class DbCheck:
    checked_edits: int = 0
    lost_edits: list[str] = field(default_factory=list)
    checked_orders: int = 0
    lost_orders: list[str] = field(default_factory=list)
    checked_postings: int = 0
    lost_postings: list[str] = field(default_factory=list)
    # Rows holding a user's marker that belong to another workspace.
    misplaced: list[str] = field(default_factory=list)


def check_database(url: str, users: list[User]) -> DbCheck:
    """Compare what each page acknowledged with what the database holds."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from resume_app.storage.tables import BulletRow, JobPostingRow, ResumeRow, TailoredVersionRow

    check = DbCheck()
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            workspace_of_marker: dict[str, str] = {}
            for user in users:
                saved = user.saved
                if not saved.resume_id:
                    continue
                resume = session.get(ResumeRow, saved.resume_id)
                if resume is None:
                    check.lost_edits.append(f"user {user.index}: resume {saved.resume_id} is missing")
                    continue
                workspace_of_marker[user.marker] = resume.workspace_id
                for bullet_id, text in saved.bullet_text.items():
                    check.checked_edits += 1
                    row = session.get(BulletRow, bullet_id)
                    if row is None or row.text != text:
                        stored = None if row is None else row.text
                        check.lost_edits.append(f"user {user.index} bullet {bullet_id}: {text!r} stored as {stored!r}")
                for entry_id, order in saved.entry_order.items():
                    check.checked_orders += 1
                    stored = list(
                        session.scalars(
                            select(BulletRow.id).where(BulletRow.entry_id == entry_id).order_by(BulletRow.position)
                        )
                    )
                    if stored != order:
                        check.lost_orders.append(f"user {user.index} entry {entry_id}: {order} stored as {stored}")
                for version_id, text in saved.posting_text.items():
                    check.checked_postings += 1
                    version = session.get(TailoredVersionRow, version_id)
                    posting = session.get(JobPostingRow, version.job_posting_id) if version else None
                    if posting is None or posting.text != text:
                        check.lost_postings.append(f"user {user.index} version {version_id}: posting not stored")
            for table in (BulletRow, JobPostingRow):
                rows = session.execute(select(table.id, table.workspace_id, table.text).where(table.text.like("%ldw%")))
                for row_id, workspace_id, text in rows:
                    for found in set(MARKER.findall(text)):
                        owner = workspace_of_marker.get(found)
                        if owner is not None and owner != workspace_id:
                            check.misplaced.append(f"{table.__tablename__} {row_id} holds {found} of another workspace")
    finally:
        engine.dispose()
    return check


# The report


def server_logs(logs: list[Path], access_log: Path | None) -> dict:
    """What the servers' own logs say of the run: tracebacks, and (behind serve.sh's nginx)
    how the websockets and uploads were spread over the replicas."""
    tracebacks = {
        str(path): count
        for path in logs
        if path.exists() and (count := path.read_text(errors="replace").count("Traceback (most recent call last)"))
    }
    spread: Counter = Counter()
    if access_log is not None and access_log.exists():
        for line in access_log.read_text(errors="replace").splitlines():
            found = re.search(r'"(?:GET|POST) /(_event|_upload)\S* [^"]*".*upstream=(\S+)', line)
            if found:
                spread[f"{found.group(2)} {found.group(1)}"] += 1
    return {"tracebacks": tracebacks, "replica_requests": dict(sorted(spread.items()))}


def report(result: RunResult, check: DbCheck | None, mode: str, logs: dict | None = None) -> dict:
    stats = result.stats
    lost = None if check is None else len(check.lost_edits) + len(check.lost_orders) + len(check.lost_postings)
    cross = len(stats.cross_reads) + (len(check.misplaced) if check else 0)
    imported = sum(1 for user in result.users if user.saved.resume_id)
    finished = sum(1 for user in result.users if user.finished)
    loads = [round(sample[0], 2) for sample in result.load] or [0.0]
    figures = {
        "mode": mode,
        "users": len(result.users),
        "users_to_the_end": finished,
        "seconds": round(result.seconds, 1),
        "errors": sum(stats.errors.values()),
        "errors_by_kind": dict(stats.errors),
        "lost_acknowledged": lost,
        "cross_workspace": cross,
        "events_per_s": round(stats.events_sent / result.seconds, 2),
        "latency_ms": {
            kind: {
                "n": len(samples),
                "p50": round(percentile(samples, 0.50)),
                "p95": round(percentile(samples, 0.95)),
                "max": round(max(samples)),
            }
            for kind, samples in sorted(result.stats.latencies.items())
        },
        "load_1min": {"start": loads[0], "mean": round(statistics.mean(loads), 2), "max": round(max(loads), 2)},
        "cpus": os.cpu_count(),
        "bench_cpu_s": round(result.cpu_s, 1),
    }
    print(
        f"\n== {mode}: {len(result.users)} users for {result.seconds:.0f} s ({imported} imported a resume,"
        f" {finished} went on to the end)"
    )
    print(
        f"machine: {os.cpu_count()} CPUs; 1-min load average {loads[0]} at the start (others' work), mean"
        f" {figures['load_1min']['mean']} and max {figures['load_1min']['max']} during the run; this client"
        f" used {result.cpu_s:.1f} CPU-s"
    )
    print(
        f"events sent {stats.events_sent} ({figures['events_per_s']}/s), messages received"
        f" {stats.messages_received} ({stats.bytes_received / 1e6:.1f} MB)"
    )
    print(f"\n{'step':<20}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}  target")
    targets = {"edit-to-saved": TARGETS["edit-to-saved p95"], "paste-to-ranked": TARGETS["paste-to-ranked p95"]}
    for kind, row in figures["latency_ms"].items():
        print(f"{kind:<20}{row['n']:>6}{row['p50']:>10}{row['p95']:>10}{row['max']:>10}  {targets.get(kind, '')}")
    print(f"\nerrors: {figures['errors']}  (target {TARGETS['errors']})")
    for kind, count in stats.errors.most_common():
        print(f"  {count:>5}  {kind}: {stats.error_examples.get(kind, '')}")
    if check is None:
        print("lost acknowledged edits: not checked (no database given)")
    else:
        print(
            f"lost acknowledged edits: {lost}  (target {TARGETS['lost acknowledged edits']}; checked"
            f" {check.checked_edits} bullet texts, {check.checked_orders} bullet orders,"
            f" {check.checked_postings} postings)"
        )
        for line in (check.lost_edits + check.lost_orders + check.lost_postings)[:10]:
            print(f"  {line}")
    print(f"cross-workspace reads: {cross}  (target {TARGETS['cross-workspace reads']})")
    for line in (stats.cross_reads + (check.misplaced if check else []))[:10]:
        print(f"  {line}")
    if logs is not None:
        figures["server_logs"] = logs
        print(f"tracebacks in the servers' logs: {sum(logs['tracebacks'].values())} {logs['tracebacks'] or ''}")
        if logs["replica_requests"]:
            print(f"websockets and uploads per replica (nginx): {logs['replica_requests']}")
    return figures


async def _warm_up(base_url: str, count: int) -> Stats:
    """Users that import and paste once before the timed run, so the figures do not include
    each replica loading the model after a start; reported apart."""
    stats = Stats()
    async with httpx.AsyncClient() as http:
        people = [User(900_000 + n, base_url, stats, http, {}) for n in range(count)]

        async def once(user: User, resume: Path) -> None:
            try:
                await user.connect()
                await user.import_resume(resume)
                await user.open_editor()
                await user.paste()
            except StepFailed:
                pass
            finally:
                if user.socket is not None:
                    await user.socket.close()

        await asyncio.gather(*(once(user, RESUMES[n % len(RESUMES)]) for n, user in enumerate(people)))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="an app already running (http://127.0.0.1:PORT)")
    where.add_argument("--start", choices=["single", "serve"], help="start the app: one process, or serve.sh")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--ramp", type=float, default=None, help="seconds over which users start (default 30)")
    parser.add_argument("--replicas", type=int, default=2, help="for --start serve")
    parser.add_argument("--warmup", type=int, default=2, help="users that paste once before the run (0: none)")
    parser.add_argument("--database-url", help="where to check the saves (default: as the app reads its settings)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not RESUMES or not POSTINGS:
        raise SystemExit(f"the corpus is missing: {CORPUS}")

    server = None
    database_url = args.database_url
    if args.start == "single":
        from tests.browser.conftest import AppServer

        data_dir = Path(tempfile.mkdtemp(prefix="resume-load-"))
        server = AppServer(data_dir, data_dir / "app.log")
        database_url = database_url or f"sqlite:///{data_dir / 'resume_app.db'}"
    elif args.start == "serve":
        from tests.scaleout import ScaleOut

        # A data folder of its own (PostgreSQL, Redis, logs, serve.json), kept for its logs.
        server = ScaleOut(replicas=args.replicas)
        data_dir = server.data_dir
    elif database_url is None:
        from resume_app.core import settings

        database_url = settings.database_url()
    mode = {"single": "single process, SQLite", "serve": f"serve.sh, {args.replicas} replicas"}.get(
        args.start, f"app at {args.url}"
    )
    try:
        if server is not None:
            print(f"starting the app ({mode}); logs in {data_dir}", flush=True)
            server.start()
            if args.start == "serve":
                database_url = database_url or server.database_url
        url = server.url if server is not None else args.url
        if args.warmup:
            print(f"warm-up: {args.warmup} users import and paste once...", flush=True)
            warm = asyncio.run(_warm_up(url, args.warmup))
            timed = {kind: [round(ms) for ms in samples] for kind, samples in warm.latencies.items()}
            print(f"warm-up steps (ms): {timed}")
            if warm.errors:
                print(f"warm-up errors: {dict(warm.errors)} {warm.error_examples}")
        ramp = args.ramp if args.ramp is not None else min(30.0, args.minutes * 60 / 4)
        print(f"running {args.users} users for {args.minutes} min (start spread over {ramp:.0f} s)...", flush=True)
        result = asyncio.run(run_users(url, args.users, args.minutes * 60, ramp))
        check = check_database(database_url, result.users) if database_url else None
        logs = None
        if args.start == "single":
            logs = server_logs([data_dir / "app.log"], None)
        elif args.start == "serve":
            logs = server_logs(sorted((data_dir / "logs").glob("*.log")), data_dir / "logs" / "nginx-access.log")
        figures = report(result, check, mode, logs)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
