"""create schemas

Revision ID: 0001
Revises: 
Create Date: 2025-01-06 14:31:56.326123

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE SCHEMA IF NOT EXISTS finance")
    op.execute('CREATE SCHEMA IF NOT EXISTS "Reporting"')


def downgrade() -> None:
    """Downgrade schema."""
    op.execute('DROP SCHEMA IF EXISTS "Reporting"')
    op.execute("DROP SCHEMA IF EXISTS finance")
