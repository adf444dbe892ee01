"""create attachments with binary columns

Revision ID: 0015
Revises: 0014
Create Date: 2025-01-11 12:29:42.436989

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", postgresql.BYTEA(), nullable=True),
        sa.Column("checksum", sa.LargeBinary(length=32), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("attachments")
