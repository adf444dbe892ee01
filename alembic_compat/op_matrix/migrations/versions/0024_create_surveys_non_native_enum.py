"""create surveys with non-native enums

Revision ID: 0024
Revises: 0023
Create Date: 2025-01-14 13:03:03.508260

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0024'
down_revision: Union[str, Sequence[str], None] = '0023'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.Enum("poll", "quiz", "form", name="survey_kind", native_enum=False, create_constraint=True), nullable=False),
        sa.Column("visibility", sa.Enum("public", "private", native_enum=False, length=20), nullable=False),
        sa.Column("channel", sa.Enum("web", "mobile", name="ck_surveys_channel", native_enum=False, create_constraint=True, length=10), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("surveys")
