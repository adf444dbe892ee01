"""seed and remove regions with core statements

Revision ID: 0112
Revises: 0111
Create Date: 2025-02-12 11:58:36.205132

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0112'
down_revision: Union[str, Sequence[str], None] = '0111'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(sa.table("regions", sa.column("id", sa.SmallInteger), sa.column("name", sa.String)).insert().values(id=1, name="Seoul"))
    op.execute(
        sa.table("regions", sa.column("id", sa.SmallInteger), sa.column("name", sa.String))
        .insert()
        .values([{"id": 2, "name": "Busan"}, {"id": 3, "name": "Jeju-do (제주도)"}])
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(
        sa.table("regions", sa.column("id", sa.SmallInteger))
        .delete()
        .where(sa.column("id").in_([1, 2, 3]))
    )
