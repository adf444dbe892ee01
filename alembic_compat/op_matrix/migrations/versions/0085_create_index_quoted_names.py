"""indexes on reserved and mixed-case names

Revision ID: 0085
Revises: 0084
Create Date: 2025-02-03 11:19:32.991319

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0085'
down_revision: Union[str, Sequence[str], None] = '0084'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_user_from", "user", ["from"])
    op.create_index("IX_User_LastLogin", "user", ["LastLogin", "group"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("IX_User_LastLogin", table_name="user")
    op.drop_index("ix_user_from", table_name="user")
