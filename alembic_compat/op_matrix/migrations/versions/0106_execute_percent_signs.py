"""normalize discount labels

Revision ID: 0106
Revises: 0105
Create Date: 2025-02-10 17:16:42.157618

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0106'
down_revision: Union[str, Sequence[str], None] = '0105'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("UPDATE products SET name = replace(name, '%', ' percent') WHERE name LIKE '%\\%%' ESCAPE '\\'")
    op.execute(sa.text("UPDATE products SET description = description || ' (100%)' WHERE sku LIKE 'PCT-%'"))


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("UPDATE products SET name = replace(name, ' percent', '%') WHERE name LIKE '% percent%'")
