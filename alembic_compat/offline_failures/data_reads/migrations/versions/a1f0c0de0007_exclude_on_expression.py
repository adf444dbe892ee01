"""exclusion constraint on an expression

Revision ID: a1f0c0de0007
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:30:00.000007

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0007'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'exclude_expression'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_exclude_constraint("excl_orders_status", "orders", (sa.text("lower(status)"), "="), using="gist")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("excl_orders_status", "orders")
