"""composite foreign key on quoted names

Revision ID: 0094
Revises: 0093
Create Date: 2025-02-06 11:52:54.062590

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0094'
down_revision: Union[str, Sequence[str], None] = '0093'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_foreign_key("FK_Order_User", "Order", "user", ["user_id"], ["id"], source_schema="Reporting", ondelete="CASCADE")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("FK_Order_User", "Order", schema="Reporting", type_="foreignkey")
