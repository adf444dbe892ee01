"""seed products with quotes and nulls

Revision ID: 0122
Revises: 0121
Create Date: 2025-02-15 16:49:26.284322

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0122'
down_revision: Union[str, Sequence[str], None] = '0121'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "products",
            sa.column("id", sa.Integer()),
            sa.column("sku", sa.String()),
            sa.column("name", sa.Unicode()),
            sa.column("description", sa.Text()),
            sa.column("archived", sa.Boolean()),
            sa.column("legacy_code", sa.String()),
        ),
        [
            {"id": 1, "sku": "TEA-001", "name": "O'Brien's \"Irish\" Tea", "description": None, "archived": False, "legacy_code": "T0000001"},
            {"id": 2, "sku": "KIM-002", "name": "김치 (kimchi)", "description": "line one\nline two", "archived": True, "legacy_code": "K0000002"},
            {"id": 3, "sku": "PCT-003", "name": "100% cotton", "description": "back\\slash and :colon", "archived": False, "legacy_code": None},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM products WHERE id IN (1, 2, 3)")
