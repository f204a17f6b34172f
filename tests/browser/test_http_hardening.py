"""The real app over HTTP (no browser): an oversized upload is refused before it is read,
pages carry the security headers, CORS answers only the app's own origin, the server
listens on 127.0.0.1 only, and a second app from the same checkout leaves its pages alone."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from tests.browser.conftest import ARTIFACTS, AppServer

FOREIGN = "https://evil.example"


def _upload_dir_files(app_server: AppServer) -> set[str]:
    return {str(p) for p in app_server.data_dir.rglob("*") if p.is_file()}


def test_30_mb_upload_is_refused_with_413_quickly_and_not_spooled(app_server: AppServer):
    before = _upload_dir_files(app_server)
    body = b"x" * (30 * 1024 * 1024)
    started = time.monotonic()
    response = httpx.post(
        f"{app_server.url}/_upload",
        content=body,
        headers={
            "content-type": "multipart/form-data; boundary=b",
            "reflex-client-token": "any",
            "reflex-event-handler": "state.library_state.import_file",
        },
        timeout=30,
    )
    assert response.status_code == 413
    assert "larger than the app accepts" in response.text
    assert time.monotonic() - started < 5
    assert _upload_dir_files(app_server) == before


def test_chunked_30_mb_upload_is_refused_while_streaming(app_server: AppServer):
    from resume_app.ui.state.library import LibraryState

    def chunks():
        yield (
            b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n'
            b"Content-Type: application/pdf\r\n\r\n"
        )
        for _ in range(30):
            yield b"x" * (1024 * 1024)
        yield b"\r\n--b--\r\n"

    started = time.monotonic()
    response = httpx.post(
        f"{app_server.url}/_upload",
        content=chunks(),
        headers={
            "content-type": "multipart/form-data; boundary=b",
            "reflex-client-token": "any",
            "reflex-event-handler": f"{LibraryState.get_full_name()}.import_file",
        },
        timeout=30,
    )
    assert response.status_code == 413
    assert time.monotonic() - started < 10


def test_pages_and_api_carry_security_headers(app_server: AppServer):
    for path in ("/", "/ping"):
        response = httpx.get(f"{app_server.url}{path}", timeout=10)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path


def test_foreign_origin_gets_no_cors_grant(app_server: AppServer):
    headers = {"origin": FOREIGN, "cookie": "a=b"}
    response = httpx.get(f"{app_server.url}/ping", headers=headers, timeout=10)
    assert "access-control-allow-origin" not in response.headers
    preflight = httpx.options(
        f"{app_server.url}/_upload",
        headers={**headers, "access-control-request-method": "POST"},
        timeout=10,
    )
    assert preflight.headers.get("access-control-allow-origin") != FOREIGN
    own = httpx.get(f"{app_server.url}/ping", headers={"origin": app_server.url, "cookie": "a=b"}, timeout=10)
    assert own.headers.get("access-control-allow-origin") == app_server.url


def _listening_addresses(port: int) -> set[str]:
    """The local addresses of every socket listening on `port` (Linux /proc/net/tcp, tcp6)."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            next(rows)
            for row in rows:
                local, state = row.split()[1], row.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                    addresses.add(address)
    return addresses


# 127.0.0.1 and ::1 as the kernel writes them (little-endian words).
LOOPBACK = {"0100007F", "00000000000000000000000001000000"}


def test_listens_on_loopback_only(app_server: AppServer):
    addresses = _listening_addresses(app_server.port)
    assert addresses, "nothing listens on the app's port"
    assert addresses <= LOOPBACK, addresses


def _ports_the_pages_talk_to(app_server: AppServer) -> set[str]:
    """The backend ports written into the served pages' settings (Reflex's env module)."""
    page = httpx.get(app_server.url, timeout=10).text
    (env_module,) = set(re.findall(r"/assets/reflex-env-[\w-]+\.js", page))
    return set(re.findall(r"localhost:(\d+)", httpx.get(f"{app_server.url}{env_module}", timeout=10).text))


def test_a_second_app_from_the_same_checkout_is_refused_and_the_first_keeps_its_pages(app_server, tmp_path):
    assert _ports_the_pages_talk_to(app_server) == {str(app_server.port)}
    second = AppServer(tmp_path / "second-data", ARTIFACTS / "second-app-server.log")
    second.log_path.unlink(missing_ok=True)
    started = time.monotonic()
    try:
        with pytest.raises(RuntimeError, match="exited with 1"):
            second.start()
    finally:
        second.stop()
    assert time.monotonic() - started < 60
    said = second.log_path.read_text(encoding="utf-8")
    assert f"already running on port {app_server.port}" in said and "Traceback" not in said
    assert app_server.is_serving()
    assert _ports_the_pages_talk_to(app_server) == {str(app_server.port)}
