"""Merge n21 and n20

Revision ID: 699b1a87bde1
Revises: 63c7dea7e54c, 84bbd79d1e63
Create Date: 2024-01-15 00:16:14

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '699b1a87bde1'
down_revision: Union[str, Sequence[str], None] = ('63c7dea7e54c', '84bbd79d1e63')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
