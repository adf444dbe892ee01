"""exclusion constraint with a where clause

Revision ID: 0100
Revises: 0099
Create Date: 2025-02-08 14:34:48.110104

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0100'
down_revision: Union[str, Sequence[str], None] = '0099'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_exclude_constraint(
        "excl_bookings_room_during_active",
        "bookings",
        ("room_id", "="),
        ("during", "&&"),
        where=sa.text("NOT cancelled"),
        using="gist",
        deferrable=True,
        initially="DEFERRED",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("excl_bookings_room_during_active", "bookings")
