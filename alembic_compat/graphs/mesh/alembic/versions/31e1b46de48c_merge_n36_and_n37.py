"""Merge n36 and n37

Revision ID: 31e1b46de48c
Revises: 1bb0f89f0bce, a2eb296a7480
Create Date: 2024-01-19 19:44:46

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '31e1b46de48c'
down_revision: Union[str, Sequence[str], None] = ('1bb0f89f0bce', 'a2eb296a7480')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
