"""case-insensitive e-mail index

Revision ID: 0075
Revises: 0074
Create Date: 2025-01-31 15:29:42.912129

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0075'
down_revision: Union[str, Sequence[str], None] = '0074'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_accounts_lower_email", "accounts", [sa.text("lower(email)")], unique=True)
    op.create_index("ix_events_recent", "events", ["happens_on", sa.text("starts_at DESC")])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_events_recent", table_name="events")
    op.drop_index("ix_accounts_lower_email", table_name="accounts")
