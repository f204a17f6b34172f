"""The model loads on a thread when the server starts; until then pages get its progress."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_model_loads_in_the_background_with_progress(tmp_path):
    # A fresh process: the model is not loaded yet, as when the server has just started.
    script = textwrap.dedent(
        """
        import time
        from resume_app.tailoring import embedding as service

        started = time.monotonic()
        service.start_model_load()
        returned_after = time.monotonic() - started
        first = service.model_progress()
        seen = [first.percent]
        while not service.model_progress().ready:
            assert not service.model_progress().error
            seen.append(service.model_progress().percent)
            time.sleep(0.05)
            assert time.monotonic() - started < 300
        print(returned_after, first.ready, seen[0], max(seen), service.model_progress().percent)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=600,
        env={"RESUME_APP_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    returned_after, first_ready, first_percent, most_before_ready, final = result.stdout.split()[-5:]
    # Starting the load does not wait for it; the page sees a percentage that grows to 100.
    assert float(returned_after) < 0.5
    assert first_ready == "False" and 0 <= int(first_percent) < 100
    assert int(most_before_ready) <= 95 and int(final) == 100
