"""convert invoice numbers to integers

Revision ID: 0060
Revises: 0059
Create Date: 2025-01-26 12:14:27.793344

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0060'
down_revision: Union[str, Sequence[str], None] = '0059'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "invoices",
        "number",
        existing_type=sa.String(30),
        type_=sa.Integer(),
        postgresql_using="number::integer",
        existing_nullable=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column(
        "invoices",
        "number",
        existing_type=sa.Integer(),
        type_=sa.String(30),
        postgresql_using="number::text",
        existing_nullable=False,
    )
