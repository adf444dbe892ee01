"""Merge migrations

Revision ID: d99a613e6484
Revises: 3cc607cabe18, be6863b8a4c1
Create Date: 2024-01-09 21:35:25

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd99a613e6484'
down_revision: Union[str, Sequence[str], None] = ('3cc607cabe18', 'be6863b8a4c1')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
