"""add a computed column

Revision ID: 0053
Revises: 0052
Create Date: 2025-01-23 13:16:04.737911

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0053'
down_revision: Union[str, Sequence[str], None] = '0052'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("measurements", sa.Column("price_with_vat", sa.Numeric(14, 2), sa.Computed("price * 1.1", persisted=True)))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("measurements", "price_with_vat")
