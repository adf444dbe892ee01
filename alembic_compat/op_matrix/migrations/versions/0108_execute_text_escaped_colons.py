"""timestamps written with escaped colons

Revision ID: 0108
Revises: 0107
Create Date: 2025-02-11 09:50:40.173456

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0108'
down_revision: Union[str, Sequence[str], None] = '0107'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(sa.text(r"UPDATE events SET doors_open = '18\:30'::time WHERE doors_open IS NULL"))
    op.execute(sa.text("UPDATE events SET starts_at = starts_at::date + '09:00'::time WHERE starts_at IS NULL"))
    op.execute("UPDATE events SET doors_open_tz = '10:00:00+09' WHERE doors_open_tz IS NULL")


def downgrade() -> None:
    """Downgrade schema."""
    pass
