"""core update written inline

Revision ID: 0111
Revises: 0110
Create Date: 2025-02-12 15:42:07.197213

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0111'
down_revision: Union[str, Sequence[str], None] = '0110'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        sa.table("accounts", sa.column("locale", sa.String), sa.column("region_id", sa.SmallInteger))
        .update()
        .where(sa.column("region_id") == op.inline_literal(1))
        .values({"locale": op.inline_literal("ko_KR")})
    )


def downgrade() -> None:
    """Downgrade schema."""
    pass
