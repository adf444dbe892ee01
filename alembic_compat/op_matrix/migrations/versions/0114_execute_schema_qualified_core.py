"""core update on a schema-qualified table

Revision ID: 0114
Revises: 0113
Create Date: 2025-02-13 12:32:34.220970

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0114'
down_revision: Union[str, Sequence[str], None] = '0113'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    ledger = sa.table("ledger_entries", sa.column("amount", sa.Numeric), sa.column("invoice_id", sa.Integer), schema="finance")
    op.execute(ledger.delete().where(ledger.c.amount == 0).where(ledger.c.invoice_id.is_(None)))
    op.execute(ledger.update().values(amount=ledger.c.amount * 100).where(ledger.c.invoice_id > 1000))


def downgrade() -> None:
    """Downgrade schema."""
    pass
