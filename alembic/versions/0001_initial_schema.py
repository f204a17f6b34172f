"""Initial schema: workspaces, resumes and their parts, postings, tailored versions, embedding cache.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 19:35:46.573393

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('embedding_cache',
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('dimensions', sa.Integer(), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('model', 'text_hash')
    )
    op.create_table('workspace',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('job_posting',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('company', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_posting_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('resume',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('contact', sa.JSON(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resume', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resume_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('section',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('resume_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_section_resume_id'), ['resume_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_section_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('tailored_version',
    sa.Column('resume_id', sa.String(length=64), nullable=False),
    sa.Column('job_posting_id', sa.String(length=64), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('bullet_ids', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['job_posting_id'], ['job_posting.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tailored_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tailored_version_job_posting_id'), ['job_posting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tailored_version_resume_id'), ['resume_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tailored_version_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('entry',
    sa.Column('section_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('organization', sa.Text(), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('start_date', sa.String(length=16), nullable=False),
    sa.Column('end_date', sa.String(length=16), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('resume_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_resume_id'), ['resume_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_section_id'), ['section_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('skill',
    sa.Column('section_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('level', sa.Text(), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('resume_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_resume_id'), ['resume_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skill_section_id'), ['section_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skill_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('bullet',
    sa.Column('entry_id', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('resume_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('workspace_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['entry.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspace.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('bullet', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bullet_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bullet_resume_id'), ['resume_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bullet_workspace_id'), ['workspace_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('bullet', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bullet_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_bullet_resume_id'))
        batch_op.drop_index(batch_op.f('ix_bullet_entry_id'))

    op.drop_table('bullet')
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skill_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_skill_section_id'))
        batch_op.drop_index(batch_op.f('ix_skill_resume_id'))

    op.drop_table('skill')
    with op.batch_alter_table('entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entry_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_entry_section_id'))
        batch_op.drop_index(batch_op.f('ix_entry_resume_id'))

    op.drop_table('entry')
    with op.batch_alter_table('tailored_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tailored_version_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_tailored_version_resume_id'))
        batch_op.drop_index(batch_op.f('ix_tailored_version_job_posting_id'))

    op.drop_table('tailored_version')
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_section_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_section_resume_id'))

    op.drop_table('section')
    with op.batch_alter_table('resume', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resume_workspace_id'))

    op.drop_table('resume')
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_posting_workspace_id'))

    op.drop_table('job_posting')
    op.drop_table('workspace')
    op.drop_table('embedding_cache')
