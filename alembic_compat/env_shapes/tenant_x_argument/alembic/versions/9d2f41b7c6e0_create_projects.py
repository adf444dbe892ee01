"""create projects

Revision ID: 9d2f41b7c6e0
Revises: 
Create Date: 2025-06-02 10:15:33.004418

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9d2f41b7c6e0'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade(tenant: str) -> None:
    """Upgrade schema."""
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        schema=tenant,
    )


def downgrade(tenant: str) -> None:
    """Downgrade schema."""
    op.drop_table("projects", schema=tenant)
