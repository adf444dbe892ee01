"""concurrent index outside the transaction

Revision ID: 0134
Revises: 0132
Create Date: 2025-02-19 14:13:13.379350

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0134'
down_revision: Union[str, Sequence[str], None] = '0132'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.get_context().autocommit_block():
        op.create_index("ix_events_happens_on", "events", ["happens_on"], postgresql_concurrently=True)


def downgrade() -> None:
    """Downgrade schema."""
    with op.get_context().autocommit_block():
        op.drop_index("ix_events_happens_on", table_name="events", postgresql_concurrently=True)
