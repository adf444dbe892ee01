"""create order items with column-level constraints

Revision ID: 0027
Revises: 0026
Create Date: 2025-01-15 09:53:30.532017

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0027'
down_revision: Union[str, Sequence[str], None] = '0026'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("product_id", sa.Integer(), sa.ForeignKey("products.id", ondelete="CASCADE", onupdate="CASCADE"), nullable=False),
        sa.Column("quantity", sa.Integer(), sa.CheckConstraint("quantity > 0", name="ck_order_items_quantity_positive"), nullable=False),
        sa.Column("coupon_code", sa.String(20), unique=True),
        sa.Column("note", sa.Text(), comment="Free text from the customer"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("order_items")
