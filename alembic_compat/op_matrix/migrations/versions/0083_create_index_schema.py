"""index finance ledger by booking time

Revision ID: 0083
Revises: 0082
Create Date: 2025-02-02 10:45:34.975481

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0083'
down_revision: Union[str, Sequence[str], None] = '0082'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(op.f("ix_finance_ledger_entries_booked_at"), "ledger_entries", ["booked_at"], unique=False, schema="finance")
    op.create_index("ix_order_user", "Order", ["user_id", "Status"], schema="Reporting")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_order_user", table_name="Order", schema="Reporting")
    op.drop_index(op.f("ix_finance_ledger_entries_booked_at"), table_name="ledger_entries", schema="finance")
