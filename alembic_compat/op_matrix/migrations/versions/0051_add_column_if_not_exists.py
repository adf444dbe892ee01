"""add a column if it does not exist

Revision ID: 0051
Revises: 0050
Create Date: 2025-01-23 12:42:06.722073

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0051'
down_revision: Union[str, Sequence[str], None] = '0050'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("products", sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False), if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("products", "archived", if_exists=True)
