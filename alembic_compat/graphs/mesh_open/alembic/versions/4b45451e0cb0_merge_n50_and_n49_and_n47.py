"""Merge n50 and n49 and n47

Revision ID: 4b45451e0cb0
Revises: 8e1668b35979, cb06f7070895, 4c010731122d
Create Date: 2024-01-24 15:12:18

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4b45451e0cb0'
down_revision: Union[str, Sequence[str], None] = ('8e1668b35979', 'cb06f7070895', '4c010731122d')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
