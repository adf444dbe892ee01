"""statement timeout only when generating SQL

Revision ID: 0154
Revises: 0153
Create Date: 2025-02-26 14:52:53.537730

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0154'
down_revision: Union[str, Sequence[str], None] = '0153'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    ctx = op.get_context()
    if ctx.as_sql:
        op.execute("SET LOCAL statement_timeout = '5min'")
    op.create_index("ix_order_lines_quantity", "order_lines", ["quantity"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_order_lines_quantity", table_name="order_lines")
