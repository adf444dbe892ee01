"""create tickets with a native enum

Revision ID: 0021
Revises: 0020
Create Date: 2025-01-13 16:11:36.484503

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0021'
down_revision: Union[str, Sequence[str], None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.Enum("open", "in_progress", "closed", name="ticket_status"), server_default="open", nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("tickets")
    op.execute("DROP TYPE ticket_status")
