"""create currencies with a manual integer key

Revision ID: 0007
Revises: 0006
Create Date: 2025-01-08 18:13:50.373637

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "currencies",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("code", sa.CHAR(3), nullable=False),
        sa.Column("minor_units", sa.SmallInteger(), server_default="2", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_currencies"),
        sa.UniqueConstraint("code", name="uq_currencies_code"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("currencies")
