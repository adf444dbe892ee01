"""create network devices with postgresql types

Revision ID: 0019
Revises: 0018
Create Date: 2025-01-12 14:37:38.468665

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "network_devices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("hostname", postgresql.CITEXT(), nullable=False),
        sa.Column("address", postgresql.INET(), nullable=False),
        sa.Column("subnet", postgresql.CIDR(), nullable=True),
        sa.Column("mac", postgresql.MACADDR(), nullable=True),
        sa.Column("search", postgresql.TSVECTOR(), nullable=True),
        sa.Column("owner_oid", postgresql.OID(), nullable=True),
        sa.Column("feature_bits", postgresql.BIT(8), nullable=True),
        sa.Column("rack_bits", postgresql.BIT(varying=True), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("network_devices")
