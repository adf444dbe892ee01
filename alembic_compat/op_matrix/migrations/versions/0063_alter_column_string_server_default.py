"""change the default locale

Revision ID: 0063
Revises: 0062
Create Date: 2025-01-27 10:05:54.817101

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0063'
down_revision: Union[str, Sequence[str], None] = '0062'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("accounts", "locale", server_default="en_US", existing_server_default=sa.text("'ko_KR'::character varying"), existing_type=sa.String(10), existing_nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("accounts", "locale", server_default="ko_KR", existing_server_default=sa.text("'en_US'::character varying"), existing_type=sa.String(10), existing_nullable=False)
