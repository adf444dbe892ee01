"""index name longer than 63 characters

Revision ID: a1f0c0de0006
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:25:00.000006

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0006'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'long_name'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_orders_status_total_cents_for_the_monthly_revenue_dashboard_query", "orders", ["status", "total_cents"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_orders_status_total_cents_for_the_monthly_revenue_dashboard_query", table_name="orders")
