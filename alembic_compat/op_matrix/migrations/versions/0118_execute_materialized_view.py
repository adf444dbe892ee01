"""materialized view for reporting

Revision ID: 0118
Revises: 0117
Create Date: 2025-02-14 14:40:30.252646

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0118'
down_revision: Union[str, Sequence[str], None] = '0117'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        '''CREATE MATERIALIZED VIEW "Reporting".daily_revenue AS
    SELECT date_trunc('day', booked_at) AS day, sum(amount) AS total
    FROM finance.ledger_entries
    GROUP BY 1'''
    )
    op.execute('CREATE UNIQUE INDEX ix_daily_revenue_day ON "Reporting".daily_revenue (day)')


def downgrade() -> None:
    """Downgrade schema."""
    op.execute('DROP MATERIALIZED VIEW "Reporting".daily_revenue')
