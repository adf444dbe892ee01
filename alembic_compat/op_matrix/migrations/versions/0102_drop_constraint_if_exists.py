"""drop a constraint that may be missing

Revision ID: 0102
Revises: 0101
Create Date: 2025-02-09 16:08:46.125942

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0102'
down_revision: Union[str, Sequence[str], None] = '0101'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_constraint("uq_accounts_legacy_login", "accounts", type_="unique", if_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    pass
