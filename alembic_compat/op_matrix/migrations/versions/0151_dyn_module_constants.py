"""finance audit log named by module constants

Revision ID: 0151
Revises: 0150
Create Date: 2025-02-25 18:02:26.513973

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = '0151'
down_revision: Union[str, Sequence[str], None] = '0150'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


SCHEMA = "finance"
TABLE = "audit_log"
ACTIONS = ("insert", "update", "delete")
FILLFACTOR = 90


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        TABLE,
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("table_name", sa.String(63), nullable=False),
        sa.Column("action", sa.Enum(*ACTIONS, name="audit_action", schema=SCHEMA), nullable=False),
        sa.Column("row_data", postgresql.JSONB(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        schema=SCHEMA,
    )
    op.create_index(f"ix_{TABLE}_table_name_at", TABLE, ["table_name", "at"], schema=SCHEMA)
    op.execute(f"ALTER TABLE {SCHEMA}.{TABLE} SET (fillfactor = {FILLFACTOR})")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(f"ix_{TABLE}_table_name_at", table_name=TABLE, schema=SCHEMA)
    op.drop_table(TABLE, schema=SCHEMA)
    op.execute(f"DROP TYPE {SCHEMA}.audit_action")
