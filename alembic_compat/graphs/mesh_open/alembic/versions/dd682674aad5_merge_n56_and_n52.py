"""Merge n56 and n52

Revision ID: dd682674aad5
Revises: 2f6a17d8f90b, 03bab2d9d680
Create Date: 2024-01-25 12:51:09

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'dd682674aad5'
down_revision: Union[str, Sequence[str], None] = ('2f6a17d8f90b', '03bab2d9d680')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
