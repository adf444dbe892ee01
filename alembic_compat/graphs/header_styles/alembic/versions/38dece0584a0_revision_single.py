'''Single-element tuple down_revision, single-quoted docstring

Revision ID: 38dece0584a0
Revises: 104864c4aada
Create Date: 2024-03-05 10:00:00.000000

'''
from alembic import op

revision = '38dece0584a0'
down_revision = ('104864c4aada',)
branch_labels = ()
depends_on = ('9a1761b7db4b',)


def upgrade():
    op.execute("UPDATE header_styles_base SET name = upper(name)")


def downgrade():
    pass
