"""support tasks with Python enum classes

Revision ID: 0157
Revises: 0156
Create Date: 2025-02-27 11:44:20.561487

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from matrix_ext.enums import Priority, TicketState


# revision identifiers, used by Alembic.
revision: str = '0157'
down_revision: Union[str, Sequence[str], None] = '0156'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "support_tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("priority", sa.Enum(Priority, name="task_priority"), nullable=False),
        sa.Column("state", sa.Enum(TicketState, name="task_state", values_callable=lambda e: [m.value for m in e]), server_default="open", nullable=False),
        sa.Column("fallback_priority", sa.Enum(Priority, native_enum=False, create_constraint=True, name="ck_support_tasks_fallback_priority"), nullable=True),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("support_tasks")
    sa.Enum(name="task_state").drop(op.get_bind(), checkfirst=False)
    postgresql.ENUM(name="task_priority").drop(op.get_bind(), checkfirst=False)
