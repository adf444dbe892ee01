"""copy countries into a history table

Revision ID: 0113
Revises: 0112
Create Date: 2025-02-12 16:16:05.213051

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0113'
down_revision: Union[str, Sequence[str], None] = '0112'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "country_history",
        sa.Column("code", sa.CHAR(2), nullable=False),
        sa.Column("name", sa.Unicode(100), nullable=False),
        sa.Column("copied_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    countries = sa.table("countries", sa.column("code"), sa.column("name"))
    history = sa.table("country_history", sa.column("code"), sa.column("name"))
    op.execute(history.insert().from_select(["code", "name"], sa.select(countries.c.code, countries.c.name).where(countries.c.code != op.inline_literal("XX"))))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("country_history")
