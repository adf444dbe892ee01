"""foreign key added without validation

Revision ID: 0093
Revises: 0092
Create Date: 2025-02-06 15:36:25.054671

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0093'
down_revision: Union[str, Sequence[str], None] = '0092'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("events", sa.Column("organizer_id", sa.Integer(), nullable=True))
    op.create_foreign_key(
        "fk_events_organizer_id_accounts",
        "events",
        "accounts",
        ["organizer_id"],
        ["id"],
        postgresql_not_valid=True,
    )
    op.execute("ALTER TABLE events VALIDATE CONSTRAINT fk_events_organizer_id_accounts")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_events_organizer_id_accounts", "events", type_="foreignkey")
    op.drop_column("events", "organizer_id")
