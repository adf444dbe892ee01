"""Merge n38 and n43

Revision ID: 83c09b8b8272
Revises: e35312aa59b0, 33ee3a618f0e
Create Date: 2024-01-21 22:15:45

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '83c09b8b8272'
down_revision: Union[str, Sequence[str], None] = ('e35312aa59b0', '33ee3a618f0e')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
