"""backfill display names

Revision ID: 0105
Revises: 0104
Create Date: 2025-02-10 13:00:13.149699

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0105'
down_revision: Union[str, Sequence[str], None] = '0104'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("UPDATE accounts SET display_name = split_part(email, '@', 1) WHERE display_name IS NULL")


def downgrade() -> None:
    """Downgrade schema."""
    pass
