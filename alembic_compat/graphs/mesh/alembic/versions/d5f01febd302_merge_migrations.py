"""Merge migrations

Revision ID: d5f01febd302
Revises: e8224a3e4d15, ae9a7c4bb5e7
Create Date: 2024-02-04 11:00:30

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd5f01febd302'
down_revision: Union[str, Sequence[str], None] = ('e8224a3e4d15', 'ae9a7c4bb5e7')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
