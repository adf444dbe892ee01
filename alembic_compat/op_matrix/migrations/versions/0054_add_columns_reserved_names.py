"""add reserved and mixed-case columns

Revision ID: 0054
Revises: 0053
Create Date: 2025-01-24 09:32:33.745830

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0054'
down_revision: Union[str, Sequence[str], None] = '0053'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("user", sa.Column("from", sa.Date(), nullable=True))
    op.add_column("user", sa.Column("LastLogin", sa.DateTime(timezone=True), nullable=True))
    op.add_column("Order", sa.Column("Status", sa.String(20), server_default="NEW", nullable=False), schema="Reporting")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("Order", "Status", schema="Reporting")
    op.drop_column("user", "LastLogin")
    op.drop_column("user", "from")
