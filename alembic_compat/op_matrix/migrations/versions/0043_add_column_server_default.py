"""add locale to accounts with a default

Revision ID: 0043
Revises: 0042
Create Date: 2025-01-20 17:26:14.658721

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0043'
down_revision: Union[str, Sequence[str], None] = '0042'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("locale", sa.String(10), server_default="ko_KR", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "locale")
