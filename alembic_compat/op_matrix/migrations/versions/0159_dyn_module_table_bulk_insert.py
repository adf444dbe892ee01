"""seed currencies from a module-level table

Revision ID: 0159
Revises: 0158
Create Date: 2025-02-28 12:18:18.577325

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0159'
down_revision: Union[str, Sequence[str], None] = '0158'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


currencies_table = sa.table(
    "currencies",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("minor_units", sa.SmallInteger),
)

CURRENCIES = [("KRW", 410, 0), ("USD", 840, 2), ("EUR", 978, 2), ("JPY", 392, 0), ("BHD", 48, 3)]


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        currencies_table,
        [{"id": number, "code": code, "minor_units": units} for code, number, units in CURRENCIES],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(
        currencies_table.delete().where(currencies_table.c.code.in_([code for code, _, _ in CURRENCIES]))
    )
