"""demo data only when asked for with -x seed_demo=yes

Revision ID: 0163
Revises: 0162
Create Date: 2025-03-01 14:26:14.609001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from alembic import context


# revision identifiers, used by Alembic.
revision: str = '0163'
down_revision: Union[str, Sequence[str], None] = '0162'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("plans", sa.Column("is_demo", sa.Boolean(), server_default=sa.false(), nullable=False))
    if context.get_x_argument(as_dictionary=True).get("seed_demo") == "yes":
        op.bulk_insert(
            sa.table("plans", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("monthly_price", sa.Numeric), sa.column("is_demo", sa.Boolean)),
            [{"id": 99, "name": "demo", "monthly_price": 0, "is_demo": True}],
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM plans WHERE is_demo")
    op.drop_column("plans", "is_demo")
