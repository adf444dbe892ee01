"""seed events with dates and times

Revision ID: 0123
Revises: 0122
Create Date: 2025-02-16 13:05:55.292241

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime


# revision identifiers, used by Alembic.
revision: str = '0123'
down_revision: Union[str, Sequence[str], None] = '0122'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "events",
            sa.column("id", sa.Integer()),
            sa.column("happens_on", sa.Date()),
            sa.column("starts_at", sa.DateTime(timezone=True)),
            sa.column("doors_open", sa.Time()),
            sa.column("recorded_at", sa.DateTime()),
        ),
        [
            {
                "id": 1,
                "happens_on": datetime.date(2025, 3, 1),
                "starts_at": datetime.datetime(2025, 3, 1, 19, 30, tzinfo=datetime.timezone.utc),
                "doors_open": datetime.time(18, 45, 30, 250000),
                "recorded_at": datetime.datetime(2025, 1, 2, 3, 4, 5, 678901),
            },
            {
                "id": 2,
                "happens_on": datetime.date(2024, 12, 31),
                "starts_at": datetime.datetime(2024, 12, 31, 23, 59, 59),
                "doors_open": None,
                "recorded_at": datetime.datetime(2024, 12, 1, 0, 0, 30, 250000),
            },
        ],
        multiinsert=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM events WHERE id IN (1, 2)")
