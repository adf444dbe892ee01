"""unique index on invoice numbers per organization

Revision ID: 0074
Revises: 0073
Create Date: 2025-01-30 11:13:13.904210

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0074'
down_revision: Union[str, Sequence[str], None] = '0073'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ux_invoices_org_number", "invoices", ["organization_id", "number"], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ux_invoices_org_number", table_name="invoices")
