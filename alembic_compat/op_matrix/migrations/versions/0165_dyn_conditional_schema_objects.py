"""grant read access per schema

Revision ID: 0165
Revises: 0164
Create Date: 2025-03-02 16:00:12.624839

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0165'
down_revision: Union[str, Sequence[str], None] = '0164'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


READ_SCHEMAS = {"public": "ro_public", "finance": "ro_finance"}


def upgrade() -> None:
    """Upgrade schema."""
    for schema, role in sorted(READ_SCHEMAS.items()):
        op.execute(f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        op.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")


def downgrade() -> None:
    """Downgrade schema."""
    for schema, role in sorted(READ_SCHEMAS.items(), reverse=True):
        op.execute(f"REVOKE SELECT ON ALL TABLES IN SCHEMA {schema} FROM {role}")
        op.execute(f"REVOKE USAGE ON SCHEMA {schema} FROM {role}")
        # roles belong to the cluster: another database may still grant to it
        op.execute(
            f"DO $$ BEGIN DROP ROLE IF EXISTS {role}; "
            "EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$"
        )
