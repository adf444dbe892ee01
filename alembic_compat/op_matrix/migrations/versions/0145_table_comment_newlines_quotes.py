"""multi-line table comment

Revision ID: 0145
Revises: 0144
Create Date: 2025-02-23 14:19:32.466459

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0145'
down_revision: Union[str, Sequence[str], None] = '0144'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table_comment(
        "tickets",
        "Support tickets.\nOne row per customer request; it's visible to the customer.\n\t(see docs/support.md)",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table_comment("tickets")
