"""guard with a scalar count

Revision ID: a1f0c0de0002
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:05:00.000002

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0002'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'scalar_count'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    count = op.get_bind().execute(sa.select(sa.func.count()).select_from(sa.table("orders"))).scalar()
    if count > 1_000_000:
        raise RuntimeError("too many orders for an online backfill")
    op.create_index("ix_orders_status", "orders", ["status"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_orders_status", table_name="orders")
