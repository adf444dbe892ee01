"""unique constraint with nulls not distinct

Revision ID: 0089
Revises: 0088
Create Date: 2025-02-04 13:27:29.022995

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0089'
down_revision: Union[str, Sequence[str], None] = '0088'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_unique_constraint("uq_accounts_phone", "accounts", ["phone"], postgresql_nulls_not_distinct=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("uq_accounts_phone", "accounts", type_="unique")
