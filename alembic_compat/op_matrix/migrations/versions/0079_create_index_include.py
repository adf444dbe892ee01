"""covering index with included columns

Revision ID: 0079
Revises: 0078
Create Date: 2025-02-01 17:37:38.943805

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0079'
down_revision: Union[str, Sequence[str], None] = '0078'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_invoices_org_issued", "invoices", ["organization_id", "issued_on"], postgresql_include=["number", "due_on"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_invoices_org_issued", table_name="invoices")
