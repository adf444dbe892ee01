# -*- coding: utf-8 -*-
"""UTF-8 byte order mark and coding line (é)

Revision ID: 34c0c536fb8e
Revises: b80c59555304
Create Date: 2024-03-11 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '34c0c536fb8e'
down_revision = 'b80c59555304'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
