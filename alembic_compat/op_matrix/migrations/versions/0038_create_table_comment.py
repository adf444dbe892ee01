"""comment on the accounts table

Revision ID: 0038
Revises: 0037
Create Date: 2025-01-18 11:00:49.619126

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0038'
down_revision: Union[str, Sequence[str], None] = '0037'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table_comment("accounts", "Login accounts; one per e-mail address")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table_comment("accounts", existing_comment="Login accounts; one per e-mail address")
