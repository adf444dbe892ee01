"""create tables with reserved and mixed-case names

Revision ID: 0034
Revises: 0033
Create Date: 2025-01-17 17:52:53.587450

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0034'
down_revision: Union[str, Sequence[str], None] = '0033'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("select", sa.String(50), nullable=True),
        sa.Column("Order", sa.Integer(), nullable=True),
        sa.Column("group", sa.String(30), server_default="default", nullable=False),
    )
    op.create_table(
        "Order",
        sa.Column("Id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("TotalAmount", sa.Numeric(10, 2), nullable=False),
        sa.Column("desc", sa.Text(), nullable=True),
        schema="Reporting",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("Order", schema="Reporting")
    op.drop_table("user")
