"""column without a type

Revision ID: a1f0c0de0008
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:35:00.000008

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0008'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'null_type'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("orders", sa.Column("legacy_ref", sa.String(30), nullable=True))
    op.add_column("orders", sa.Column("imported_at"))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("orders", "imported_at")
    op.drop_column("orders", "legacy_ref")
