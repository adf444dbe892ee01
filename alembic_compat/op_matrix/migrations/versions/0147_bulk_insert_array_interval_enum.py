"""seed rows with array, interval and enum values

Revision ID: 0147
Revises: 0146
Create Date: 2025-02-24 15:53:30.482297

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime

from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0147'
down_revision: Union[str, Sequence[str], None] = '0146'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table("tag_sets", sa.column("id", sa.Integer()), sa.column("tag_ids", postgresql.ARRAY(sa.Integer())), sa.column("notes", postgresql.ARRAY(sa.Text()))),
        [
            {"id": 2, "tag_ids": [1, 2, 3], "notes": ["first", "it's second"]},
            {"id": 3, "tag_ids": [7], "notes": None},
        ],
    )
    op.bulk_insert(
        sa.table("events", sa.column("id", sa.Integer()), sa.column("happens_on", sa.Date()), sa.column("starts_at", sa.DateTime()), sa.column("duration", sa.Interval())),
        [{"id": 3, "happens_on": datetime.date(2025, 5, 5), "starts_at": datetime.datetime(2025, 5, 5, 10, 0), "duration": datetime.timedelta(hours=1, minutes=30)}],
    )
    op.bulk_insert(
        sa.table("tickets", sa.column("id", sa.Integer()), sa.column("status", sa.Enum("open", "in_progress", "closed", name="ticket_status"))),
        [{"id": 3, "status": "in_progress"}],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM tickets WHERE id = 3")
    op.execute("DELETE FROM events WHERE id = 3")
    op.execute("DELETE FROM tag_sets WHERE id IN (2, 3)")
