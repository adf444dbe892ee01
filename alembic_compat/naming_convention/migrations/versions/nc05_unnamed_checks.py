"""unnamed check and enum constraints

Revision ID: nc05
Revises: nc04
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc05'
down_revision: Union[str, Sequence[str], None] = 'nc04'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.Enum("a", "b", native_enum=False, create_constraint=True)),
        sa.CheckConstraint("id > 0"),
    )


def downgrade() -> None:
    op.drop_table("audit")
