"""give attachments a composite primary key

Revision ID: 0097
Revises: 0096
Create Date: 2025-02-07 17:44:21.086347

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0097'
down_revision: Union[str, Sequence[str], None] = '0096'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_constraint("attachments_pkey", "attachments", type_="primary")
    op.create_primary_key("pk_attachments", "attachments", ["id", "filename"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("pk_attachments", "attachments", type_="primary")
    op.create_primary_key("attachments_pkey", "attachments", ["id"])
