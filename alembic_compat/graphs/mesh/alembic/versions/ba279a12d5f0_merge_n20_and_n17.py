"""Merge n20 and n17

Revision ID: ba279a12d5f0
Revises: 8f8557b4816c, 0c29dd4d2618
Create Date: 2024-01-14 17:03:57

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'ba279a12d5f0'
down_revision: Union[str, Sequence[str], None] = ('8f8557b4816c', '0c29dd4d2618')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
