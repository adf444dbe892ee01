"""concurrent index then a failure

Revision ID: c0ffee000014
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:14.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000014'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'autocommit_then_fail'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # autocommit_block commits what ran so far, runs the block outside a transaction and
    # begins a new transaction afterwards: the index and the earlier migrations survive
    # the failure below
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name)")
    op.add_column("accounts", sa.Column("score", sa.Integer(), nullable=True))
    op.execute("SELECT 1 / 0")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "score")
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY ix_accounts_name")
