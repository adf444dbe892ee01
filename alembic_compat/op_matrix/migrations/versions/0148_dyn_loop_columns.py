"""sales targets with one column per quarter

Revision ID: 0148
Revises: 0147
Create Date: 2025-02-24 12:10:59.490216

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0148'
down_revision: Union[str, Sequence[str], None] = '0147'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


QUARTERS = ("q1", "q2", "q3", "q4")


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "sales_targets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        *[sa.Column(f"target_{q}", sa.Numeric(14, 2), server_default="0", nullable=False) for q in QUARTERS],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("sales_targets")
