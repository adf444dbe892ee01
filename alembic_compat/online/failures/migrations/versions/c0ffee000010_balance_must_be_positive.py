"""balance must be positive

Revision ID: c0ffee000010
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:10.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000010'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'check_violation'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("credit_limit", sa.Integer(), nullable=True))
    # bob's balance is 0: PostgreSQL rejects the constraint (CheckViolation)
    op.create_check_constraint("ck_accounts_balance_positive", "accounts", "balance > 0")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("ck_accounts_balance_positive", "accounts", type_="check")
    op.drop_column("accounts", "credit_limit")
