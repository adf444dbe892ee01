"""alter reserved and mixed-case columns

Revision ID: 0069
Revises: 0068
Create Date: 2025-01-29 12:47:48.864615

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0069'
down_revision: Union[str, Sequence[str], None] = '0068'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column("user", "select", new_column_name="selection", existing_type=sa.String(50))
    op.alter_column("Order", "TotalAmount", type_=sa.Numeric(12, 2), existing_type=sa.Numeric(10, 2), existing_nullable=False, schema="Reporting")
    op.alter_column("user", "group", server_default=None, existing_type=sa.String(30), existing_nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("user", "group", server_default="default", existing_type=sa.String(30), existing_nullable=False)
    op.alter_column("Order", "TotalAmount", type_=sa.Numeric(10, 2), existing_type=sa.Numeric(12, 2), existing_nullable=False, schema="Reporting")
    op.alter_column("user", "selection", new_column_name="select", existing_type=sa.String(50))
