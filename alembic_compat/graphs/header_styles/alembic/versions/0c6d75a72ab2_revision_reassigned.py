"""down_revision edited after a rebase: the later assignment wins

Revision ID: 0c6d75a72ab2
Revises: 660532fd6e9f
Create Date: 2024-03-09 10:00:00.000000

"""
from alembic import op

revision = '0c6d75a72ab2'
down_revision = 'f617582f6649'
branch_labels = None
depends_on = None

# rebased onto the new head
down_revision = '660532fd6e9f'


def upgrade():
    pass


def downgrade():
    pass
