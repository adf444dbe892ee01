"""write rows then duplicate keys

Revision ID: c0ffee000020
Revises: c0ffee000002
Create Date: 2025-09-01 10:00:20.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c0ffee000020'
down_revision: Union[str, Sequence[str], None] = 'c0ffee000002'
branch_labels: Union[str, Sequence[str], None] = 'write_then_fail'
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # a data migration writes through the connection between two batches of statements,
    # then a later statement collides with that write: the error must be that statement's
    # own (a rollback past the write would let the statement pass)
    op.create_table(
        "write_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    conn = op.get_bind()
    conn.execute(sa.text("INSERT INTO write_stage (id) VALUES (7)"))
    op.add_column("accounts", sa.Column("write_note", sa.String(length=20), nullable=True))
    op.execute("INSERT INTO write_stage (id) VALUES (7)")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "write_note")
    op.drop_table("write_stage")
