"""stage two with duplicate keys

Revision ID: c0ffee000018
Revises: c0ffee000017
Create Date: 2025-09-01 10:00:18.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000018'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "stage_two",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO stage_two (id) VALUES (1), (2), (1)")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("stage_two")
