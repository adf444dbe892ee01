"""merge webhooks

Revision ID: b29c21c270a6
Revises: a709fb2ae292, 346f3497345d
Create Date: 2024-01-11 02:27:33

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b29c21c270a6'
down_revision: Union[str, Sequence[str], None] = ('a709fb2ae292', '346f3497345d')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
