"""archive timestamps on several tables

Revision ID: 0150
Revises: 0149
Create Date: 2025-02-25 12:44:57.506054

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0150'
down_revision: Union[str, Sequence[str], None] = '0149'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


ARCHIVABLE = ["tickets", "contracts", "coupons"]


def upgrade() -> None:
    """Upgrade schema."""
    for table_name in ARCHIVABLE:
        column = sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True)
        op.add_column(table_name, column)
        op.create_index(op.f(f"ix_{table_name}_archived_at"), table_name, ["archived_at"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    for table_name in reversed(ARCHIVABLE):
        op.drop_index(op.f(f"ix_{table_name}_archived_at"), table_name=table_name)
        op.drop_column(table_name, "archived_at")
