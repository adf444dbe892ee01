"""primary key on a finance table

Revision ID: 0098
Revises: 0097
Create Date: 2025-02-07 14:00:50.094266

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0098'
down_revision: Union[str, Sequence[str], None] = '0097'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "fx_rates",
        sa.Column("currency_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rate", sa.Numeric(18, 8), nullable=False),
        schema="finance",
    )
    op.create_primary_key("pk_fx_rates", "fx_rates", ["currency_id", "day"], schema="finance")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("fx_rates", schema="finance")
