"""prevent overlapping reservations

Revision ID: 0099
Revises: 0098
Create Date: 2025-02-08 09:18:19.102185

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0099'
down_revision: Union[str, Sequence[str], None] = '0098'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_exclude_constraint(
        "excl_reservations_room_during",
        "reservations",
        ("room", "="),
        ("during", "&&"),
        using="gist",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("excl_reservations_room_during", "reservations")
