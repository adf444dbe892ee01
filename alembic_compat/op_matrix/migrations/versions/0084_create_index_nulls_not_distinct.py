"""unique index treating nulls as equal

Revision ID: 0084
Revises: 0083
Create Date: 2025-02-03 16:03:03.983400

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0084'
down_revision: Union[str, Sequence[str], None] = '0083'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ux_products_legacy_code", "products", ["legacy_code"], unique=True, postgresql_nulls_not_distinct=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ux_products_legacy_code", table_name="products")
