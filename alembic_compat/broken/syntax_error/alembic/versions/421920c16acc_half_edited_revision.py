"""half-edited revision

Revision ID: 421920c16acc
Revises: 8499ab4ea1de
Create Date: 2024-06-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '421920c16acc'
down_revision = '8499ab4ea1de'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('broken', sa.Column('x', sa.Integer())
    op.create_index('ix_broken_x', 'broken', ['x'])


def downgrade():
    pass
