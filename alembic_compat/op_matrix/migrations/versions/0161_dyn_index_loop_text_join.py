"""indexes and closes from loops and joins

Revision ID: 0161
Revises: 0160
Create Date: 2025-02-28 13:52:16.593163

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0161'
down_revision: Union[str, Sequence[str], None] = '0160'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


CLOSED_IDS = [3, 5, 8]


def upgrade() -> None:
    """Upgrade schema."""
    for column in ("status", "account_id"):
        op.create_index(f"ix_tickets_by_{column}", "tickets", [column])
    op.execute(sa.text("UPDATE tickets SET status = 'closed' WHERE id IN (" + ", ".join(str(i) for i in CLOSED_IDS) + ")"))


def downgrade() -> None:
    """Downgrade schema."""
    for column in ("account_id", "status"):
        op.drop_index(f"ix_tickets_by_{column}", table_name="tickets")
