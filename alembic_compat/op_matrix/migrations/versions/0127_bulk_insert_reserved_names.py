"""seed the quoted user table

Revision ID: 0127
Revises: 0126
Create Date: 2025-02-17 15:13:50.323917

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime
from decimal import Decimal


# revision identifiers, used by Alembic.
revision: str = '0127'
down_revision: Union[str, Sequence[str], None] = '0126'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table("user", sa.column("id", sa.Integer()), sa.column("selection", sa.String()), sa.column("group", sa.String()), sa.column("from", sa.Date())),
        [{"id": 1, "selection": "all", "group": "admins", "from": datetime.date(2025, 1, 1)}],
    )
    op.bulk_insert(
        sa.table("Order", sa.column("Id", sa.Integer()), sa.column("user_id", sa.Integer()), sa.column("TotalAmount", sa.Numeric(12, 2)), schema="Reporting"),
        [{"Id": 7, "user_id": 1, "TotalAmount": Decimal("12.50")}],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute('DELETE FROM "Reporting"."Order" WHERE "Id" = 7')
    op.execute('DELETE FROM "user" WHERE id = 1')
