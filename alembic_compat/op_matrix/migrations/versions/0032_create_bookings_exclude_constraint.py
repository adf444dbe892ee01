"""create bookings with an exclusion constraint

Revision ID: 0032
Revises: 0031
Create Date: 2025-01-16 16:18:55.571612

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0032'
down_revision: Union[str, Sequence[str], None] = '0031'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("during", postgresql.TSTZRANGE(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), server_default=sa.false(), nullable=False),
        postgresql.ExcludeConstraint(
            ("room_id", "="),
            ("during", "&&"),
            name="excl_bookings_room_overlap",
            using="gist",
            where=sa.text("NOT cancelled"),
        ),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("bookings")
