"""create countries keyed by ISO code

Revision ID: 0006
Revises: 0005
Create Date: 2025-01-08 12:57:21.365718

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "countries",
        sa.Column("code", sa.CHAR(2), primary_key=True),
        sa.Column("numeric_code", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Unicode(100), nullable=False),
        sa.Column("region_id", sa.SmallInteger(), sa.ForeignKey("regions.id"), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("countries")
