"""batch rebuild without copy_from

Revision ID: a1f0c0de0005
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:20:00.000005

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0005'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'batch_reflect'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_orders_total_cents", "orders", ["total_cents"])
    with op.batch_alter_table("orders", recreate="always") as batch_op:
        batch_op.alter_column("status", type_=sa.String(40), existing_type=sa.String(20))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_orders_total_cents", table_name="orders")
