"""rebuild country_history with recreate=always

Revision ID: 0133
Revises:
Create Date: 2025-02-19 17:55:44.371431

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0133'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    country_history = sa.Table(
        "country_history",
        sa.MetaData(),
        sa.Column("code", sa.CHAR(2), nullable=False),
        sa.Column("name", sa.Unicode(100), nullable=False),
        sa.Column("copied_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    with op.batch_alter_table("country_history", recreate="always", copy_from=country_history) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch_op.alter_column("name", type_=sa.Unicode(200), existing_type=sa.Unicode(100), existing_nullable=False)
        batch_op.create_primary_key("pk_country_history", ["code", "copied_at"])


def downgrade() -> None:
    """Downgrade schema."""
    country_history = sa.Table(
        "country_history",
        sa.MetaData(),
        sa.Column("code", sa.CHAR(2), primary_key=True),
        sa.Column("name", sa.Unicode(200), nullable=False),
        sa.Column("copied_at", sa.DateTime(timezone=True), server_default=sa.func.now(), primary_key=True),
        sa.Column("note", sa.Text(), nullable=True),
    )
    with op.batch_alter_table("country_history", recreate="always", copy_from=country_history) as batch_op:
        batch_op.drop_column("note")
        batch_op.alter_column("name", type_=sa.Unicode(100), existing_type=sa.Unicode(200), existing_nullable=False)
