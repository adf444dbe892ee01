"""read rows then duplicate keys

Revision ID: c0ffee000019
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:19.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000019'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'read_then_fail'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # a data migration reads rows between two batches of statements, then a later
    # statement fails: the error must be that statement's own
    op.create_table(
        "read_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    conn = op.get_bind()
    count = conn.execute(sa.text("SELECT count(*) FROM accounts")).scalar()
    op.execute(f"INSERT INTO read_stage (id) VALUES ({count})")
    op.add_column("accounts", sa.Column("read_note", sa.String(length=20), nullable=True))
    op.execute(f"INSERT INTO read_stage (id) VALUES ({count})")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "read_note")
    op.drop_table("read_stage")
