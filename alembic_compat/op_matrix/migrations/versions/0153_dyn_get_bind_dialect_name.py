"""search index chosen by dialect

Revision ID: 0153
Revises: 0152
Create Date: 2025-02-26 09:36:24.529811

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0153'
down_revision: Union[str, Sequence[str], None] = '0152'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.create_index("ix_notes_body_search", "notes", [sa.text("to_tsvector('simple', body)")], postgresql_using="gin")
    else:
        op.create_index("ix_notes_body_search", "notes", ["body"])


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    op.drop_index("ix_notes_body_search", table_name="notes")
    if bind.dialect.name != "postgresql":
        raise RuntimeError("unexpected dialect")
