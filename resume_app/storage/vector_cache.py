"""The embedding cache in the database: vectors by (model, text hash), shared by all
workspaces. Only hashes of texts are stored, never the texts."""

from __future__ import annotations

import logging

import numpy as np
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from resume_app.storage.db import session_scope, unreachable
from resume_app.storage.tables import EmbeddingCacheRow

log = logging.getLogger(__name__)
# Keep IN (...) lists well under SQLite's variable limit.
_CHUNK = 500


class DatabaseVectorCache:
    """matching.embedder.VectorCache backed by the embedding_cache table. It is only a cache:
    while the database cannot be reached, every text is a miss and nothing is stored, so the
    model (its warm-up included) and the ranking go on without it."""

    def get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        try:
            return self._get_many(model, hashes)
        except Exception as error:
            if not unreachable(error):
                raise
            log.warning("the embedding cache is out of reach; encoding without it: %s", error)
            return {}

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        try:
            self._put_many(model, vectors)
        except Exception as error:
            if not unreachable(error):
                raise
            log.warning("the embedding cache is out of reach; %d vectors not kept: %s", len(vectors), error)

    def _get_many(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with session_scope() as session:
            for start in range(0, len(hashes), _CHUNK):
                chunk = hashes[start : start + _CHUNK]
                rows = session.execute(
                    select(EmbeddingCacheRow.text_hash, EmbeddingCacheRow.vector).where(
                        EmbeddingCacheRow.model == model, EmbeddingCacheRow.text_hash.in_(chunk)
                    )
                )
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def _put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        rows = [
            {"model": model, "text_hash": key, "dimensions": int(vector.shape[0]), "vector": vector.tobytes()}
            for key, vector in vectors.items()
        ]
        with session_scope() as session:
            insert = postgres_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
            # Two processes may encode the same text at once: the first row wins, both are equal.
            statement = insert(EmbeddingCacheRow).on_conflict_do_nothing(index_elements=["model", "text_hash"])
            session.execute(statement, rows)
