"""merge members and tags

Revision ID: a709fb2ae292
Revises: 89a81bdfd276, e21290eb40cb
Create Date: 2024-01-10 12:01:59

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a709fb2ae292'
down_revision: Union[str, Sequence[str], None] = ('89a81bdfd276', 'e21290eb40cb')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
