"""two tables sharing one new enum type

Revision ID: 0140
Revises: 0139
Create Date: 2025-02-21 16:55:07.426864

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0140'
down_revision: Union[str, Sequence[str], None] = '0139'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "inbound_calls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outcome", sa.Enum("answered", "missed", "voicemail", name="call_outcome"), nullable=False),
        sa.Column("previous_outcome", sa.Enum("answered", "missed", "voicemail", name="call_outcome"), nullable=True),
    )
    op.create_table(
        "outbound_calls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outcome", sa.Enum("answered", "missed", "voicemail", name="call_outcome"), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("outbound_calls")
    op.drop_table("inbound_calls")
    op.execute("DROP TYPE call_outcome")
