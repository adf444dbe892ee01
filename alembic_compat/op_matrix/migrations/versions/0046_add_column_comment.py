"""add nickname with a comment

Revision ID: 0046
Revises: 0045
Create Date: 2025-01-21 14:16:41.682478

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0046'
down_revision: Union[str, Sequence[str], None] = '0045'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("nickname", sa.String(50), nullable=True, comment="Shown in the UI instead of the e-mail"))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "nickname")
