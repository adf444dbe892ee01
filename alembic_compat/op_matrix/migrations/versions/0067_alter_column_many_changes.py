"""rework settings.value

Revision ID: 0067
Revises: 0066
Create Date: 2025-01-28 12:13:50.848777

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0067'
down_revision: Union[str, Sequence[str], None] = '0066'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "settings",
        "value",
        new_column_name="raw_value",
        type_=sa.String(2000),
        existing_type=sa.Text(),
        nullable=True,
        existing_nullable=False,
        server_default=None,
        existing_server_default=sa.text("''::text"),
        comment="Serialized setting value",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.alter_column(
        "settings",
        "raw_value",
        new_column_name="value",
        type_=sa.Text(),
        existing_type=sa.String(2000),
        nullable=False,
        existing_nullable=True,
        server_default="",
        comment=None,
        existing_comment="Serialized setting value",
    )
