"""audit log and a typo

Revision ID: c0ffee000011
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:11.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000011'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'bad_sql'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # a syntax error: the column definition is missing
    op.execute("ALTER TABLE accounts ADD COLUMN")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("audit_log")
