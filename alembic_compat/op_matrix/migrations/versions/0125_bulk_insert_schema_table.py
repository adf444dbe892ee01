"""seed finance fx rates

Revision ID: 0125
Revises: 0124
Create Date: 2025-02-16 13:39:53.308079

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime
from decimal import Decimal


# revision identifiers, used by Alembic.
revision: str = '0125'
down_revision: Union[str, Sequence[str], None] = '0124'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "fx_rates",
            sa.column("currency_id", sa.Integer()),
            sa.column("day", sa.Date()),
            sa.column("rate", sa.Numeric(18, 8)),
            schema="finance",
        ),
        [
            {"currency_id": 410, "day": datetime.date(2025, 1, 2), "rate": Decimal("1.00000000")},
            {"currency_id": 840, "day": datetime.date(2025, 1, 2), "rate": Decimal("0.00068512")},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(sa.text("DELETE FROM finance.fx_rates WHERE day = :day").bindparams(day=datetime.date(2025, 1, 2)))
