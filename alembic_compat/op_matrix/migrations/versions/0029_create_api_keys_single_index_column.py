"""create api keys with one indexed column

Revision ID: 0029
Revises: 0028
Create Date: 2025-01-15 10:27:28.547855

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0029'
down_revision: Union[str, Sequence[str], None] = '0028'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False, index=True),
        sa.Column("prefix", sa.String(8), nullable=False),
        sa.Column("hashed_key", sa.String(128), nullable=False),
        schema="finance",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_finance_api_keys_account_id"), table_name="api_keys", schema="finance")
    op.drop_table("api_keys", schema="finance")
