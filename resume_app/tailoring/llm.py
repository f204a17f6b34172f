"""An optional rewrite of a bullet by a language model on the person's own machine or
network (issue 14), through the same fact gates as every other suggestion.

Off unless RESUME_APP_LLM_URL names an OpenAI-compatible endpoint (llama.cpp's server,
Ollama, LM Studio, vLLM: the base URL, e.g. http://127.0.0.1:8080/v1); RESUME_APP_LLM_MODEL
names the model where the server needs one. No key is read or stored. The prompt and every
limit are here, in one place. Whatever the model answers is only a candidate: a rewrite
that drops, changes or adds a fact is refused like any rule's, and a slow or absent server
gives one sentence while the other suggestions stay usable.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

from resume_app.matching.ats import MAX_BULLET_WORDS
from resume_app.matching.keywords import Keyword
from resume_app.matching.suggestions import gates
from resume_app.matching.suggestions.model import Suggestion, changed_spans

URL_VARIABLE = "RESUME_APP_LLM_URL"
MODEL_VARIABLE = "RESUME_APP_LLM_MODEL"
TIMEOUT_VARIABLE = "RESUME_APP_LLM_TIMEOUT"
DEFAULT_MODEL = "local-model"
# Limits: a local model on a laptop answers a one-line rewrite in seconds; past this the
# page says so and goes on. A bullet longer than this is not sent (the rules split it).
TIMEOUT_SECONDS = 20.0
MAX_BULLET_CHARS = 600
MAX_TOKENS = 120
TEMPERATURE = 0.2
MAX_RESPONSE_BYTES = 64 * 1024
KIND = "model-rewrite"

SYSTEM_PROMPT = (
    "You rewrite one resume bullet so it reads stronger. Rules: start with an action verb in the {tense} tense; "
    "keep every number, amount, percentage, date, name, tool and technology exactly as written; add no number, "
    "name, tool, skill or result the bullet does not state; no I, we, my or our; at most "
    f"{MAX_BULLET_WORDS} words. Answer with the rewritten bullet only: one line, no quotes, no bullet mark."
)


@dataclass(frozen=True)
class ModelAnswer:
    # The gated rewrite, or None with `message` (one sentence) saying why there is none.
    suggestion: Suggestion | None
    message: str = ""
    # The server could not be asked at all (down, too slow, an error): asking again for the
    # next bullet would only wait again.
    server_down: bool = False


def endpoint() -> str:
    return os.environ.get(URL_VARIABLE, "").strip()


def enabled() -> bool:
    return bool(endpoint())


def _timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_VARIABLE, TIMEOUT_SECONDS))
    except ValueError:
        return TIMEOUT_SECONDS


def request_body(text: str, tense: str) -> dict:
    """What is sent: the prompt, the bullet and the limits."""
    return {
        "model": os.environ.get(MODEL_VARIABLE, DEFAULT_MODEL),
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT.format(tense=tense)},
            {"role": "user", "content": text},
        ],
        "temperature": TEMPERATURE,
        "max_tokens": MAX_TOKENS,
        "stream": False,
    }


def _answer_text(raw: bytes) -> str:
    content = json.loads(raw)["choices"][0]["message"]["content"]
    # Chat models often lead with "Here is the rewritten bullet:": the bullet is the first
    # line that does not introduce another.
    lines = [line.strip() for line in str(content).splitlines() if line.strip() and not line.strip().endswith(":")]
    return lines[0].lstrip("-*\u2022 ").strip("\"'\u201c\u201d ") if lines else ""


def model_rewrite(text: str, tense: str = "past", keywords: list[Keyword] = (), bullet_id: str = "") -> ModelAnswer:
    """Ask the configured model for a rewrite of `text` and gate it."""
    url = endpoint()
    if not url:
        return ModelAnswer(None, "No local model is set up (RESUME_APP_LLM_URL).", server_down=True)
    if urlparse(url).scheme not in ("http", "https") or not urlparse(url).netloc:
        return ModelAnswer(None, f"{URL_VARIABLE} must be an http:// or https:// address.", server_down=True)
    if len(text) > MAX_BULLET_CHARS:
        return ModelAnswer(None, f"This bullet is longer than {MAX_BULLET_CHARS} characters; split it first.")
    timeout = _timeout()
    request = urllib.request.Request(
        url.rstrip("/") + "/chat/completions",
        data=json.dumps(request_body(text, tense)).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s) only, checked above
            raw = response.read(MAX_RESPONSE_BYTES + 1)
    except TimeoutError:
        return ModelAnswer(None, f"Your local model did not answer within {timeout:g} seconds.", server_down=True)
    except urllib.error.HTTPError as error:
        return ModelAnswer(None, f"Your local model answered with an error (HTTP {error.code}).", server_down=True)
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return ModelAnswer(None, f"Your local model did not answer within {timeout:g} seconds.", server_down=True)
        return ModelAnswer(None, f"Your local model at {url} could not be reached.", server_down=True)
    except OSError:
        return ModelAnswer(None, f"Your local model at {url} could not be reached.", server_down=True)
    if len(raw) > MAX_RESPONSE_BYTES:
        return ModelAnswer(None, "Your local model's answer was too long to be a bullet.")
    try:
        new = _answer_text(raw)
    except (ValueError, KeyError, IndexError, TypeError):
        return ModelAnswer(None, "Your local model's answer could not be read.")
    if not new or new == text.strip():
        return ModelAnswer(None, "Your local model kept the bullet as it is.")
    why = gates.refusal(text, KIND, (new,), keywords)
    if why:
        return ModelAnswer(None, f"Your local model's rewrite {why}, so it is not shown.")
    spans, removed = changed_spans(text, new)
    reason = "Rewritten by your local model; every fact checked."
    return ModelAnswer(Suggestion(KIND, reason, bullet_id, new, spans, removed))
