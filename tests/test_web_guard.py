"""The middleware in front of the app: uploads over the limit are refused before they are
read whole, and every response carries the security headers."""

from __future__ import annotations

import base64
import hashlib
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from resume_app.parsing.errors import MAX_FILE_BYTES
from resume_app.storage.backup import MAX_ARCHIVE_BYTES
from resume_app.web_guard import TOO_LARGE_BODY, harden, upload_limit

SEEN: list[int] = []


async def _upload(request: Request) -> PlainTextResponse:
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
    SEEN.append(total)
    return PlainTextResponse("ok")


async def _page(request: Request) -> PlainTextResponse:
    return PlainTextResponse("<html></html>", media_type="text/html")


def _client() -> TestClient:
    SEEN.clear()
    inner = Starlette(routes=[Route("/_upload", _upload, methods=["POST"]), Route("/", _page)])
    return TestClient(harden(inner))


def test_upload_over_the_limit_by_content_length_is_refused_unread():
    response = _client().post("/_upload", content=b"x" * (30 * 1024 * 1024))
    assert response.status_code == 413
    assert response.text == TOO_LARGE_BODY
    assert SEEN == []


def test_chunked_upload_over_the_limit_is_refused_while_streaming():
    def chunks():
        for _ in range(30):
            yield b"x" * (1024 * 1024)

    response = _client().post("/_upload", content=chunks())
    assert response.status_code == 413
    assert SEEN == []


def test_upload_within_the_limit_passes():
    response = _client().post("/_upload", content=b"x" * 1000)
    assert response.status_code == 200
    assert SEEN == [1000]


def test_a_file_just_over_the_limit_still_reaches_the_app_to_be_explained():
    response = _client().post("/_upload", content=b"x" * (MAX_FILE_BYTES + 1024 * 1024))
    assert response.status_code == 200


def test_backup_handler_gets_the_backup_limit_only():
    assert upload_limit("state.library_state.restore_backup") > MAX_ARCHIVE_BYTES
    assert MAX_FILE_BYTES < upload_limit("state.library_state.import_file") < MAX_ARCHIVE_BYTES
    assert upload_limit(None) == upload_limit("anything")


def test_responses_carry_security_headers():
    response = _client().get("/")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_app_is_served_behind_the_guard():
    from resume_app.resume_app import app

    assert app.api_transformer is harden


PAGE_WITH_SCRIPTS = (
    '<html><head><script>window.a = 1;</script><script type="module" src="/assets/x.js"></script>'
    "</head><body><script type=\"module\" async>import '/assets/y.js';</script></body></html>"
)


def _built_pages(tmp_path):
    build = tmp_path / "build" / "client"
    (build / "resume").mkdir(parents=True)
    (build / "index.html").write_text(PAGE_WITH_SCRIPTS, encoding="utf-8")
    (build / "resume" / "index.html").write_text("<script>window.a = 1;</script>", encoding="utf-8")
    return build


def _hash(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def test_the_policy_allows_exactly_the_built_pages_inline_scripts(tmp_path):
    from resume_app.web_guard import content_security_policy, inline_script_hashes

    hashes = inline_script_hashes(_built_pages(tmp_path))
    assert hashes == sorted([_hash("window.a = 1;"), _hash("import '/assets/y.js';")])
    policy = content_security_policy(hashes)
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    assert script_src.split()[1:] == ["'self'", *hashes]
    assert "'unsafe-eval'" not in policy and "frame-ancestors 'none'" in policy


def test_pages_carry_the_policy_of_the_pages_being_served(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLEX_WEB_WORKDIR", str(tmp_path))
    build = _built_pages(tmp_path)
    policy = _client().get("/").headers["content-security-policy"]
    assert _hash("window.a = 1;") in policy and "object-src 'none'" in policy
    # Rebuilt pages (another inline script) get a policy that allows theirs.
    (build / "index.html").write_text("<script>window.b = 2;</script>", encoding="utf-8")
    os.utime(build / "index.html", ns=(1, 1))
    assert _hash("window.b = 2;") in _client().get("/").headers["content-security-policy"]


def test_the_headers_print_for_a_web_server_that_serves_the_pages_itself(tmp_path, capsys):
    from resume_app.web_guard import main

    main(["--nginx", str(_built_pages(tmp_path))])
    lines = capsys.readouterr().out.splitlines()
    assert 'add_header x-frame-options "DENY" always;' in lines
    policy = next(line for line in lines if line.startswith("add_header content-security-policy "))
    assert _hash("window.a = 1;") in policy
