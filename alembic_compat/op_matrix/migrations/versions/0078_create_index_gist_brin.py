"""gist and brin indexes

Revision ID: 0078
Revises: 0077
Create Date: 2025-02-01 12:21:09.935886

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0078'
down_revision: Union[str, Sequence[str], None] = '0077'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_reservations_during", "reservations", ["during"], postgresql_using="gist")
    op.create_index("ix_events_recorded_at_brin", "events", ["recorded_at"], postgresql_using="brin", postgresql_with={"pages_per_range": 32})


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_events_recorded_at_brin", table_name="events")
    op.drop_index("ix_reservations_during", table_name="reservations")
