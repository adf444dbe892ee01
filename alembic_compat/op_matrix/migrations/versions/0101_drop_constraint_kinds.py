"""drop and recreate constraints of each kind

Revision ID: 0101
Revises: 0100
Create Date: 2025-02-08 10:52:17.118023

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0101'
down_revision: Union[str, Sequence[str], None] = '0100'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_constraint("uq_contracts_organization_id_reference", "contracts", type_="unique")
    op.drop_constraint("ck_contracts_valid_period", "contracts", type_="check")
    op.drop_constraint("fk_contracts_currency_id_currencies", "contracts", type_="foreignkey")
    op.drop_constraint("pk_contracts", "contracts", type_="primary")
    op.drop_constraint("excl_bookings_room_overlap", "bookings")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_exclude_constraint("excl_bookings_room_overlap", "bookings", ("room_id", "="), ("during", "&&"), using="gist", where=sa.text("NOT cancelled"))
    op.create_primary_key("pk_contracts", "contracts", ["id"])
    op.create_foreign_key("fk_contracts_currency_id_currencies", "contracts", "currencies", ["currency_id"], ["id"], match="FULL")
    op.create_check_constraint("ck_contracts_valid_period", "contracts", "ends_on IS NULL OR ends_on >= starts_on")
    op.create_unique_constraint("uq_contracts_organization_id_reference", "contracts", ["organization_id", "reference"], deferrable=True, initially="IMMEDIATE")
