"""data fix through the connection (seed 003 style)

Revision ID: 0166
Revises: 0165
Create Date: 2025-03-02 11:16:41.632758

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0166'
down_revision: Union[str, Sequence[str], None] = '0165'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE accounts SET locale = 'ko_KR' WHERE locale IS NULL"))
    connection.execute(
        sa.text("UPDATE tickets SET status = CAST(:status AS ticket_status) WHERE status IS NULL").bindparams(status="open")
    )


def downgrade() -> None:
    """Downgrade schema."""
    pass
