"""add a column that is unique and a foreign key

Revision ID: 0103
Revises: 0102
Create Date: 2025-02-09 11:26:15.133861

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0103'
down_revision: Union[str, Sequence[str], None] = '0102'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("sessions", sa.Column("replaced_by", sa.Uuid(), sa.ForeignKey("sessions.id"), unique=True, nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("sessions", "replaced_by")
