"""backfill by reading rows

Revision ID: a1f0c0de0001
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:00:00.000001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0001'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'fetch_rows'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("orders", sa.Column("status_code", sa.SmallInteger(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, status FROM orders")).fetchall()
    for row in rows:
        conn.execute(
            sa.text("UPDATE orders SET status_code = :code WHERE id = :id"),
            {"code": 1 if row.status == "new" else 2, "id": row.id},
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("orders", "status_code")
