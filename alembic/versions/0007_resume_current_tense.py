"""resume.current_tense: the tense a person writes their current role's bullets in

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:40:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('resume') as batch:
        batch.add_column(sa.Column('current_tense', sa.String(length=8), server_default='', nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('resume') as batch:
        batch.drop_column('current_tense')
