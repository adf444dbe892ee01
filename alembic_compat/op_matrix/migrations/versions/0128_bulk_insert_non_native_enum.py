"""seed surveys

Revision ID: 0128
Revises: 0127
Create Date: 2025-02-17 10:31:19.331836

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0128'
down_revision: Union[str, Sequence[str], None] = '0127'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        sa.table(
            "surveys",
            sa.column("id", sa.Integer()),
            sa.column("kind", sa.Enum("poll", "quiz", "form", name="survey_kind", native_enum=False)),
            sa.column("visibility", sa.String()),
        ),
        [{"id": 1, "kind": "poll", "visibility": "public"}, {"id": 2, "kind": "quiz", "visibility": "private"}],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM surveys WHERE id IN (1, 2)")
