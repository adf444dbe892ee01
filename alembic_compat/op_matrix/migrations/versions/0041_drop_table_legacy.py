"""drop the feature flags table

Revision ID: 0041
Revises: 0040
Create Date: 2025-01-19 16:52:16.642883

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0041'
down_revision: Union[str, Sequence[str], None] = '0040'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_table("feature_flags")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_table(
        "feature_flags",
        sa.Column("name", sa.VARCHAR(length=100), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.BOOLEAN(), server_default=sa.text("false"), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("name", name="feature_flags_pkey"),
    )
