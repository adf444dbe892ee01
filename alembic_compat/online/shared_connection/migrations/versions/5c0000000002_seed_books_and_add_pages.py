"""seed books and add pages

Revision ID: 5c0000000002
Revises: 5c0000000001
Create Date: 2025-09-01 10:00:02.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5c0000000002'
down_revision: Union[str, Sequence[str], None] = '5c0000000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("books", sa.Column("pages", sa.Integer(), nullable=True))
    books = sa.table(
        "books",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("isbn", sa.String),
        sa.column("pages", sa.Integer),
    )
    op.bulk_insert(
        books,
        [
            {"id": 1, "title": "Dune", "isbn": "9780441013593", "pages": 412},
            {"id": 2, "title": "Solaris", "isbn": "9780156027601", "pages": None},
            {"id": 3, "title": "Ubik", "isbn": "9780547572291", "pages": 230},
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM books WHERE id IN (1, 2, 3)")
    op.drop_column("books", "pages")
