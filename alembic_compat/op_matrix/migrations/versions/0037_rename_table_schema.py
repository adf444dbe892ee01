"""rename finance.api_keys to finance.access_keys

Revision ID: 0037
Revises: 0036
Create Date: 2025-01-18 14:44:20.611207

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0037'
down_revision: Union[str, Sequence[str], None] = '0036'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.rename_table("api_keys", "access_keys", schema="finance")


def downgrade() -> None:
    """Downgrade schema."""
    op.rename_table("access_keys", "api_keys", schema="finance")
