"""create events with date and time types

Revision ID: 0013
Revises: 0012
Create Date: 2025-01-10 11:55:44.421151

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("happens_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("starts_at_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("doors_open", sa.Time(), nullable=True),
        sa.Column("doors_open_tz", sa.Time(timezone=True), nullable=True),
        sa.Column("recorded_at", sa.TIMESTAMP(timezone=True), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("duration", sa.Interval(), nullable=True),
        sa.Column("grace_period", postgresql.INTERVAL(fields="DAY TO SECOND", precision=3), nullable=True),
        sa.Column("reminder_lead", postgresql.INTERVAL(fields="HOUR"), nullable=True),
        sa.Column("precise_at", postgresql.TIMESTAMP(precision=6), nullable=True),
        sa.Column("local_time", postgresql.TIME(timezone=False, precision=0), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("events")
