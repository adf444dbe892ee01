"""Merge n29 and n30 and n28

Revision ID: 77ca269b763e
Revises: 508a81791788, 9747caa89271, 593b04585279
Create Date: 2024-01-17 17:13:47

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '77ca269b763e'
down_revision: Union[str, Sequence[str], None] = ('508a81791788', '9747caa89271', '593b04585279')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
