"""Merge n21 and n19

Revision ID: f4fc057230a0
Revises: ba279a12d5f0, b0194247181a
Create Date: 2024-01-15 00:16:14

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f4fc057230a0'
down_revision: Union[str, Sequence[str], None] = ('ba279a12d5f0', 'b0194247181a')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
