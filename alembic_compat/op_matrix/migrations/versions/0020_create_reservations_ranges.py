"""create reservations with range columns

Revision ID: 0020
Revises: 0019
Create Date: 2025-01-12 10:55:07.476584

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0020'
down_revision: Union[str, Sequence[str], None] = '0019'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "reservations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room", sa.Integer(), nullable=False),
        sa.Column("during", postgresql.TSTZRANGE(), nullable=False),
        sa.Column("nights", postgresql.DATERANGE(), nullable=True),
        sa.Column("seats", postgresql.INT4RANGE(), nullable=True),
        sa.Column("budget", postgresql.NUMRANGE(), nullable=True),
        sa.Column("ids", postgresql.INT8RANGE(), nullable=True),
        sa.Column("local_span", postgresql.TSRANGE(), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("reservations")
