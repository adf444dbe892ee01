"""scratch table then a python error

Revision ID: c0ffee000012
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:12.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000012'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'python_error'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "scratch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    raise RuntimeError("refusing to continue: accounts need a manual review")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("scratch")
