"""Merge n71 and n70

Revision ID: a6747aff1d1e
Revises: b0c4e2fab346, 7b14f681e43a
Create Date: 2024-01-30 01:06:24

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a6747aff1d1e'
down_revision: Union[str, Sequence[str], None] = ('b0c4e2fab346', '7b14f681e43a')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
