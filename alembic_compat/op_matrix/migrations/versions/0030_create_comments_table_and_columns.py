"""create a table with table and column comments

Revision ID: 0030
Revises: 0029
Create Date: 2025-01-16 15:44:57.555774

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0030'
down_revision: Union[str, Sequence[str], None] = '0029'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "price_lists",
        sa.Column("id", sa.Integer(), primary_key=True, comment="Surrogate key"),
        sa.Column("name", sa.String(100), nullable=False, comment="Shown to customers; it's unique per region"),
        sa.Column("region_id", sa.SmallInteger(), sa.ForeignKey("regions.id"), comment="가격표 지역"),
        sa.Column("valid_until", sa.Date(), comment=None),
        comment="Price lists per region (지역별 가격표)",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("price_lists")
