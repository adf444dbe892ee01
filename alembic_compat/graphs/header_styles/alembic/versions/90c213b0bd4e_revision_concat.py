"""Identifiers split by implicit string concatenation (still literals)

Revision ID: 90c213b0bd4e
Revises: 38dece0584a0
Create Date: 2024-03-06 10:00:00.000000

"""
from alembic import op

revision = "90c21" "3b0bd4e"
down_revision = (
    "38dece0584a0"
)
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
