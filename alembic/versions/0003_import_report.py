"""import report: the lines the importer could not place

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('resume', schema=None) as batch_op:
        # Resumes imported before this had no report: nothing to show for them.
        batch_op.add_column(sa.Column('import_report', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('resume', schema=None) as batch_op:
        batch_op.drop_column('import_report')
