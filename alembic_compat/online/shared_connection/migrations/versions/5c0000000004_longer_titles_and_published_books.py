"""longer titles and published books

Revision ID: 5c0000000004
Revises: 5c0000000003
Create Date: 2025-09-01 10:00:04.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5c0000000004'
down_revision: Union[str, Sequence[str], None] = '5c0000000003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "books",
        "title",
        existing_type=sa.String(length=200),
        type_=sa.String(length=300),
        existing_nullable=False,
    )
    op.execute("UPDATE books SET status = 'published' WHERE pages > 300")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("UPDATE books SET status = 'draft'")
    op.alter_column(
        "books",
        "title",
        existing_type=sa.String(length=300),
        type_=sa.String(length=200),
        existing_nullable=False,
    )
