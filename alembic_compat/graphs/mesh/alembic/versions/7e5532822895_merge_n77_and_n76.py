"""Merge n77 and n76

Revision ID: 7e5532822895
Revises: bccbda1f7893, 250c9d682514
Create Date: 2024-01-31 20:24:06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7e5532822895'
down_revision: Union[str, Sequence[str], None] = ('bccbda1f7893', '250c9d682514')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
