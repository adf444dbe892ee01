"""archive old products with a core update

Revision ID: 0110
Revises: 0109
Create Date: 2025-02-11 10:24:38.189294

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0110'
down_revision: Union[str, Sequence[str], None] = '0109'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    products = sa.table("products", sa.column("id", sa.Integer), sa.column("archived", sa.Boolean), sa.column("sku", sa.String))
    op.execute(
        products.update()
        .where(products.c.sku.like(op.inline_literal("OLD-%")))
        .values(archived=op.inline_literal(True))
    )


def downgrade() -> None:
    """Downgrade schema."""
    products = sa.table("products", sa.column("archived", sa.Boolean), sa.column("sku", sa.String))
    op.execute(products.update().where(products.c.sku.like(op.inline_literal("OLD-%"))).values(archived=op.inline_literal(False)))
