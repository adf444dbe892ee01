"""Merge n57 and n53

Revision ID: 12bbd380591c
Revises: dd682674aad5, 19fe2dea2ba4
Create Date: 2024-01-26 03:17:43

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '12bbd380591c'
down_revision: Union[str, Sequence[str], None] = ('dd682674aad5', '19fe2dea2ba4')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
