"""tailored version: page budget, and what fitting it left out

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('tailored_version', schema=None) as batch_op:
        # Versions made before this left nothing out and had no budget.
        batch_op.add_column(sa.Column('left_out_entry_ids', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('left_out_summary_ids', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('page_budget', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('tailored_version', schema=None) as batch_op:
        batch_op.drop_column('page_budget')
        batch_op.drop_column('left_out_summary_ids')
        batch_op.drop_column('left_out_entry_ids')
