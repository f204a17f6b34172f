"""A second `reflex run` from the same checkout is refused while the first one runs,
instead of rebuilding the first one's pages for its own port."""

from __future__ import annotations

import os

import pytest

from resume_app import instance
from tests.sentences import one_sentence


@pytest.fixture(autouse=True)
def release_locks():
    yield
    while instance._held:
        os.close(instance._held.pop())


def _run(port: str, *extra: str) -> list[str]:
    return ["/venv/bin/reflex", "run", "--env", "prod", "--single-port", "--frontend-port", port, *extra]


def test_a_second_app_on_another_port_is_refused_in_one_sentence(tmp_path):
    web = str(tmp_path / ".web")
    first = {"REFLEX_WEB_WORKDIR": web}
    instance.hold_web_dir(_run("3000"), first)
    assert first[instance.HELD_ENV]
    with pytest.raises(SystemExit) as refused:
        instance.hold_web_dir(_run("3001"), {"REFLEX_WEB_WORKDIR": web})
    message = str(refused.value.code)
    assert one_sentence(message)
    assert "already running on port 3000" in message and "REFLEX_WEB_WORKDIR=.web-3001" in message


def test_the_first_apps_own_processes_and_a_stopped_app_are_no_obstacle(tmp_path):
    web = str(tmp_path / ".web")
    first = {"REFLEX_WEB_WORKDIR": web}
    instance.hold_web_dir(_run("3000"), first)
    # Its worker processes read the config again, with the launch's environment.
    instance.hold_web_dir(_run("3000"), dict(first))
    os.close(instance._held.pop())  # the first app stops
    instance.hold_web_dir(_run("3001"), {"REFLEX_WEB_WORKDIR": web})


def test_a_web_folder_of_its_own_lets_a_second_app_run(tmp_path):
    instance.hold_web_dir(_run("3000"), {"REFLEX_WEB_WORKDIR": str(tmp_path / ".web")})
    instance.hold_web_dir(_run("3001"), {"REFLEX_WEB_WORKDIR": str(tmp_path / ".web-3001")})


def test_only_a_run_that_builds_the_pages_takes_the_folder(tmp_path):
    web = str(tmp_path / ".web")
    instance.hold_web_dir(_run("3000"), {"REFLEX_WEB_WORKDIR": web})
    # Backend-only replicas behind a load balancer build no pages; tests and the CLI run no app.
    instance.hold_web_dir(_run("8001", "--backend-only"), {"REFLEX_WEB_WORKDIR": web})
    instance.hold_web_dir(["/venv/bin/pytest", "run"], {"REFLEX_WEB_WORKDIR": web})
    instance.hold_web_dir(["/venv/bin/reflex", "export"], {"REFLEX_WEB_WORKDIR": web})
    assert len(instance._held) == 1
