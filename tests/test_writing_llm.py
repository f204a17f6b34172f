"""The optional local-model rewrite against a stub OpenAI-compatible server the test
starts: a good rewrite is offered, one that invents a number is refused by the gate, a
server that answers too late or not at all gives one sentence, and nothing is asked when
no server is configured."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from resume_app.tailoring import llm
from tests.sentences import one_sentence

BULLET = "Responsible for managing the payroll of 40 staff"


class _Stub(BaseHTTPRequestHandler):
    answer = ""
    delay = 0.0
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append({"path": self.path, "body": body})
        time.sleep(type(self).delay)
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).answer}}]}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout case)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub(monkeypatch):
    _Stub.answer, _Stub.delay, _Stub.received = "", 0.0, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv(llm.URL_VARIABLE, f"http://127.0.0.1:{server.server_address[1]}/v1")
    yield _Stub
    server.shutdown()
    server.server_close()


def test_a_rewrite_that_keeps_every_fact_is_offered(stub):
    stub.answer = "- Managed payroll for 40 staff\n"
    answer = llm.model_rewrite(BULLET, "past", bullet_id="b1")
    assert answer.suggestion is not None and answer.message == ""
    assert answer.suggestion.text == "Managed payroll for 40 staff"
    assert answer.suggestion.kind == "model-rewrite" and answer.suggestion.bullet_id == "b1"
    [request] = stub.received
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["messages"][1]["content"] == BULLET
    assert "past tense" in request["body"]["messages"][0]["content"]
    assert request["body"]["max_tokens"] == llm.MAX_TOKENS


def test_a_chatty_answer_gives_its_bullet_line(stub):
    stub.answer = 'Here is the rewritten bullet:\n\n"Managed payroll for 40 staff"'
    assert llm.model_rewrite(BULLET).suggestion.text == "Managed payroll for 40 staff"


def test_a_rewrite_that_invents_a_number_is_refused_by_the_gate(stub):
    stub.answer = "Managed payroll for 40 staff, saving $20,000 a year"
    answer = llm.model_rewrite(BULLET)
    assert answer.suggestion is None
    assert "$20,000" in answer.message and one_sentence(answer.message)


def test_a_rewrite_that_drops_a_figure_is_refused_by_the_gate(stub):
    stub.answer = "Managed payroll for the whole staff"
    assert llm.model_rewrite(BULLET).suggestion is None


def test_a_server_that_answers_too_late_gives_one_sentence(stub, monkeypatch):
    stub.answer, stub.delay = "Managed payroll for 40 staff", 3.0
    monkeypatch.setenv(llm.TIMEOUT_VARIABLE, "0.5")
    started = time.perf_counter()
    answer = llm.model_rewrite(BULLET)
    assert time.perf_counter() - started < 2.5
    assert answer.suggestion is None and answer.message == "Your local model did not answer within 0.5 seconds."


def test_an_unreachable_server_or_a_bad_answer_gives_one_sentence(monkeypatch, stub):
    stub.answer = ""
    assert llm.model_rewrite(BULLET).message == "Your local model kept the bullet as it is."
    monkeypatch.setenv(llm.URL_VARIABLE, "http://127.0.0.1:9/v1")
    answer = llm.model_rewrite(BULLET)
    assert answer.suggestion is None and answer.message.endswith("could not be reached.")
    monkeypatch.setenv(llm.URL_VARIABLE, "file:///etc/passwd")
    assert "http://" in llm.model_rewrite(BULLET).message


def test_off_unless_a_server_is_configured(monkeypatch):
    monkeypatch.delenv(llm.URL_VARIABLE, raising=False)
    assert not llm.enabled()
    assert llm.model_rewrite(BULLET).suggestion is None


def _cli(*args: str):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "resume_app.cli", "suggest", *args], capture_output=True, text=True, timeout=300
    )


def _resume_file(tmp_path):
    document = {
        "basics": {"name": "Ada Example"},
        "work": [
            {
                "name": "Harrison",
                "position": "Accountant",
                "startDate": "2019",
                "endDate": "2021",
                "highlights": [BULLET, "Prepared tax returns for 120 clients"],
            }
        ],
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_cli_suggest_with_the_model_adds_only_gated_rewrites(stub, tmp_path):
    stub.answer = "Managed payroll for 40 staff"
    result = _cli(str(_resume_file(tmp_path)), "--json", "--model")
    assert result.returncode == 0, result.stderr
    bullets = json.loads(result.stdout)["bullets"]
    rewrites = [[s["text"] for s in bullet["suggestions"] if s["kind"] == "model-rewrite"] for bullet in bullets]
    # The same answer for the second bullet drops "120 clients": refused, and said once on stderr.
    assert rewrites == [["Managed payroll for 40 staff"], []]
    assert "120" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_suggest_with_the_model_but_no_server_set_exits_2(monkeypatch, tmp_path):
    monkeypatch.delenv(llm.URL_VARIABLE, raising=False)
    result = _cli(str(_resume_file(tmp_path)), "--model")
    assert result.returncode == 2 and "RESUME_APP_LLM_URL" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_stored_bullet_is_rewritten_in_its_job_s_tense(stub, workspace):
    from resume_app.core.model import Bullet, Entry, Resume, Section
    from resume_app.storage import repository
    from resume_app.tailoring import writing

    current = Entry("CPA", "Gilmore", start_date="2021", bullets=[Bullet(BULLET, "b1")])
    resume = repository.create_resume(workspace, Resume(sections=[Section("work", entries=[current])]))
    stub.answer = "Manage payroll for 40 staff"
    answer = writing.model_suggestion(workspace, resume.id, "b1")
    assert answer.suggestion.text == "Manage payroll for 40 staff"
    assert "present tense" in stub.received[0]["body"]["messages"][0]["content"]
