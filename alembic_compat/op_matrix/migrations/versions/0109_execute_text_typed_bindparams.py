"""typed bind parameters rendered inline

Revision ID: 0109
Revises: 0108
Create Date: 2025-02-11 15:08:09.181375

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime


# revision identifiers, used by Alembic.
revision: str = '0109'
down_revision: Union[str, Sequence[str], None] = '0108'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        sa.text("INSERT INTO settings (key, raw_value, priority, enabled, valid_from) VALUES (:key, :value, :priority, :enabled, :valid_from)")
        .bindparams(
            sa.bindparam("key", "motd"),
            sa.bindparam("value", "Welcome! It's 'quoted'"),
            sa.bindparam("priority", 5, type_=sa.Integer()),
            sa.bindparam("enabled", True, type_=sa.Boolean()),
            sa.bindparam("valid_from", datetime.date(2025, 1, 1), type_=sa.Date()),
        )
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(sa.text("DELETE FROM settings WHERE key = :key").bindparams(key="motd"))
