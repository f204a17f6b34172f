"""The embedding model: bundled, offline, loaded once, and every text encoded once ever."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from resume_app.matching.embedder import Embedder, shared_embedder
from resume_app.storage.vector_cache import DatabaseVectorCache


@pytest.fixture(scope="module")
def model():
    """Load the bundled model once for the module (a few seconds)."""
    embedder = shared_embedder()
    embedder.load()
    return embedder


def test_vectors_are_unit_length_and_meaningful(model):
    vectors = model.encode(
        [
            "Kept 300 laptops imaged and patched",
            "Endpoint management for company devices",
            "Baked sourdough bread every morning",
        ]
    )
    assert vectors.shape == (3, model.dimensions)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_second_run_encodes_nothing_new(model):
    texts = [f"Shipped release {number} of the billing service" for number in range(12)]
    first = Embedder(model.model_name, DatabaseVectorCache())
    first._model = model.load()  # share the loaded weights; the cache is what is tested
    first.encode(texts)
    assert first.encoded_count == 12
    # A new process would start with an empty memory: only the database remembers.
    second = Embedder(model.model_name, DatabaseVectorCache())
    second._model = model.load()
    again = second.encode(texts + texts[:3])
    assert second.encoded_count == 0
    assert np.allclose(again[:12], first.encode(texts))


def test_the_model_loads_with_the_network_unavailable(tmp_path):
    """No download is attempted: every socket connection fails, and the model still loads."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network unavailable in this test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from resume_app.matching.embedder import Embedder
        vectors = Embedder().encode(["Built CI/CD pipelines with Jenkins"])
        print(vectors.shape)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        env={"HF_HUB_OFFLINE": "1", "RESUME_APP_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "(1, 384)" in result.stdout
