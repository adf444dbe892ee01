"""foreign key with actions and deferral

Revision ID: 0091
Revises: 0090
Create Date: 2025-02-05 15:02:27.038833

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0091'
down_revision: Union[str, Sequence[str], None] = '0090'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("order_items", sa.Column("invoice_id", sa.Integer(), nullable=True))
    op.create_foreign_key(
        "fk_order_items_invoice_id_invoices",
        "order_items",
        "invoices",
        ["invoice_id"],
        ["id"],
        onupdate="CASCADE",
        ondelete="SET NULL",
        deferrable=True,
        initially="DEFERRED",
        match="SIMPLE",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_order_items_invoice_id_invoices", "order_items", type_="foreignkey")
    op.drop_column("order_items", "invoice_id")
