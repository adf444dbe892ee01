"""add project owner

Revision ID: 4e8a0c5d13f7
Revises: 9d2f41b7c6e0
Create Date: 2025-06-09 15:40:08.771230

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4e8a0c5d13f7'
down_revision: Union[str, Sequence[str], None] = '9d2f41b7c6e0'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade(tenant: str) -> None:
    """Upgrade schema."""
    op.add_column("projects", sa.Column("owner_email", sa.String(255), nullable=True), schema=tenant)
    op.create_index("ix_projects_owner_email", "projects", ["owner_email"], schema=tenant)


def downgrade(tenant: str) -> None:
    """Downgrade schema."""
    op.drop_index("ix_projects_owner_email", table_name="projects", schema=tenant)
    op.drop_column("projects", "owner_email", schema=tenant)
