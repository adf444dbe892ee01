"""seed an account, a session and settings

Revision ID: 0124
Revises: 0123
Create Date: 2025-02-16 17:23:24.300160

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import datetime
import uuid

from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0124'
down_revision: Union[str, Sequence[str], None] = '0123'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table("accounts", sa.column("id", sa.Integer()), sa.column("email", sa.String()), sa.column("display_name", sa.String())),
        [{"id": 1, "email": "admin@example.com", "display_name": "Admin"}],
    )
    op.bulk_insert(
        sa.table(
            "sessions",
            sa.column("id", sa.Uuid()),
            sa.column("account_id", sa.Integer()),
            sa.column("token", postgresql.UUID(as_uuid=True)),
            sa.column("device", sa.Uuid(as_uuid=False)),
            sa.column("expires_at", sa.DateTime(timezone=True)),
        ),
        [
            {
                "id": uuid.UUID("6f1c8f0e-3c55-4a8e-9a4e-2d2b9f7b1a01"),
                "account_id": 1,
                "token": uuid.UUID("00000000-0000-4000-8000-000000000001"),
                "device": "a3bb189e-8bf9-3888-9912-ace4e6543002",
                "expires_at": datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
            },
        ],
    )
    op.bulk_insert(
        sa.table(
            "settings",
            sa.column("key", sa.String()),
            sa.column("enabled", sa.Boolean()),
            sa.column("raw_value", sa.String()),
            sa.column("priority", sa.Integer()),
        ),
        [
            {"key": "new_checkout", "enabled": True, "raw_value": None, "priority": 1},
            {"key": "legacy_export", "enabled": False, "raw_value": "csv", "priority": 2},
        ],
        multiinsert=True,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM settings WHERE key IN ('new_checkout', 'legacy_export')")
    op.execute("DELETE FROM sessions WHERE id = '6f1c8f0e-3c55-4a8e-9a4e-2d2b9f7b1a01'")
    op.execute("DELETE FROM accounts WHERE id = 1")
