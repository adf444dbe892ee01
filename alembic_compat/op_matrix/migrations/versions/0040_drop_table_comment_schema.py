"""comment and uncomment a finance table

Revision ID: 0040
Revises: 0039
Create Date: 2025-01-19 11:34:47.634964

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0040'
down_revision: Union[str, Sequence[str], None] = '0039'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table_comment("ledger_entries", "원장 (general ledger)", schema="finance")
    op.drop_table_comment("ledger_entries", existing_comment="원장 (general ledger)", schema="finance")
    op.create_table_comment("ledger_entries", "General ledger entries", schema="finance")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table_comment("ledger_entries", existing_comment="General ledger entries", schema="finance")
