"""add a unique external id to organizations

Revision ID: 0048
Revises: 0047
Create Date: 2025-01-22 15:50:39.698316

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0048'
down_revision: Union[str, Sequence[str], None] = '0047'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("organizations", sa.Column("external_id", sa.String(64), unique=True, nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("organizations", "external_id")
