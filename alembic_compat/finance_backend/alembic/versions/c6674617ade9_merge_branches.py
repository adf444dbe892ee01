"""Merge branches

Revision ID: c6674617ade9
Revises: 00d4fbc3acc8, 482a099466d7
Create Date: 2026-11-21 04:34:02.370262

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c6674617ade9'
down_revision = ('00d4fbc3acc8', '482a099466d7')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
