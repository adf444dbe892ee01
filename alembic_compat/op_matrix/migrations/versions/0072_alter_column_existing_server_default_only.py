"""make tickets.title nullable keeping its shape

Revision ID: 0072
Revises: 0071
Create Date: 2025-01-30 09:39:15.888372

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0072'
down_revision: Union[str, Sequence[str], None] = '0071'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("tickets", "title", nullable=True, existing_type=sa.String(200), existing_server_default=None, existing_comment=None)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("tickets", "title", nullable=False, existing_type=sa.String(200))
