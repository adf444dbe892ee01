"""turn the membership role into an enum

Revision ID: 0061
Revises: 0060
Create Date: 2025-01-26 17:31:56.801263

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0061'
down_revision: Union[str, Sequence[str], None] = '0060'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE TYPE membership_role AS ENUM ('owner', 'admin', 'member')")
    op.alter_column("memberships", "role", server_default=None, existing_server_default=sa.text("'member'::character varying"), existing_type=sa.String(20), existing_nullable=False)
    op.alter_column(
        "memberships",
        "role",
        type_=postgresql.ENUM("owner", "admin", "member", name="membership_role", create_type=False),
        existing_type=sa.String(20),
        postgresql_using="role::membership_role",
        existing_nullable=False,
    )
    op.alter_column("memberships", "role", server_default="member", existing_nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column("memberships", "role", server_default=None, existing_nullable=False)
    op.alter_column(
        "memberships",
        "role",
        type_=sa.String(20),
        existing_type=postgresql.ENUM("owner", "admin", "member", name="membership_role"),
        postgresql_using="role::text",
        existing_nullable=False,
    )
    op.alter_column("memberships", "role", server_default="member", existing_nullable=False)
    op.execute("DROP TYPE membership_role")
