"""add json, array and uuid columns

Revision ID: 0055
Revises: 0054
Create Date: 2025-01-24 14:50:02.753749

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0055'
down_revision: Union[str, Sequence[str], None] = '0054'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("preferences", postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False))
    op.add_column("accounts", sa.Column("roles", postgresql.ARRAY(sa.String(length=30)), server_default="{}", nullable=False))
    op.add_column("accounts", sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False))
    op.add_column("accounts", sa.Column("last_ip", postgresql.INET(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "last_ip")
    op.drop_column("accounts", "public_id")
    op.drop_column("accounts", "roles")
    op.drop_column("accounts", "preferences")
