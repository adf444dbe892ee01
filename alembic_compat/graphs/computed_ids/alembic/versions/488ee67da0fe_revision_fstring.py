"""down_revision from an f-string and a %-format

Revision ID: 488ee67da0fe
Revises: d4fa018f17fe
Create Date: 2024-05-02 09:00:00.000000

"""
from alembic import op

_PARENT_HEAD = "d4f"

revision = "%s%s" % ("488ee6", "7da0fe")
down_revision = f"{_PARENT_HEAD}a018f17fe"
branch_labels = tuple(["computed"])
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
