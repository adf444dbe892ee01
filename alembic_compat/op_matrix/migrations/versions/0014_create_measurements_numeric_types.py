"""create measurements with numeric types

Revision ID: 0014
Revises: 0013
Create Date: 2025-01-10 17:13:13.429070

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "measurements",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("price", sa.Numeric(12, 2), nullable=False),
        sa.Column("ratio", sa.Numeric(), nullable=True),
        sa.Column("precise", sa.Numeric(precision=20, scale=10, asdecimal=True), nullable=True),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("weight_single", sa.Float(precision=24), nullable=True),
        sa.Column("weight_double", sa.Float(precision=53), nullable=True),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("temperature", sa.REAL(), nullable=True),
        sa.Column("pressure", postgresql.DOUBLE_PRECISION(precision=53), nullable=True),
        sa.Column("balance", postgresql.MONEY(), nullable=True),
        sa.Column("counter", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("small_counter", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("dec", sa.DECIMAL(8, 3), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("measurements")
