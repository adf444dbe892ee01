"""seed regions

Revision ID: 0120
Revises: 0119
Create Date: 2025-02-15 15:14:28.268484

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0120'
down_revision: Union[str, Sequence[str], None] = '0119'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    regions = sa.table("regions", sa.column("id", sa.SmallInteger()), sa.column("name", sa.String()))
    op.bulk_insert(
        regions,
        [
            {"id": 10, "name": "Gyeonggi-do"},
            {"id": 11, "name": "Gangwon-do"},
            {"id": 12, "name": "Chungcheongbuk-do"},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM regions WHERE id IN (10, 11, 12)")
