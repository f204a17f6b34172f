"""importer confidence per field

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 19:58:01.342107

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('resume', schema=None) as batch_op:
        # Existing resumes were typed or imported from JSON: no importer guesses to flag.
        batch_op.add_column(sa.Column('confidence', sa.JSON(), nullable=False, server_default='{}'))



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('resume', schema=None) as batch_op:
        batch_op.drop_column('confidence')

