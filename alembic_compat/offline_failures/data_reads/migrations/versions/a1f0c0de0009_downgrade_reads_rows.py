"""downgrade that reads rows

Revision ID: a1f0c0de0009
Revises: 2b3c4d5e6f70
Create Date: 2025-07-03 11:40:00.000009

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1f0c0de0009'
down_revision: Union[str, Sequence[str], None] = '2b3c4d5e6f70'
branch_labels: Union[str, Sequence[str], None] = 'downgrade_reads'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("orders", sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    archived = op.get_bind().execute(sa.text("SELECT count(*) FROM orders WHERE archived")).scalar_one()
    if archived:
        raise RuntimeError(f"{archived} archived orders would lose their flag")
    op.drop_column("orders", "archived")
