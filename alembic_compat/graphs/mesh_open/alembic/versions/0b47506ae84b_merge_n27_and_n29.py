"""Merge n27 and n29

Revision ID: 0b47506ae84b
Revises: 3937cbcb432d, cb26b515b64e
Create Date: 2024-01-18 00:26:04

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0b47506ae84b'
down_revision: Union[str, Sequence[str], None] = ('3937cbcb432d', 'cb26b515b64e')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
