"""portable json type chosen at import time

Revision ID: 0162
Revises: 0161
Create Date: 2025-03-01 10:08:45.601082

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0162'
down_revision: Union[str, Sequence[str], None] = '0161'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


try:
    from sqlalchemy.dialects.postgresql import JSONB as JsonType
except ImportError:  # pragma: no cover - other dialects
    JsonType = sa.JSON


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("plans", sa.Column("limits", JsonType(), server_default=sa.text("'{}'"), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("plans", "limits")
