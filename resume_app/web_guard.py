"""ASGI middleware in front of the whole app (pages and API): an upload body over the
app's limit is refused with 413 before it is read whole, and every response carries the
security headers that keep other sites from framing or sniffing it, and a content security
policy that lets the pages run only the app's own code.

`python -m resume_app.web_guard [--nginx] [BUILD_DIR]` prints the same headers (for a web
server that serves the built pages itself, such as scripts/serve.sh's nginx).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import logging
import os
import re
import sys
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
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

# What Reflex 0.10.1's built pages need, found by going through every page under this
# policy with violations reported (tests/browser/test_content_security_policy.py):
# - scripts: its own modules, and the inline scripts React Router writes into each built
#   page (the colour-mode, scroll-restoration and hydration scripts), allowed one by one by
#   their hashes. No 'unsafe-eval': Reflex runs JavaScript sent by the server with eval, so
#   the app sends none (the clipboard and focus steps run in the page's own code).
# - styles: 'unsafe-inline', since Emotion (Reflex's CSS-in-JS) adds <style> elements as
#   components mount and Radix writes style attributes; styles run no code.
# - connect: the page's own origin, which in CSP 3 includes its websocket (ws: / wss:).
# - downloads are data: URLs opened by a link click, which no directive governs.
CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_SRC_ATTRIBUTE = re.compile(r"\ssrc\s*=", re.IGNORECASE)


def frontend_build_dir() -> Path:
    """Where `reflex run` builds the pages it serves (relative to the checkout it runs in)."""
    return Path(os.environ.get("REFLEX_WEB_WORKDIR") or ".web") / "build" / "client"


def inline_script_hashes(build_dir: Path) -> list[str]:
    """The CSP source ('sha256-...') of every inline script in the built pages, sorted."""
    hashes = set()
    for page in sorted(build_dir.rglob("*.html")) if build_dir.is_dir() else ():
        for attributes, body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8", errors="replace")):
            if not _SRC_ATTRIBUTE.search(attributes) and body:
                digest = hashlib.sha256(body.encode("utf-8")).digest()
                hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy, with the built pages' inline scripts allowed by `script_hashes`."""
    hashes = " ".join(script_hashes)
    return "; ".join(
        f"{name} {sources} {hashes}" if name == "script-src" and hashes else f"{name} {sources}"
        for name, sources in CSP_DIRECTIVES
    )


def security_headers(build_dir: Path | None = None) -> list[tuple[str, str]]:
    """Every header a page of the app carries, the policy's hashes read from `build_dir`."""
    policy = content_security_policy(inline_script_hashes(build_dir or frontend_build_dir()))
    fixed = [(name.decode(), value.decode()) for name, value in SECURITY_HEADERS]
    return [*fixed, ("content-security-policy", policy)]


class _PolicyCache:
    """The policy for the pages being served, read again when they are rebuilt."""

    def __init__(self) -> None:
        self._stamp: tuple[str, int] | None = None
        self._header: tuple[bytes, bytes] = (b"content-security-policy", content_security_policy().encode())

    def header(self) -> tuple[bytes, bytes]:
        build_dir = frontend_build_dir()
        try:
            stamp = (str(build_dir.resolve()), (build_dir / "index.html").stat().st_mtime_ns)
        except OSError:
            stamp = (str(build_dir), 0)
        if stamp != self._stamp:
            policy = content_security_policy(inline_script_hashes(build_dir))
            self._header, self._stamp = (b"content-security-policy", policy.encode()), stamp
        return self._header


_policy = _PolicyCache()


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
                wanted = (*SECURITY_HEADERS, _policy.header())
                extra = [(key, value) for key, value in wanted if key not in present]
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m resume_app.web_guard", description="Print the security headers the app's pages carry."
    )
    parser.add_argument("build_dir", nargs="?", type=Path, help="the built pages (default: .web/build/client)")
    parser.add_argument("--nginx", action="store_true", help="as nginx add_header lines")
    args = parser.parse_args(argv)
    build_dir = args.build_dir or frontend_build_dir()
    if not (build_dir / "index.html").is_file():
        sys.exit(f"No built pages were found in {build_dir}; build the frontend first (reflex export or reflex run).")
    for name, value in security_headers(build_dir):
        print(f'add_header {name} "{value}" always;' if args.nginx else f"{name}: {value}")


if __name__ == "__main__":
    main()
