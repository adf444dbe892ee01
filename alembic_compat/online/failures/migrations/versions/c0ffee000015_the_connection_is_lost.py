"""the connection is lost

Revision ID: c0ffee000015
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:15.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000015'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'lost_connection'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "doomed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # the server ends this session: the connection is lost mid-migration
    op.execute("SELECT pg_terminate_backend(pg_backend_pid())")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("doomed")
