"""add a checked discount column

Revision ID: 0050
Revises: 0049
Create Date: 2025-01-22 16:24:37.714154

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0050'
down_revision: Union[str, Sequence[str], None] = '0049'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("order_items", sa.Column("discount_pct", sa.Integer(), sa.CheckConstraint("discount_pct BETWEEN 0 AND 100", name="ck_order_items_discount_pct"), server_default="0", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("order_items", "discount_pct")
