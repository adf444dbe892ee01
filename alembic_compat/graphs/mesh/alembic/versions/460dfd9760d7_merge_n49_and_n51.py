"""Merge n49 and n51

Revision ID: 460dfd9760d7
Revises: 4ea3cb8293a0, b63a51719af5
Create Date: 2024-01-24 00:46:44

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '460dfd9760d7'
down_revision: Union[str, Sequence[str], None] = ('4ea3cb8293a0', 'b63a51719af5')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
