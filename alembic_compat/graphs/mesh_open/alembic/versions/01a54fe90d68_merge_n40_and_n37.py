"""Merge n40 and n37

Revision ID: 01a54fe90d68
Revises: bb70ff4ccd59, f39f3f173fd3
Create Date: 2024-01-21 00:36:54

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '01a54fe90d68'
down_revision: Union[str, Sequence[str], None] = ('bb70ff4ccd59', 'f39f3f173fd3')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
