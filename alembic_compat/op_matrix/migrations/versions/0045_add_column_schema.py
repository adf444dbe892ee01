"""add memo to finance.ledger_entries

Revision ID: 0045
Revises: 0044
Create Date: 2025-01-21 10:00:12.674559

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0045'
down_revision: Union[str, Sequence[str], None] = '0044'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("ledger_entries", sa.Column("memo", sa.Text(), nullable=True), schema="finance")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("ledger_entries", "memo", schema="finance")
