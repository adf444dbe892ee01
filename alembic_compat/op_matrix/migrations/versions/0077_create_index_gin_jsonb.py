"""gin index on document attributes

Revision ID: 0077
Revises: 0076
Create Date: 2025-01-31 17:03:40.927967

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0077'
down_revision: Union[str, Sequence[str], None] = '0076'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_documents_attributes", "documents", ["attributes"], unique=False, postgresql_using="gin")
    op.create_index("ix_tag_sets_tag_ids", "tag_sets", ["tag_ids"], postgresql_using="gin")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_tag_sets_tag_ids", table_name="tag_sets", postgresql_using="gin")
    op.drop_index("ix_documents_attributes", table_name="documents", postgresql_using="gin")
