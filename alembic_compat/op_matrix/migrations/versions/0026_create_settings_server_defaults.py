"""create settings with server defaults

Revision ID: 0026
Revises: 0025
Create Date: 2025-01-14 13:37:01.524098

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0026'
down_revision: Union[str, Sequence[str], None] = '0025'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), server_default="", nullable=False),
        sa.Column("quoted", sa.String(50), server_default="it's", nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("deprecated", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("priority", sa.Integer(), server_default=sa.text("10"), nullable=False),
        sa.Column("weight", sa.Numeric(5, 2), server_default="1.50", nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("valid_from", sa.Date(), server_default=sa.func.current_date(), nullable=False),
        sa.Column("nonce", sa.String(36), server_default=sa.text("gen_random_uuid()::text"), nullable=False),
        sa.Column("label", sa.String(20), server_default=sa.literal("default"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.literal(1), nullable=False),
        sa.Column("created_by", sa.String(63), server_default=sa.text("CURRENT_USER"), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("settings")
