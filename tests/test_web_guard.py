"""The middleware in front of the app: uploads over the limit are refused before they are
read whole, and every response carries the security headers."""

from __future__ import annotations

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
