"""add columns through other import spellings

Revision ID: 0137
Revises: 0136
Create Date: 2025-02-20 11:03:40.403107

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy import types
from sqlalchemy.dialects import postgresql as pg


# revision identifiers, used by Alembic.
revision: str = '0137'
down_revision: Union[str, Sequence[str], None] = '0136'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("coupons", sqlalchemy.Column("expires_at", sqlalchemy.DateTime(timezone=True), nullable=True))
    op.add_column("coupons", sa.Column("channels", pg.ARRAY(sa.String(20)), nullable=True))
    op.add_column("coupons", sa.Column("amount", types.Numeric(10, 2), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("coupons", "amount")
    op.drop_column("coupons", "channels")
    op.drop_column("coupons", "expires_at")
