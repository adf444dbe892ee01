"""index sessions by expiry if missing

Revision ID: 0082
Revises: 0081
Create Date: 2025-02-02 14:29:05.967562

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0082'
down_revision: Union[str, Sequence[str], None] = '0081'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_sessions_expires_at", "sessions", ["expires_at"], if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_sessions_expires_at", table_name="sessions", if_exists=True)
