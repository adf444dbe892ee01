"""create plans and seed them from the returned table

Revision ID: 0160
Revises: 0159
Create Date: 2025-02-28 17:34:47.585244

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from decimal import Decimal


# revision identifiers, used by Alembic.
revision: str = '0160'
down_revision: Union[str, Sequence[str], None] = '0159'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    plans = op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, unique=True),
        sa.Column("monthly_price", sa.Numeric(10, 2), nullable=False),
        sa.Column("features", sa.JSON(), nullable=True),
    )
    op.bulk_insert(
        plans,
        [
            {"id": 1, "name": "free", "monthly_price": Decimal("0.00"), "features": None},
            {"id": 2, "name": "pro", "monthly_price": Decimal("29.00"), "features": None},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("plans")
