"""create an enum type through the bind

Revision ID: 0158
Revises: 0157
Create Date: 2025-02-27 17:00:49.569406

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0158'
down_revision: Union[str, Sequence[str], None] = '0157'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    channel = postgresql.ENUM("email", "sms", "push", name="notify_channel")
    channel.create(op.get_bind(), checkfirst=False)
    op.create_table(
        "notification_prefs",
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), primary_key=True),
        sa.Column("channel", postgresql.ENUM("email", "sms", "push", name="notify_channel", create_type=False), primary_key=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("notification_prefs")
    postgresql.ENUM(name="notify_channel").drop(op.get_bind(), checkfirst=False)
