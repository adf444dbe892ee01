"""Seed default admin user

Revision ID: 0a51f5e172db
Revises: c4d65f468335
Create Date: 2026-11-21 04:34:58.922470

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0a51f5e172db'
down_revision: Union[str, Sequence[str], None] = 'c4d65f468335'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


user_table = sa.table(
    "user",
    sa.column("id", sa.Integer),
    sa.column("email", sa.String),
    sa.column("hashed_password", sa.String),
    sa.column("full_name", sa.String),
    sa.column("is_superuser", sa.Boolean),
)


def upgrade() -> None:
    """Upgrade schema."""
    # The password hash is a placeholder; the admin must reset it on first login.
    op.bulk_insert(
        user_table,
        [
            {
                "email": "admin@example.com",
                "hashed_password": "!",
                "full_name": "Administrator",
                "is_superuser": True,
            },
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(
        user_table.delete().where(user_table.c.email == op.inline_literal("admin@example.com"))
    )
