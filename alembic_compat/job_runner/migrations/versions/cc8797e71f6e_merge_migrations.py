"""Merge migrations

Revision ID: cc8797e71f6e
Revises: 8f75e95497fa, e11effefe76c
Create Date: 2026-11-21 04:34:42.996539

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'cc8797e71f6e'
down_revision: Union[str, Sequence[str], None] = ('8f75e95497fa', 'e11effefe76c')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
