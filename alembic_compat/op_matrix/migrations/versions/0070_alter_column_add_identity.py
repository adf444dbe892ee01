"""turn currencies.id into an identity

Revision ID: 0070
Revises: 0069
Create Date: 2025-01-29 18:05:17.872534

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0070'
down_revision: Union[str, Sequence[str], None] = '0069'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("currencies", "id", server_default=sa.Identity(start=100, increment=1), existing_type=sa.Integer(), existing_nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("currencies", "id", server_default=None, existing_server_default=sa.Identity(start=100, increment=1), existing_type=sa.Integer(), existing_nullable=False)
