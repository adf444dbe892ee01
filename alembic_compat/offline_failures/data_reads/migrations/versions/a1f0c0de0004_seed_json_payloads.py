"""seed json payloads

Revision ID: a1f0c0de0004
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:15:00.000004

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0004'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'json_literal'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("UPDATE orders SET status = 'new' WHERE status IS NULL")
    op.bulk_insert(
        sa.table("orders", sa.column("id", sa.Integer()), sa.column("payload", sa.JSON())),
        [{"id": 1, "payload": {"source": "import", "items": [1, 2]}}],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM orders WHERE id = 1")
