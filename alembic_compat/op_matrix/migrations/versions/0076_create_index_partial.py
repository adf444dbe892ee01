"""partial index on active accounts

Revision ID: 0076
Revises: 0075
Create Date: 2025-01-31 11:47:11.920048

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0076'
down_revision: Union[str, Sequence[str], None] = '0075'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_accounts_active_email",
        "accounts",
        ["email"],
        unique=True,
        postgresql_where=sa.text("is_active AND email <> ''"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_accounts_active_email", table_name="accounts", postgresql_where=sa.text("is_active AND email <> ''"))
