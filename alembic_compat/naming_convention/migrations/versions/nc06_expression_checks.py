"""checks whose condition is an SQL expression

Revision ID: nc06
Revises: nc05
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc06'
down_revision: Union[str, Sequence[str], None] = 'nc05'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # CheckConstraint.columns are the columns the expression references: naming
    # conventions' column tokens read them (text references none)
    op.create_table(
        "stock",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("qty", sa.Integer()),
        sa.CheckConstraint(sa.column("qty") >= 0),
    )
    op.create_check_constraint(None, "stock", sa.and_(sa.column("id") > 0, sa.column("qty") < 1000))


def downgrade() -> None:
    op.drop_table("stock")
