"""create tag sets with array columns

Revision ID: 0018
Revises: 0017
Create Date: 2025-01-12 09:21:09.460746

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "tag_sets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tag_ids", postgresql.ARRAY(sa.Integer()), server_default=sa.text("'{}'::integer[]"), nullable=False),
        sa.Column("labels", postgresql.ARRAY(sa.String(length=50)), nullable=True),
        sa.Column("matrix", postgresql.ARRAY(sa.Float(), dimensions=2), nullable=True),
        sa.Column("notes", sa.ARRAY(sa.Text()), nullable=True),
        sa.Column("flags", postgresql.ARRAY(sa.Boolean(), dimensions=1), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("tag_sets")
