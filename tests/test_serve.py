"""scripts/serve.sh without starting its services: its sentences for a taken port and bad
arguments, and the nginx configuration it makes from the build and from web_guard."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from resume_app.serving.nginx import backend_paths, dynamic_routes, render
from resume_app.web_guard import SECURITY_HEADERS, inline_script_hashes, upload_limit
from tests.corpus import ROOT


def _serve(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resume_app.serving", *args, "--data-dir", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_taken_port_is_one_sentence_and_nothing_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve("--port", str(port), data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"serve: Port {port} is already in use on 127.0.0.1; choose another with --port."
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "postgres").exists() and not (tmp_path / "serve.json").exists()


def test_bad_arguments_are_one_sentence(tmp_path):
    result = _serve("--replicas", "0", data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "serve: --replicas needs at least 1."


def _frontend(tmp_path):
    www = tmp_path / "frontend" / "www"
    www.mkdir(parents=True)
    endpoints = {"PING": "http://localhost:8080/ping", "EVENT": "ws://localhost:8080/_event"}
    endpoints |= {"UPLOAD": "http://localhost:8080/_upload", "HEALTH": "http://localhost:8080/_health"}
    (tmp_path / "frontend" / "env.json").write_text(json.dumps({**endpoints, "TRANSPORT": "websocket"}))
    (tmp_path / "frontend" / "routes.json").write_text(json.dumps(["index", "resume/[resume_id]", "404"]))
    return www


def test_nginx_passes_every_backend_endpoint_and_the_websocket(tmp_path):
    www = _frontend(tmp_path)
    assert backend_paths(www.parent / "env.json") == ["/_event", "/_health", "/_upload", "/ping"]
    assert dynamic_routes(www.parent / "routes.json") == ["^/resume/[^/]+/?$"]
    config = render(host="127.0.0.1", port=8080, replica_ports=[9001, 9002], data_dir=tmp_path, www=www)
    assert "listen 127.0.0.1:8080;" in config
    assert "server 127.0.0.1:9001" in config and "server 127.0.0.1:9002" in config
    # Long-lived websockets spread by how many each replica holds, not by turns.
    assert config.index("least_conn;") < config.index("keepalive 32;")
    assert r"location ~ ^/(_event|_health|_upload|ping)(/|$)" in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config
    assert "proxy_set_header Connection $connection_upgrade;" in config


def test_nginx_lets_through_what_web_guard_explains_and_sets_its_headers(tmp_path):
    config = render(host="127.0.0.1", port=8080, replica_ports=[9001], data_dir=tmp_path, www=_frontend(tmp_path))
    # nginx must not answer 413 itself before web_guard can explain the limit in the page.
    limit = max(upload_limit(None), upload_limit("state.restore_backup"))
    assert f"client_max_body_size {limit};" in config
    assert "proxy_request_buffering off;" in config
    for name, value in SECURITY_HEADERS:
        assert f'add_header {name.decode()} "{value.decode()}" always;' in config
        assert f"proxy_hide_header {name.decode()};" in config


def test_nginx_content_security_policy_allows_the_inline_scripts_of_the_pages_it_serves(tmp_path):
    www = _frontend(tmp_path)
    (www / "index.html").write_text("<html><script>window.colourMode = 'light'</script></html>")
    config = render(host="127.0.0.1", port=8080, replica_ports=[9001], data_dir=tmp_path, www=www)
    [policy] = [line for line in config.splitlines() if "add_header content-security-policy" in line]
    [digest] = inline_script_hashes(www)
    assert digest in policy and "frame-ancestors 'none'" in policy and "unsafe-eval" not in policy


def test_a_redis_that_does_not_answer_is_one_sentence(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = subprocess.run(
        [sys.executable, "-m", "resume_app.serving", "--port", str(port), "--data-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "RESUME_APP_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
            "REFLEX_REDIS_URL": f"redis://127.0.0.1:{dead}/0",
        },
    )
    assert result.returncode == 1
    assert result.stderr.startswith("serve: The Redis in REFLEX_REDIS_URL does not answer (")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
