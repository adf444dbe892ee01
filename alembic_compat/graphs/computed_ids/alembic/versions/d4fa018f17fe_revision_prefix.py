"""revision id built from a module constant

Revision ID: d4fa018f17fe
Revises: 579256f64480
Create Date: 2024-05-01 09:00:00.000000

"""
from alembic import op

_PREFIX = "d4fa"

revision = _PREFIX + "018f17fe"
down_revision = "579256f64480"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE computed_ids_base SET name = lower(name)")


def downgrade():
    pass
