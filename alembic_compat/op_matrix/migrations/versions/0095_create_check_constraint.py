"""check invoice due dates

Revision ID: 0095
Revises: 0094
Create Date: 2025-02-06 17:10:23.070509

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0095'
down_revision: Union[str, Sequence[str], None] = '0094'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_check_constraint("ck_invoices_due_after_issue", "invoices", "due_on IS NULL OR due_on >= issued_on")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("ck_invoices_due_after_issue", "invoices", type_="check")
