"""Merge n4 and n5

Revision ID: 989709e7b064
Revises: 52869d4b458a, 0d96f7b3f099
Create Date: 2024-01-10 04:48:42

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '989709e7b064'
down_revision: Union[str, Sequence[str], None] = ('52869d4b458a', '0d96f7b3f099')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
