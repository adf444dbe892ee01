"""naming-convention style long index name

Revision ID: 0086
Revises: 0085
Create Date: 2025-02-03 16:37:01.999238

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0086'
down_revision: Union[str, Sequence[str], None] = '0085'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        op.f("ix_network_devices_hostname_address_subnet_mac_owner_oid_bits"),
        "network_devices",
        ["hostname", "address", "subnet", "mac", "owner_oid", "feature_bits"],
        unique=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_network_devices_hostname_address_subnet_mac_owner_oid_bits"), table_name="network_devices")
