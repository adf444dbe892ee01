"""Seed default warehouse

Revision ID: 1a31ce608336
Revises: e2328cfa1bd5
Create Date: 2025-03-20 16:47:12.900413

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1a31ce608336'
down_revision: Union[str, Sequence[str], None] = 'e2328cfa1bd5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        "INSERT INTO warehouse (id, name, city) "
        "VALUES ('8f14e45f-ceea-467f-a8f5-3d5c1a7b2e90', 'Main warehouse', 'Incheon')"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM warehouse WHERE id = '8f14e45f-ceea-467f-a8f5-3d5c1a7b2e90'")
