"""make finance.ledger_entries.amount wider

Revision ID: 0068
Revises: 0067
Create Date: 2025-01-28 16:31:19.856696

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0068'
down_revision: Union[str, Sequence[str], None] = '0067'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("ledger_entries", "amount", type_=sa.Numeric(18, 4), existing_type=sa.Numeric(14, 2), existing_nullable=False, schema="finance")


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("ledger_entries", "amount", type_=sa.Numeric(14, 2), existing_type=sa.Numeric(18, 4), existing_nullable=False, schema="finance", postgresql_using="round(amount, 2)")
