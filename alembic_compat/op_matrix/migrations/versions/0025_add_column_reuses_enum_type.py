"""add a column of an existing enum type

Revision ID: 0025
Revises: 0024
Create Date: 2025-01-14 17:19:32.516179

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0025'
down_revision: Union[str, Sequence[str], None] = '0024'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        "tickets",
        sa.Column("previous_status", sa.Enum("open", "in_progress", "closed", name="ticket_status", create_type=False), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("tickets", "previous_status")
