"""deactivate stale accounts

Revision ID: 0107
Revises: 0106
Create Date: 2025-02-10 13:34:11.165537

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime


# revision identifiers, used by Alembic.
revision: str = '0107'
down_revision: Union[str, Sequence[str], None] = '0106'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        sa.text("UPDATE accounts SET is_active = :active WHERE created_at < :cutoff AND locale = :locale").bindparams(
            active=False,
            cutoff=datetime.datetime(2020, 1, 1),
            locale="ko_KR",
        )
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(sa.text("UPDATE accounts SET is_active = :active").bindparams(active=True))
