"""Merge n25 and n16

Revision ID: 97e26b4bce8e
Revises: 2f74cbde19a5, 86fad5eea58c
Create Date: 2024-01-16 05:08:22

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '97e26b4bce8e'
down_revision: Union[str, Sequence[str], None] = ('2f74cbde19a5', '86fad5eea58c')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
