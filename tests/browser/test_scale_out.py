"""The scale-out mode (`scripts/serve.sh`: PostgreSQL, Redis, two replicas, nginx) as a user
meets it: through the load balancer, across the crash of the replica that holds the page's
websocket, with every replica taking sessions and the data in PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy import create_engine, text

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import SAVE_STATUS, add_job, bullet_texts, new_resume, open_entry
from tests.scaleout import ScaleOut


@pytest.fixture(scope="module")
def serve():
    running = ScaleOut(replicas=2)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        # The services' logs, for a failure's post-mortem.
        shutil.rmtree(ARTIFACTS / "scale-out-logs", ignore_errors=True)
        if (running.data_dir / "logs").exists():
            shutil.copytree(running.data_dir / "logs", ARTIFACTS / "scale-out-logs")
        shutil.copy(running.log_path, ARTIFACTS / "scale-out-logs" / "serve.out")
        running.cleanup()


@pytest.fixture(autouse=True, scope="module")
def _patient_expect():
    # Replicas started again a moment ago share the 2 cores with the browser while they
    # import the app: give the page more than expect's 5 s to answer, in this module only.
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def _open(browser: Browser) -> tuple[Page, list[WebSocket]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    sockets: list[WebSocket] = []

    def opened(socket: WebSocket) -> None:
        if "/_event" not in socket.url:
            return
        socket.hydrated = False
        socket.on("framereceived", lambda frame: _note_hydrated(socket, frame))
        sockets.append(socket)

    page.on("websocket", opened)
    return page, sockets


def _note_hydrated(socket: WebSocket, frame) -> None:
    # Reflex's state says so when the page's state is loaded after a (re)connect.
    if '"is_hydrated_rx_state_":true' in str(frame):
        socket.hydrated = True


def _wait_reconnected(page: Page, sockets: list[WebSocket], timeout_s: float = 30) -> None:
    """Wait until the page holds a new websocket and its state is loaded again (what the
    person sees as the editor coming back)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        live = [socket for socket in sockets if not socket.is_closed()]
        if live and live[-1].hydrated:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the page did not reconnect within {timeout_s} s")


def _open_socket(sockets: list[WebSocket]) -> WebSocket:
    live = [socket for socket in sockets if not socket.is_closed()]
    assert len(live) == 1, f"the page should hold one websocket, it holds {len(live)}"
    return live[0]


def _closes(socket: WebSocket, timeout_s: float) -> bool:
    # Waiting through Playwright (not time.sleep) lets it take in the browser's events.
    if not socket.is_closed():
        with contextlib.suppress(PlaywrightTimeoutError):
            socket.wait_for_event("close", timeout=timeout_s * 1000)
    return socket.is_closed()


def _stored_bullets(database_url: str) -> list[str]:
    engine = create_engine(database_url)
    try:
        assert engine.dialect.name == "postgresql"
        with engine.connect() as connection:
            return list(connection.execute(text("SELECT text FROM bullet")).scalars())
    finally:
        engine.dispose()


def _edit_saved(page: Page, database_url: str, action, bullet: str) -> None:
    """Do `action` and wait until PostgreSQL holds `bullet` and the badge says Saved. (A page
    that reconnects to another replica gets a fresh session, whose save counter starts
    again: helpers.edit's "a save newer than before" cannot be used across a crash.)"""
    action()
    deadline = time.monotonic() + 30
    while bullet not in _stored_bullets(database_url) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert bullet in _stored_bullets(database_url), f"{bullet!r} was not saved"
    expect(page.locator(SAVE_STATUS)).to_contain_text("Saved")


