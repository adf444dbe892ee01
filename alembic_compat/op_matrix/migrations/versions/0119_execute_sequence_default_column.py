"""table with a sequence default

Revision ID: 0119
Revises: 0118
Create Date: 2025-02-14 10:57:59.260565

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0119'
down_revision: Union[str, Sequence[str], None] = '0118'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE SEQUENCE ticket_number_seq START 5000")
    op.create_table(
        "ticket_numbers",
        sa.Column("id", sa.Integer(), sa.Sequence("ticket_number_seq"), primary_key=True),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("ticket_numbers")
    op.execute("DROP SEQUENCE ticket_number_seq")
