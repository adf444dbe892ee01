"""Merge migrations

Revision ID: 51a5ef3f4682
Revises: 4ffa5bbe7e5a, ea8b78e4da54
Create Date: 2026-11-21 04:33:15.504382

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '51a5ef3f4682'
down_revision: Union[str, None] = ('4ffa5bbe7e5a', 'ea8b78e4da54')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
