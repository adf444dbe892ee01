"""batch changes in the finance schema

Revision ID: 0131
Revises: 0130
Create Date: 2025-02-18 16:21:46.355593

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0131'
down_revision: Union[str, Sequence[str], None] = '0130'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("fx_rates", schema="finance") as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(20), server_default="ecb", nullable=False))
        batch_op.alter_column("rate", new_column_name="mid_rate", existing_type=sa.Numeric(18, 8), existing_nullable=False)
        batch_op.create_index("ix_fx_rates_day", ["day"])


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("fx_rates", schema="finance") as batch_op:
        batch_op.drop_index("ix_fx_rates_day")
        batch_op.alter_column("mid_rate", new_column_name="rate", existing_type=sa.Numeric(18, 8), existing_nullable=False)
        batch_op.drop_column("source")
