"""revision id taken from this file's own name

Revision ID: 300bead486f6
Revises: 488ee67da0fe
Create Date: 2024-05-03 09:00:00.000000

"""
from pathlib import Path

from alembic import op

revision = Path(__file__).name.split("_")[0]
down_revision = "488ee67da0fe"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
