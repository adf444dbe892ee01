"""Merge migrations

Revision ID: adfca81dc7e5
Revises: 62f8e6fc5367, 0b1aa97771a7, d94e0d9642fa
Create Date: 2024-01-12 14:32:58

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'adfca81dc7e5'
down_revision: Union[str, Sequence[str], None] = ('62f8e6fc5367', '0b1aa97771a7', 'd94e0d9642fa')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
