"""sequences through SQLAlchemy DDL constructs

Revision ID: 0117
Revises: 0116
Create Date: 2025-02-14 09:24:01.244727

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0117'
down_revision: Union[str, Sequence[str], None] = '0116'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(sa.schema.CreateSequence(sa.Sequence("invoice_number_seq", start=1000, increment=1)))
    op.execute(sa.schema.CreateSequence(sa.Sequence("ledger_batch_seq", schema="finance", minvalue=1, cache=20)))
    op.alter_column("invoices", "customer_ref", server_default=sa.text("'C' || nextval('invoice_number_seq')::text"), existing_type=sa.String(40))


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("invoices", "customer_ref", server_default=None, existing_type=sa.String(40))
    op.execute(sa.schema.DropSequence(sa.Sequence("ledger_batch_seq", schema="finance")))
    op.execute(sa.schema.DropSequence(sa.Sequence("invoice_number_seq")))
