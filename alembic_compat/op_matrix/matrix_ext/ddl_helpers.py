"""Helpers shared by several migrations (they call alembic.op like a migration does)."""

import sqlalchemy as sa
from alembic import op


def timestamps():
    """created_at / updated_at columns, as every table of the app has them."""
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    ]


def add_updated_at_trigger(table, schema=None):
    qualified = f"{schema}.{table}" if schema else table
    op.execute(
        f"CREATE TRIGGER trg_{table}_updated_at BEFORE UPDATE ON {qualified} "
        "FOR EACH ROW EXECUTE FUNCTION set_updated_at()"
    )


def drop_updated_at_trigger(table, schema=None):
    qualified = f"{schema}.{table}" if schema else table
    op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_updated_at ON {qualified}")
