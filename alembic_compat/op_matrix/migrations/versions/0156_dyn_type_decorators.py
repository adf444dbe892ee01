"""secrets table with application-defined types

Revision ID: 0156
Revises: 0155
Create Date: 2025-02-27 15:26:51.553568

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from matrix_ext.types import EncryptedString, Json, LTree, Money


# revision identifiers, used by Alembic.
revision: str = '0156'
down_revision: Union[str, Sequence[str], None] = '0155'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "secrets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", EncryptedString(512), nullable=False),
        sa.Column("meta", Json(), nullable=True),
        sa.Column("amount", Money(), nullable=True),
        sa.Column("path", LTree(), nullable=True),
    )
    op.add_column("coupons", sa.Column("secret_code", EncryptedString(), nullable=True))
    op.alter_column("coupons", "amount", type_=Money(), existing_type=sa.Numeric(10, 2), existing_nullable=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("coupons", "amount", type_=sa.Numeric(10, 2), existing_type=Money(), existing_nullable=True)
    op.drop_column("coupons", "secret_code")
    op.drop_table("secrets")
