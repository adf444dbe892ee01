"""create order lines with computed columns

Revision ID: 0011
Revises: 0010
Create Date: 2025-01-09 10:21:46.405313

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("unit_price", sa.Numeric(10, 2), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), sa.Computed("unit_price * quantity", persisted=True)),
        sa.Column("label", sa.Text(), sa.Computed("'line ' || id::text", persisted=True)),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("order_lines")
