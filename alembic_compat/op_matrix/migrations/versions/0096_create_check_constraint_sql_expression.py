"""check constraints built from expressions

Revision ID: 0096
Revises: 0095
Create Date: 2025-02-07 12:26:52.078428

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0096'
down_revision: Union[str, Sequence[str], None] = '0095'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_check_constraint(
        "ck_measurements_price_positive",
        "measurements",
        sa.column("price") > 0,
    )
    op.create_check_constraint(
        "ck_ledger_entries_amount_nonzero",
        "ledger_entries",
        sa.text("amount <> 0"),
        schema="finance",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("ck_ledger_entries_amount_nonzero", "ledger_entries", schema="finance", type_="check")
    op.drop_constraint("ck_measurements_price_positive", "measurements", type_="check")
