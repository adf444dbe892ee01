"""one index with every PostgreSQL option

Revision ID: 0143
Revises: 0142
Create Date: 2025-02-22 13:45:34.450621

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0143'
down_revision: Union[str, Sequence[str], None] = '0142'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_ledger_entries_open_invoices",
        "ledger_entries",
        ["invoice_id", sa.text("booked_at DESC")],
        unique=True,
        schema="finance",
        postgresql_using="btree",
        postgresql_where=sa.text("invoice_id IS NOT NULL"),
        postgresql_include=["amount"],
        postgresql_with={"fillfactor": 80},
        postgresql_ops={"invoice_id": "int4_ops"},
        if_not_exists=True,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_ledger_entries_open_invoices", table_name="ledger_entries", schema="finance", if_exists=True)
