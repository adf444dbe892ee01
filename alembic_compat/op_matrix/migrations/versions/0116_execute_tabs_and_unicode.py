"""view with tabs and unicode in its text

Revision ID: 0116
Revises: 0115
Create Date: 2025-02-13 14:06:32.236808

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0116'
down_revision: Union[str, Sequence[str], None] = '0115'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE VIEW active_accounts AS\n\tSELECT id, email, display_name\n\tFROM accounts\n\tWHERE is_active -- 활성 계정")
    op.execute(sa.text("COMMENT ON VIEW active_accounts IS '활성 계정만 (active only)'"))


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP VIEW active_accounts")
