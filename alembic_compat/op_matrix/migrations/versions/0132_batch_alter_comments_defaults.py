"""batch comment and default changes

Revision ID: 0132
Revises: 0131
Create Date: 2025-02-19 12:39:15.363512

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0132'
down_revision: Union[str, Sequence[str], None] = '0131'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("currencies") as batch_op:
        batch_op.alter_column("minor_units", server_default=sa.text("2"), comment="Digits after the decimal point", existing_type=sa.SmallInteger(), existing_nullable=False)
        batch_op.create_table_comment("ISO 4217 currencies")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("currencies") as batch_op:
        batch_op.drop_table_comment(existing_comment="ISO 4217 currencies")
        batch_op.alter_column("minor_units", server_default="2", comment=None, existing_comment="Digits after the decimal point", existing_type=sa.SmallInteger(), existing_nullable=False)
