"""foreign keys across schemas

Revision ID: 0092
Revises: 0091
Create Date: 2025-02-05 10:18:56.046752

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0092'
down_revision: Union[str, Sequence[str], None] = '0091'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_foreign_key(
        "fk_access_keys_account_id_accounts",
        "access_keys",
        "accounts",
        ["account_id"],
        ["id"],
        source_schema="finance",
        referent_schema="public",
        ondelete="CASCADE",
    )
    op.create_foreign_key(
        "fk_shipments_ledger",
        "shipments",
        "ledger_entries",
        ["id"],
        ["id"],
        source_schema="finance",
        referent_schema="finance",
        initially="IMMEDIATE",
        deferrable=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_shipments_ledger", "shipments", schema="finance", type_="foreignkey")
    op.drop_constraint("fk_access_keys_account_id_accounts", "access_keys", schema="finance", type_="foreignkey")
