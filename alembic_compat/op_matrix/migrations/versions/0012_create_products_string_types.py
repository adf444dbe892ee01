"""create products with string types

Revision ID: 0012
Revises: 0011
Create Date: 2025-01-10 15:39:15.413232

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku", sa.String(32), nullable=False),
        sa.Column("name", sa.Unicode(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("long_description", sa.UnicodeText(), nullable=True),
        sa.Column("sort_key", sa.String(100, collation="C"), nullable=True),
        sa.Column("title_de", sa.Text(collation="de-x-icu"), nullable=True),
        sa.Column("unit", sa.CHAR(3), server_default="pcs", nullable=False),
        sa.Column("barcode", sa.String(), nullable=True),
        sa.Column("legacy_code", sa.NCHAR(8), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("products")
