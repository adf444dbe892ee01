"""trigram index on product names

Revision ID: 0080
Revises: 0079
Create Date: 2025-02-01 13:55:07.951724

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0080'
down_revision: Union[str, Sequence[str], None] = '0079'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_products_name_trgm",
        "products",
        ["name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_products_sku_pattern",
        "products",
        ["sku", "unit"],
        postgresql_ops={"sku": "varchar_pattern_ops", "unit": "bpchar_pattern_ops"},
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_products_sku_pattern", table_name="products")
    op.drop_index("ix_products_name_trgm", table_name="products")
