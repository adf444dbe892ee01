"""store event times with time zone

Revision ID: 0071
Revises: 0070
Create Date: 2025-01-29 13:21:46.880453

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0071'
down_revision: Union[str, Sequence[str], None] = '0070'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "events",
        "starts_at",
        type_=sa.DateTime(timezone=True),
        existing_type=postgresql.TIMESTAMP(),
        existing_nullable=False,
        postgresql_using="starts_at AT TIME ZONE 'UTC'",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column(
        "events",
        "starts_at",
        type_=postgresql.TIMESTAMP(),
        existing_type=sa.DateTime(timezone=True),
        existing_nullable=False,
        postgresql_using="starts_at AT TIME ZONE 'UTC'",
    )
