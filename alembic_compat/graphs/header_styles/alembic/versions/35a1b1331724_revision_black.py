"""merge written by black

Revision ID: 35a1b1331724
Revises: 9a1761b7db4b, 9e714a02182a
Create Date: 2024-03-02 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "35a1b1331724"
down_revision: Union[str, Sequence[str], None] = (
    "9a1761b7db4b",
    "9e714a02182a",
)
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
