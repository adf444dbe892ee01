"""rename accounts.nickname to handle

Revision ID: 0065
Revises: 0064
Create Date: 2025-01-27 10:39:52.832939

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0065'
down_revision: Union[str, Sequence[str], None] = '0064'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("accounts", "nickname", new_column_name="handle", existing_type=sa.String(50), existing_nullable=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("accounts", "handle", new_column_name="nickname", existing_type=sa.String(50), existing_nullable=True)
