"""drop a column if it exists

Revision ID: 0057
Revises: 0056
Create Date: 2025-01-25 15:24:00.769587

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0057'
down_revision: Union[str, Sequence[str], None] = '0056'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_column("ledger_entries", "memo", schema="finance", if_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("ledger_entries", sa.Column("memo", sa.TEXT(), autoincrement=False, nullable=True), schema="finance")
