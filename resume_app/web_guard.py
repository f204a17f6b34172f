"""ASGI middleware in front of the whole app (pages and API): an upload body over the
app's limit is refused with 413 before it is read whole, and every response carries the
security headers that keep other sites from framing or sniffing it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from resume_app.parsing.errors import MAX_FILE_BYTES
from resume_app.storage.backup import MAX_ARCHIVE_BYTES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
log = logging.getLogger(__name__)
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Room for the multipart framing (boundaries, part headers, the file name) around one file.
MULTIPART_OVERHEAD = 64 * 1024
# A file somewhat over its limit still reaches the app, which explains the limit in the page
# ("larger than 10 MB"); only a body past the limit plus this margin is refused at the door
# with 413 (which the page cannot show), so a hostile client is bounded either way.
EXPLAINED_MARGIN = MAX_FILE_BYTES
# A backup archive is the one upload allowed to be larger than a resume file.
_BACKUP_HANDLER_SUFFIX = ".restore_backup"
TOO_LARGE_BODY = "This upload is larger than the app accepts and was not read."

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def upload_limit(handler: str | None) -> int:
    """The most bytes a `POST /_upload` body may have for this event handler (a header the
    client sets, so at most the backup's limit whatever it claims)."""
    file_limit = MAX_ARCHIVE_BYTES if handler and handler.endswith(_BACKUP_HANDLER_SUFFIX) else MAX_FILE_BYTES
    return file_limit + EXPLAINED_MARGIN + MULTIPART_OVERHEAD


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


async def _refuse(send: Send) -> None:
    body = TOO_LARGE_BODY.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def harden(app: ASGIApp) -> ASGIApp:
    """`app` behind the upload limit and the security headers (Reflex's `api_transformer`)."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {key.lower() for key, _ in message.get("headers", ())}
                extra = [(key, value) for key, value in SECURITY_HEADERS if key not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        if scope.get("method") != "POST" or not scope.get("path", "").rstrip("/").endswith("/_upload"):
            await app(scope, receive, send_with_headers)
            return

        limit = upload_limit(_header(scope, b"reflex-event-handler"))
        length = _header(scope, b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                declared = limit + 1
            if declared > limit:
                await _refuse(send)
                return

        received = 0
        refused = False

        async def counting_receive() -> Message:
            # Over the limit: answer 413 now and tell the app the client went away, so it
            # stops reading (Reflex's upload treats a disconnect as an ordinary end).
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def send_unless_refused(message: Message) -> None:
            if not refused:
                await send_with_headers(message)

        try:
            await app(scope, counting_receive, send_unless_refused)
        except Exception:
            if not refused:
                raise
            log.debug("an upload over the limit was cut off", exc_info=True)

    return guarded
