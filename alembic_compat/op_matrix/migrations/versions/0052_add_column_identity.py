"""add an identity column

Revision ID: 0052
Revises: 0051
Create Date: 2025-01-23 17:58:35.729992

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0052'
down_revision: Union[str, Sequence[str], None] = '0051'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("events", sa.Column("seq", sa.BigInteger(), sa.Identity(always=True, start=1, increment=1), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("events", "seq")
