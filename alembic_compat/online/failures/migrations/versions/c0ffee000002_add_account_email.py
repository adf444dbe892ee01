"""add account email

Revision ID: c0ffee000002
Revises: c0ffee000001
Create Date: 2025-09-01 10:00:02.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000002'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("email", sa.String(length=255), nullable=True))
    op.create_index("ix_accounts_email", "accounts", ["email"], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_accounts_email", table_name="accounts")
    op.drop_column("accounts", "email")
