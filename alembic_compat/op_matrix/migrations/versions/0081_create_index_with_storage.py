"""index with storage parameters

Revision ID: 0081
Revises: 0080
Create Date: 2025-02-02 10:11:36.959643

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0081'
down_revision: Union[str, Sequence[str], None] = '0080'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_audit_events_occurred_at", "audit_events", ["occurred_at"], postgresql_with={"fillfactor": 70, "deduplicate_items": "off"})


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_audit_events_occurred_at", table_name="audit_events")
