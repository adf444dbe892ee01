"""resynchronise sequences after explicit ids

Revision ID: 0146
Revises: 0145
Create Date: 2025-02-23 10:37:01.474378

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0146'
down_revision: Union[str, Sequence[str], None] = '0145'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(sa.select(sa.func.setval("invoice_number_seq", 2000)))
    op.execute(sa.text("SELECT setval(pg_get_serial_sequence('regions', 'id'), coalesce(max(id), 1)) FROM regions"))
    op.execute(sa.select(sa.func.setval(sa.func.pg_get_serial_sequence("products", "id"), sa.select(sa.func.max(sa.column("id"))).select_from(sa.table("products")).scalar_subquery())))


def downgrade() -> None:
    """Downgrade schema."""
    pass
