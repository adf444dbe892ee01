"""add an enum value outside the transaction

Revision ID: 0135
Revises: 0134
Create Date: 2025-02-20 09:29:42.387269

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0135'
down_revision: Union[str, Sequence[str], None] = '0134'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'waiting' AFTER 'in_progress'")


def downgrade() -> None:
    """Downgrade schema."""
    pass
