"""Merge n12 and n13

Revision ID: 47cd47fd3d51
Revises: ae11b24cd112, 6e260abeccfd
Create Date: 2024-01-12 21:45:15

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '47cd47fd3d51'
down_revision: Union[str, Sequence[str], None] = ('ae11b24cd112', '6e260abeccfd')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
