"""merge with a list down_revision

Revision ID: 104864c4aada
Revises: 745faa393635, 2032731a1373
Create Date: 2024-03-03 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '104864c4aada'
down_revision = ['745faa393635', '2032731a1373']
branch_labels = ['listed']
depends_on = []


def upgrade():
    pass


def downgrade():
    pass
