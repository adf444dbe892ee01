"""create contracts with table-level constraints

Revision ID: 0031
Revises: 0030
Create Date: 2025-01-16 12:02:26.563693

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0031'
down_revision: Union[str, Sequence[str], None] = '0030'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("currency_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_contracts_organization_id_organizations"),
            onupdate="CASCADE",
            ondelete="CASCADE",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.ForeignKeyConstraint(["currency_id"], ["currencies.id"], name=op.f("fk_contracts_currency_id_currencies"), match="FULL"),
        sa.UniqueConstraint("organization_id", "reference", name=op.f("uq_contracts_organization_id_reference"), deferrable=True, initially="IMMEDIATE"),
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_contracts_valid_period")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("contracts")
