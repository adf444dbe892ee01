"""Merge n15 and n14

Revision ID: 6733f137aa7c
Revises: 47cd47fd3d51, f90407444fbe
Create Date: 2024-01-13 04:58:32

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6733f137aa7c'
down_revision: Union[str, Sequence[str], None] = ('47cd47fd3d51', 'f90407444fbe')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
