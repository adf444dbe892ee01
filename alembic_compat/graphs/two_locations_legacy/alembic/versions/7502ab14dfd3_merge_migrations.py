"""Merge migrations

Revision ID: 7502ab14dfd3
Revises: 23c58e3b1a9e, c5b2ea3412fe
Create Date: 2024-01-09 14:22:08

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7502ab14dfd3'
down_revision: Union[str, Sequence[str], None] = ('23c58e3b1a9e', 'c5b2ea3412fe')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
