"""add an indexed column to invoices

Revision ID: 0049
Revises: 0048
Create Date: 2025-01-22 12:08:08.706235

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0049'
down_revision: Union[str, Sequence[str], None] = '0048'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("invoices", sa.Column("customer_ref", sa.String(40), index=True, nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_invoices_customer_ref", table_name="invoices")
    op.drop_column("invoices", "customer_ref")
