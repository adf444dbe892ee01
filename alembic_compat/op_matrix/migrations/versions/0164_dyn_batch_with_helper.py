"""batch rebuild driven by a helper

Revision ID: 0164
Revises: 0163
Create Date: 2025-03-01 10:42:43.616920

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0164'
down_revision: Union[str, Sequence[str], None] = '0163'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _plan_columns(price_type):
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("monthly_price", price_type, nullable=False),
        sa.Column("features", sa.JSON(), nullable=True),
        sa.Column("limits", postgresql.JSONB(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    """Upgrade schema."""
    plans = sa.Table("plans", sa.MetaData(), *_plan_columns(sa.Numeric(10, 2)))
    with op.batch_alter_table("plans", copy_from=plans) as batch_op:
        for name in ("yearly_price", "setup_fee"):
            batch_op.add_column(sa.Column(name, sa.Numeric(10, 2), nullable=True))
        batch_op.create_unique_constraint("uq_plans_name_price", ["name", "monthly_price"])


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("plans") as batch_op:
        batch_op.drop_constraint("uq_plans_name_price", type_="unique")
        for name in ("setup_fee", "yearly_price"):
            batch_op.drop_column(name)
