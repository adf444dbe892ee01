"""Merge migrations

Revision ID: 5c293f4122b1
Revises: 7b17b1e6d4ab, 66e8787ee198
Create Date: 2024-01-09 14:22:08

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5c293f4122b1'
down_revision: Union[str, Sequence[str], None] = ('7b17b1e6d4ab', '66e8787ee198')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
