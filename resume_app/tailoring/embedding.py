"""The process's one embedding model, shared by the tailoring page and the CLI, with its
vectors cached in the database (a bullet is encoded once ever).

The model takes several seconds to load, so the server starts loading it on a thread
as it starts (resume_app.py registers `start_model_load`); a page that needs a ranking
before then shows the load's progress (`model_progress`) instead of waiting blind.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from resume_app.matching.embedder import Embedder, shared_embedder
from resume_app.storage.vector_cache import DatabaseVectorCache

log = logging.getLogger(__name__)

# What loading took on the 2-core development machine; the progress bar is scaled to it.
EXPECTED_LOAD_SECONDS = 10.0
LOAD_FAILED = "The matching model could not be loaded; restart the app (its log says why)."


@dataclass
class ModelProgress:
    ready: bool
    percent: int
    error: str = ""


_lock = threading.Lock()
_started_at: float | None = None
_error = ""


def embedder() -> Embedder:
    return shared_embedder(cache=DatabaseVectorCache())


def _load() -> None:
    global _error
    try:
        model = embedder()
        model.load()
        model.encode(["warm up the model"])  # the first encode pays one-off set-up costs
    except Exception:
        log.exception("loading the embedding model failed")
        _error = LOAD_FAILED


def start_model_load() -> None:
    """Begin loading the model on a background thread (once per process)."""
    global _started_at
    with _lock:
        if _started_at is not None:
            return
        _started_at = time.monotonic()
    threading.Thread(target=_load, name="embedding-model-load", daemon=True).start()


def model_progress() -> ModelProgress:
    """Whether the model is ready and, if not, how far its load has come (an estimate)."""
    start_model_load()
    if _error:
        return ModelProgress(False, 0, _error)
    if embedder().loaded:
        return ModelProgress(True, 100)
    elapsed = time.monotonic() - (_started_at or time.monotonic())
    return ModelProgress(False, min(95, int(100 * elapsed / EXPECTED_LOAD_SECONDS)))
