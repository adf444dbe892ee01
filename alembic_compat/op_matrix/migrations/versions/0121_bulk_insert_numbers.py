"""seed measurements with numeric literals

Revision ID: 0121
Revises: 0120
Create Date: 2025-02-15 11:31:57.276403

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from decimal import Decimal


# revision identifiers, used by Alembic.
revision: str = '0121'
down_revision: Union[str, Sequence[str], None] = '0120'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "measurements",
            sa.column("id", sa.BigInteger()),
            sa.column("price", sa.Numeric(12, 2)),
            sa.column("ratio", sa.Numeric()),
            sa.column("weight", sa.Float()),
            sa.column("score", sa.Double()),
            sa.column("counter", sa.BigInteger()),
            sa.column("small_counter", sa.SmallInteger()),
        ),
        [
            {"id": 1, "price": Decimal("19.99"), "ratio": Decimal("0.3333333333"), "weight": 1.5, "score": -2.25e-5, "counter": 9007199254740993, "small_counter": 0},
            {"id": 2, "price": Decimal("0.01"), "ratio": None, "weight": 0.1, "score": 1e100, "counter": -1, "small_counter": 32767},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM measurements WHERE id IN (1, 2)")
