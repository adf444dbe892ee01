"""add a severity enum column after creating its type

Revision ID: 0139
Revises: 0138
Create Date: 2025-02-21 11:37:38.418945

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0139'
down_revision: Union[str, Sequence[str], None] = '0138'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE TYPE severity AS ENUM ('low', 'medium', 'high', 'critical')")
    op.add_column("tickets", sa.Column("severity", sa.Enum("low", "medium", "high", "critical", name="severity"), server_default="medium", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("tickets", "severity")
    op.execute("DROP TYPE severity")
