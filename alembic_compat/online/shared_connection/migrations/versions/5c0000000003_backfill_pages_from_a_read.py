"""backfill pages from a read

Revision ID: 5c0000000003
Revises: 5c0000000002
Create Date: 2025-09-01 10:00:03.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5c0000000003'
down_revision: Union[str, Sequence[str], None] = '5c0000000002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # reads what the previous migrations wrote in the same transaction
    conn = op.get_bind()
    known = conn.execute(sa.text("SELECT count(*) FROM books WHERE pages IS NOT NULL")).scalar()
    conn.execute(
        sa.text("UPDATE books SET pages = :pages WHERE pages IS NULL"), {"pages": known * 100}
    )
    op.create_index("ix_books_title", "books", ["title"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_books_title", table_name="books")
