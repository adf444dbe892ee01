"""verify e-mail addresses (batched online, one statement offline)

Revision ID: 0152
Revises: 0151
Create Date: 2025-02-25 13:18:55.521892

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from alembic import context


# revision identifiers, used by Alembic.
revision: str = '0152'
down_revision: Union[str, Sequence[str], None] = '0151'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("email_verified", sa.Boolean(), server_default=sa.false(), nullable=False))
    if context.is_offline_mode():
        op.execute("UPDATE accounts SET email_verified = true WHERE is_active")
    else:
        conn = op.get_bind()
        ids = [row.id for row in conn.execute(sa.text("SELECT id FROM accounts WHERE is_active"))]
        for start in range(0, len(ids), 500):
            conn.execute(
                sa.text("UPDATE accounts SET email_verified = true WHERE id = ANY(:ids)"),
                {"ids": ids[start : start + 500]},
            )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "email_verified")
