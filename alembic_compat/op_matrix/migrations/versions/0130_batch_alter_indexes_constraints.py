"""batch index and constraint changes

Revision ID: 0130
Revises: 0129
Create Date: 2025-02-18 12:05:17.347674

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0130'
down_revision: Union[str, Sequence[str], None] = '0129'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_status"), ["status"], unique=False)
        batch_op.create_unique_constraint("uq_tickets_title", ["title"])
        batch_op.create_check_constraint("ck_tickets_title_length", "char_length(title) > 2")
        batch_op.create_foreign_key("fk_tickets_previous_account", "accounts", ["account_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_constraint("fk_tickets_previous_account", type_="foreignkey")
        batch_op.drop_constraint("ck_tickets_title_length", type_="check")
        batch_op.drop_constraint("uq_tickets_title", type_="unique")
        batch_op.drop_index(batch_op.f("ix_tickets_status"))
