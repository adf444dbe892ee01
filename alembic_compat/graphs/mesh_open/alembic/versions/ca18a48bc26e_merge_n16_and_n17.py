"""Merge n16 and n17

Revision ID: ca18a48bc26e
Revises: 6733f137aa7c, e3002b396422
Create Date: 2024-01-13 19:24:06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'ca18a48bc26e'
down_revision: Union[str, Sequence[str], None] = ('6733f137aa7c', 'e3002b396422')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
