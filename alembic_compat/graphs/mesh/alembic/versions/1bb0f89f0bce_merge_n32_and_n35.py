"""Merge n32 and n35

Revision ID: 1bb0f89f0bce
Revises: bb10fde23eb5, 0ab08b0bfdfd
Create Date: 2024-01-19 05:18:12

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1bb0f89f0bce'
down_revision: Union[str, Sequence[str], None] = ('bb10fde23eb5', '0ab08b0bfdfd')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
