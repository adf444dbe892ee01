"""custom_data_migration

Revision ID: 00d4fbc3acc8
Revises: 2fcfa10330f0
Create Date: 2026-11-21 04:33:58.887882

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '00d4fbc3acc8'
down_revision = '2fcfa10330f0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # data migration: rows imported before the currency column was filled
    op.execute("UPDATE finance.us_stock SET currency = 'USD' WHERE currency IS NULL")


def downgrade() -> None:
    op.execute("UPDATE finance.us_stock SET currency = NULL WHERE currency = 'USD'")
