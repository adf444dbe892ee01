"""stage one

Revision ID: c0ffee000017
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:17.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000017'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'second_fails'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "stage_one",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("stage_one")
