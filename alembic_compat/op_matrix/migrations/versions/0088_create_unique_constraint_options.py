"""deferrable unique constraint in finance

Revision ID: 0088
Revises: 0087
Create Date: 2025-02-04 18:11:00.015076

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0088'
down_revision: Union[str, Sequence[str], None] = '0087'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_unique_constraint(
        "uq_ledger_entries_invoice_booked",
        "ledger_entries",
        ["invoice_id", "booked_at"],
        schema="finance",
        deferrable=True,
        initially="DEFERRED",
    )
    op.create_unique_constraint("uq_order_user_status", "Order", ["user_id", "Status"], schema="Reporting")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("uq_order_user_status", "Order", schema="Reporting", type_="unique")
    op.drop_constraint("uq_ledger_entries_invoice_booked", "ledger_entries", schema="finance", type_="unique")
