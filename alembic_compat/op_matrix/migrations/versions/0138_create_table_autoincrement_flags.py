"""create line items with explicit autoincrement flags

Revision ID: 0138
Revises: 0137
Create Date: 2025-02-21 15:21:09.411026

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0138'
down_revision: Union[str, Sequence[str], None] = '0137'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "line_items",
        sa.Column("invoice_id", sa.Integer(), sa.ForeignKey("invoices.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("external_no", sa.BigInteger(), autoincrement=True, nullable=True),
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("rows", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("import_batches")
    op.drop_table("line_items")
