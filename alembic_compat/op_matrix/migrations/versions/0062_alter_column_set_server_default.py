"""default invoices.due_on to thirty days

Revision ID: 0062
Revises: 0061
Create Date: 2025-01-26 13:49:25.809182

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0062'
down_revision: Union[str, Sequence[str], None] = '0061'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("invoices", "due_on", server_default=sa.text("(CURRENT_DATE + 30)"), existing_type=sa.Date(), existing_nullable=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("invoices", "due_on", server_default=None, existing_server_default=sa.text("(CURRENT_DATE + 30)"), existing_type=sa.Date(), existing_nullable=True)
