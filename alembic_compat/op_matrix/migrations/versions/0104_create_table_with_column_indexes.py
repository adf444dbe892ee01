"""create webhooks with several indexed columns

Revision ID: 0104
Revises: 0103
Create Date: 2025-02-09 16:42:44.141780

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0104'
down_revision: Union[str, Sequence[str], None] = '0103'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "webhooks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organization_id", sa.BigInteger(), sa.ForeignKey("organizations.id"), nullable=False, index=True),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("event", sa.String(50), nullable=False, index=True),
        sa.Column("secret", sa.String(64), nullable=False, unique=True, index=True),
        sa.Index("ix_webhooks_org_event", "organization_id", "event", unique=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("webhooks")
