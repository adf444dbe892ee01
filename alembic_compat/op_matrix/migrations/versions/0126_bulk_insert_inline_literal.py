"""seed tickets using inline literals

Revision ID: 0126
Revises: 0125
Create Date: 2025-02-17 09:57:22.315998

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0126'
down_revision: Union[str, Sequence[str], None] = '0125'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "tickets",
            sa.column("id", sa.Integer()),
            sa.column("title", sa.String()),
            sa.column("status", sa.Enum("open", "in_progress", "closed", name="ticket_status")),
        ),
        [
            {"id": 1, "title": op.inline_literal("Printer on fire"), "status": op.inline_literal("open")},
            {"id": 2, "title": "Can't log in", "status": "closed"},
        ],
        multiinsert=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM tickets WHERE id IN (1, 2)")
