"""CRLF line endings

Revision ID: b80c59555304
Revises: 0c6d75a72ab2
Create Date: 2024-03-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b80c59555304'
down_revision = '0c6d75a72ab2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
