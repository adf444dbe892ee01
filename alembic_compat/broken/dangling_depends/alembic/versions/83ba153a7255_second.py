"""second

Revision ID: 83ba153a7255
Revises: 3e6cb2069b65
Create Date: 2024-06-02 12:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '83ba153a7255'
down_revision: Union[str, Sequence[str], None] = '3e6cb2069b65'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = '41eda07c20b9'


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
