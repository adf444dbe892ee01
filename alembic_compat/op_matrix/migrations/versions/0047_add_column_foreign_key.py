"""add a region reference to accounts

Revision ID: 0047
Revises: 0046
Create Date: 2025-01-21 10:34:10.690397

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0047'
down_revision: Union[str, Sequence[str], None] = '0046'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("region_id", sa.SmallInteger(), sa.ForeignKey("regions.id", name="fk_accounts_region_id_regions", ondelete="SET NULL"), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_accounts_region_id_regions", "accounts", type_="foreignkey")
    op.drop_column("accounts", "region_id")
