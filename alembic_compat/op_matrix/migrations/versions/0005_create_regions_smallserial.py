"""create regions with a smallint key

Revision ID: 0005
Revises: 0004
Create Date: 2025-01-07 16:39:52.357799

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "regions",
        sa.Column("id", sa.SmallInteger, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("regions")
