"""create the mood type and a table using it

Revision ID: 0022
Revises: 0021
Create Date: 2025-01-13 11:29:05.492422

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0022'
down_revision: Union[str, Sequence[str], None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")
    op.create_table(
        "moods",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("current", postgresql.ENUM("sad", "ok", "happy", name="mood", create_type=False), nullable=False),
        sa.Column("previous", postgresql.ENUM(name="mood", create_type=False), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("moods")
    op.execute("DROP TYPE mood")
