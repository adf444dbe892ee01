"""notes with shared timestamp columns

Revision ID: 0149
Revises: 0148
Create Date: 2025-02-24 16:27:28.498135

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from matrix_ext.ddl_helpers import add_updated_at_trigger, drop_updated_at_trigger, timestamps


# revision identifiers, used by Alembic.
revision: str = '0149'
down_revision: Union[str, Sequence[str], None] = '0148'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _owner_column(name="owner_id"):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("body", sa.Text(), nullable=False),
        _owner_column(),
        *timestamps(),
    )
    add_updated_at_trigger("notes")


def downgrade() -> None:
    """Downgrade schema."""
    drop_updated_at_trigger("notes")
    op.drop_table("notes")
