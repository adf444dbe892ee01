"""Merge n1 and n2

Revision ID: 576b1076325a
Revises: f907c66852c4, ebc659dc3f25
Create Date: 2024-01-09 07:09:51

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '576b1076325a'
down_revision: Union[str, Sequence[str], None] = ('f907c66852c4', 'ebc659dc3f25')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
