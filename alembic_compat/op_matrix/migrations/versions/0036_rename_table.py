"""rename price_lists to tariffs

Revision ID: 0036
Revises: 0035
Create Date: 2025-01-18 09:26:51.603288

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0036'
down_revision: Union[str, Sequence[str], None] = '0035'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.rename_table("price_lists", "tariffs")


def downgrade() -> None:
    """Downgrade schema."""
    op.rename_table("tariffs", "price_lists")
