"""How long one editor save takes, as a ratio to the least a save must do.

Each edit in the editor loads the resume, applies the change and rewrites its
parts in one transaction (storage.repository.update_resume). The baseline, in
the same run and database, is a bare SQLAlchemy UPDATE of the one bullet row
that changed. Prints a table; run: .venv/bin/python bench/edit_speed.py
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import median_ms  # noqa: E402

REPEATS = 30


def _resume(bullet_count: int, jobs: int):
    from resume_app.core import editing
    from resume_app.core.model import Resume

    resume = Resume(title=f"{bullet_count} bullets")
    resume.contact.name = "Bench Person"
    entries = [editing.add_entry(resume, "work") for _ in range(jobs)]
    for index in range(bullet_count):
        text = f"Delivered project {index} ahead of schedule, cutting costs by {index % 50}% for 12 clients"
        editing.add_bullet(resume, entries[index % jobs].id, text)
    return resume


def main() -> None:
    if not os.environ.get("RESUME_APP_DATABASE_URL"):
        os.environ["RESUME_APP_DATA_DIR"] = tempfile.mkdtemp(prefix="resume-bench-")
    from sqlalchemy import update

    from resume_app.core import editing
    from resume_app.storage import db, repository
    from resume_app.storage.tables import BulletRow

    workspace = secrets.token_urlsafe(24)
    repository.ensure_workspace(workspace)
    print(f"database: {db.engine().url.render_as_string(hide_password=True)}")
    print(f"{'resume':<14}{'load ms':>10}{'save edit ms':>14}{'bare UPDATE ms':>16}{'ratio':>8}")
    for bullets, jobs in ((40, 5), (500, 25)):
        stored = repository.create_resume(workspace, _resume(bullets, jobs))
        target = stored.bullets()[bullets // 2].id
        counter = iter(range(10**9))

        def save_edit(target=target, stored=stored, counter=counter):
            text = f"Rewritten {next(counter)}"
            repository.update_resume(workspace, stored.id, lambda resume: editing.set_bullet_text(resume, target, text))

        def bare_update(target=target, counter=counter):
            with db.session_scope() as session:
                session.execute(update(BulletRow).where(BulletRow.id == target).values(text=f"Bare {next(counter)}"))

        load = median_ms(lambda stored=stored: repository.get_resume(workspace, stored.id), REPEATS)
        save = median_ms(save_edit, REPEATS)
        bare = median_ms(bare_update, REPEATS)
        print(f"{str(bullets) + ' bullets':<14}{load:>10.2f}{save:>14.2f}{bare:>16.2f}{save / bare:>7.1f}x")


if __name__ == "__main__":
    main()
