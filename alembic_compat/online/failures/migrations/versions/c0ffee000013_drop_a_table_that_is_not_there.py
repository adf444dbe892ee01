"""drop a table that is not there

Revision ID: c0ffee000013
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:13.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000013'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'missing_table'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("nickname", sa.String(length=50), nullable=True))
    op.drop_table("no_such_table")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_table(
        "no_such_table",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.drop_column("accounts", "nickname")