def test_a_session_goes_on_when_the_replica_holding_its_websocket_is_killed(serve, browser):
    page, sockets = _open(browser)
    resume_url = new_resume(page, serve.url)
    add_job(page, "Engineer", "Acme", ["Kept 300 laptops imaged and patched"])
    entry = page.locator(".entry-card").first
    box = entry.locator(".bullet-row textarea").first
    # Set in this document only: still there afterwards means the page reconnected
    # without being reloaded.
    page.evaluate("window.__beforeTheCrash = true")

    # Kill replica 0. If it held the socket, the page reconnects to replica 1 (the only one
    # alive); if not, the socket was on replica 1 all along. Either way it is there now.
    first = _open_socket(sockets)
    serve.kill_replica(0)
    if _closes(first, 5):
        _wait_reconnected(page, sockets)
    # A reconnected page loads the resume again, its entries closed to their heading line.
    open_entry(entry)
    second_text = "Kept 300 laptops imaged, patched and encrypted"
    _edit_saved(page, serve.database_url, lambda: (box.fill(second_text), box.blur()), second_text)
    serve.wait_replicas_ready()
    assert page.evaluate("window.__beforeTheCrash === true")

    # Kill replica 1, which holds the socket now: the page must lose it and reconnect to
    # replica 0 (started again by serve.sh), and the next edit must save.
    holder = _open_socket(sockets)
    killed = serve.kill_replica(1)
    assert _closes(holder, 10), f"the page's websocket was not on replica 1 (pid {killed})"
    _wait_reconnected(page, sockets)
    open_entry(entry)
    third_text = "Kept 300 laptops imaged, patched, encrypted and audited"
    _edit_saved(page, serve.database_url, lambda: (box.fill(third_text), box.blur()), third_text)
    assert page.evaluate("window.__beforeTheCrash === true")
    assert not sockets[-1].is_closed()

    # What the page called saved comes back after a reload.
    page.goto(resume_url)
    open_entry(page.locator(".entry-card").first)
    assert bullet_texts(page) == [third_text]
    expect(page.locator(".entry-heading")).to_have_text("Engineer at Acme")
    page.context.close()


def test_every_replica_takes_sessions_and_the_library_lives_in_postgresql(serve, browser):
    serve.wait_replicas_ready()
    replica_ports = {str(url.rsplit(":", 1)[1]) for url in serve.replica_urls}
    access_log = serve.data_dir / "logs" / "nginx-access.log"
    log_start = access_log.stat().st_size

    texts = [f"Shipped release {number} on time" for number in range(4)]
    pages = []
    # Four people at once: each new websocket goes to the replica holding the fewest.
    for bullet in texts:
        page, _ = _open(browser)
        new_resume(page, serve.url)
        add_job(page, "Engineer", "Initech", [bullet])
        pages.append(page)
    for page in pages:
        # Closing the page closes its websocket, which nginx then logs with its replica.
        page.context.close()

    def event_replicas() -> set[str]:
        with access_log.open() as log:
            log.seek(log_start)
            lines = [line for line in log if '"GET /_event' in line]
        return {port for line in lines for port in re.findall(r"upstream=\S*?127\.0\.0\.1:(\d+)", line)}

    deadline = time.monotonic() + 15
    while event_replicas() != replica_ports and time.monotonic() < deadline:
        time.sleep(0.2)
    assert event_replicas() == replica_ports, "the four sessions' websockets did not reach both replicas"

    stored = _stored_bullets(serve.database_url)
    assert all(bullet in stored for bullet in texts)


def test_an_edit_made_while_the_page_reconnects_is_saved(serve, browser):
    serve.wait_replicas_ready()
    page, sockets = _open(browser)
    resume_url = new_resume(page, serve.url)
    add_job(page, "Engineer", "Acme", ["Kept 300 laptops imaged and patched"])
    entry = page.locator(".entry-card").first
    box = entry.locator(".bullet-row textarea").first
    holder = _open_socket(sockets)
    # Both replicas down: the page has no server until serve.sh has started them again.
    serve.kill_replica(0)
    serve.kill_replica(1)
    assert _closes(holder, 10)
    typed = "Kept 300 laptops imaged and patched, typed while the page reconnected"
    box.fill(typed)
    box.blur()
    serve.wait_replicas_ready()

    deadline = time.monotonic() + 60
    while typed not in _stored_bullets(serve.database_url) and time.monotonic() < deadline:
        page.wait_for_timeout(500)
    assert typed in _stored_bullets(serve.database_url)
    expect(page.locator(SAVE_STATUS)).to_contain_text("Saved")
    # The page came back to its own session (serve.sh cleared the dead replicas' websocket
    # records), not a fresh one: the entry the person had open is still open.
    expect(entry).to_have_attribute("data-open", "true")
    expect(box).to_have_value(typed)
    page.goto(resume_url)
    open_entry(page.locator(".entry-card").first)
    assert bullet_texts(page) == [typed]
    page.context.close()


def test_sigterm_stops_every_service_serve_started(serve):
    state = serve.state()
    pids = [replica["pid"] for replica in state["replicas"]]
    pids += [state["nginx"]["pid"], state["redis"]["pid"], state["postgres"]["pid"]]
    ports = [replica["port"] for replica in state["replicas"]]
    ports += [state["port"], state["redis"]["port"], state["postgres"]["port"]]
    assert all(pids) and all(_alive(pid) for pid in pids)

    serve.stop()

    assert serve.process.returncode == 0
    assert [pid for pid in pids if _alive(pid)] == []
    assert [port for port in ports if _listening(port)] == []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
