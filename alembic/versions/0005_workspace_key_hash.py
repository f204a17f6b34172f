"""workspace: store only the SHA-256 of each workspace key

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 10:15:00.000000

A data migration, no change of columns (so no batch_alter_table): until now a
workspace's id was the browser's secret key itself, in the workspace table and in
every row it owns. Each workspace gets a new row under the hash of its key, every
owned row is moved to it, and the old row goes. Parents move before children are
deleted, so this works with foreign keys enforced (PostgreSQL) or not (SQLite), and
no ON DELETE CASCADE fires on a row that is still owned.

"""
import hashlib
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Every table with a workspace_id column (tables.py, _Owned).
OWNED_TABLES = ('resume', 'section', 'entry', 'bullet', 'skill', 'job_posting', 'tailored_version')


def _hash(key: str) -> str:
    # Must stay equal to resume_app.storage.repository.workspace_hash (a migration does
    # not import app code that may change after it).
    return hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # Overwrite what is deleted or moved with zeros, so the old keys do not linger
        # in free pages of the file.
        bind.exec_driver_sql('PRAGMA secure_delete=ON')
    workspace = sa.table('workspace', sa.column('id', sa.String), sa.column('created_at', sa.DateTime))
    rows = bind.execute(sa.select(workspace.c.id, workspace.c.created_at)).all()
    for key, created_at in rows:
        hashed = _hash(key)
        bind.execute(sa.insert(workspace).values(id=hashed, created_at=created_at))
        for name in OWNED_TABLES:
            owned = sa.table(name, sa.column('workspace_id', sa.String))
            bind.execute(sa.update(owned).where(owned.c.workspace_id == key).values(workspace_id=hashed))
        bind.execute(sa.delete(workspace).where(workspace.c.id == key))


def downgrade() -> None:
    """Downgrade schema."""
    # A hash cannot be turned back into the key; the browsers still hold their keys and
    # the code before this revision would look them up unhashed, finding nothing.
    raise NotImplementedError("Workspace keys are stored hashed from revision 0005 on; there is no way back.")
