"""nginx in front of the replicas: the built pages from disk, every backend endpoint (the
websocket included) to the replicas. Its config is made from the build's own lists of
routes and endpoints and from web_guard's limits and headers, so they cannot drift apart."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from resume_app.serving.procs import ServeError, is_root, last_line, user_can_enter
from resume_app.web_guard import security_headers, upload_limit


def backend_paths(env_json: Path) -> list[str]:
    """The paths the pages call on the backend (/_event, /_upload, /ping, /_health...)."""
    endpoints = json.loads(env_json.read_text())
    paths = []
    for value in endpoints.values():
        if isinstance(value, str) and "://" in value:
            paths.append(urlparse(value).path)
    return sorted(set(paths))


def dynamic_routes(routes_json: Path) -> list[str]:
    """Regexes for the page routes with a parameter (resume/[resume_id]), which have no file
    of their own: the app's page shell answers them, as Reflex's own server does."""
    patterns = []
    for route in json.loads(routes_json.read_text()):
        if "[" not in route:
            continue
        parts = [("[^/]+" if part.startswith("[") else re.escape(part)) for part in route.strip("/").split("/")]
        patterns.append("^/" + "/".join(parts) + "/?$")
    return patterns


def _headers(indent: str, headers: list[tuple[str, str]]) -> str:
    return "".join(f'{indent}add_header {name} "{value}" always;\n' for name, value in headers)


def render(*, host: str, port: int, replica_ports: list[int], data_dir: Path, www: Path) -> str:
    frontend = www.parent
    work = data_dir / "nginx"
    upstream = "".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;\n" for p in replica_ports)
    paths = backend_paths(frontend / "env.json")
    backend = "|".join(re.escape(path.lstrip("/")) for path in paths)
    # The backend sets the security headers too; nginx sets them once for every answer,
    # the content security policy's script hashes read from the pages nginx serves.
    headers = security_headers(www)
    hide = "".join(f"        proxy_hide_header {name};\n" for name, _ in headers)
    proxy = f"""        proxy_pass http://replicas;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        # A refused or dropped replica: try the next one (a websocket then reconnects).
        proxy_next_upstream error timeout http_502 http_503;
        proxy_connect_timeout 2s;
{hide}"""
    dynamic = "".join(
        f"    location ~ {pattern} {{\n        try_files /404.html =404;\n    }}\n"
        for pattern in dynamic_routes(frontend / "routes.json")
    )
    body_limit = max(upload_limit(None), upload_limit(".restore_backup"))
    return f"""# Made by resume_app.serving.nginx for scripts/serve.sh; rewritten at every start.
worker_processes 1;
pid {data_dir / "run" / "nginx.pid"};
error_log {data_dir / "logs" / "nginx-error.log"} warn;
daemon off;

events {{
    worker_connections 4096;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # Which replica answered each request (a websocket is logged when it closes).
    log_format replicas '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                        'upstream=$upstream_addr time=$request_time';
    access_log {data_dir / "logs" / "nginx-access.log"} replicas;
    client_body_temp_path {work / "body"};
    proxy_temp_path {work / "proxy"};
    fastcgi_temp_path {work / "fastcgi"};
    uwsgi_temp_path {work / "uwsgi"};
    scgi_temp_path {work / "scgi"};
    server_tokens off;
    sendfile on;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" "";
    }}

    # A websocket lives as long as its page: least_conn sends a new one to the replica that
    # holds the fewest (round robin counted every short request too, and could put all of
    # them on one replica). Before keepalive, as nginx asks of a balancing method.
    upstream replicas {{
        least_conn;
{upstream}        keepalive 32;
    }}

    server {{
        listen {host}:{port};
        root {www};
{_headers("        ", headers)}
    # The backend's endpoints: the websocket, uploads, ping, health and the rest.
    location ~ ^/({backend})(/|$) {{
        # The largest upload web_guard lets through (a backup archive); it refuses the
        # rest with its own 413, so nginx need not know which handler is asked.
        client_max_body_size {body_limit};
        proxy_request_buffering off;
        proxy_buffering off;
        # A websocket stays open while the page is.
        proxy_read_timeout 1h;
        proxy_send_timeout 1h;
{proxy}    }}

{dynamic}
    location /assets/ {{
        # Vite names these files by their content: cache them for good.
        expires 1y;
        try_files $uri =404;
    }}

    location / {{
        try_files $uri $uri/index.html $uri.html =404;
        error_page 404 /404.html;
    }}
    }}
}}
"""


@dataclass
class Nginx:
    data_dir: Path
    config: Path

    def command(self) -> list[str]:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        return [
            nginx,
            "-e",
            str(self.data_dir / "logs" / "nginx-error.log"),
            "-p",
            str(self.data_dir / "nginx"),
            "-c",
            str(self.config),
        ]

    def check(self, www: Path) -> None:
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.data_dir / "nginx" / name).mkdir(parents=True, exist_ok=True)
        # As root, nginx's workers run as nobody and must be able to read the pages.
        if is_root() and not user_can_enter("nobody", www):
            raise ServeError(
                f"nginx's workers (user nobody) cannot enter {www}; "
                "choose a --data-dir that other users may pass through."
            )
        log = self.data_dir / "logs" / "nginx-error.log"
        result = subprocess.run([*self.command(), "-t", "-q"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            reason = (result.stderr.strip().splitlines() or [last_line(log)])[-1]
            raise ServeError(f"nginx refused its configuration ({reason}); see {self.config}.")
