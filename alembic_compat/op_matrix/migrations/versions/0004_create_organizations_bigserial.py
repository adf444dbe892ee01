"""create organizations with a bigint key and a table comment

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-07 11:23:23.349880

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "organizations",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("slug", sa.String(60), nullable=False, unique=True),
        comment="Customer organizations (tenants)",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("organizations")
