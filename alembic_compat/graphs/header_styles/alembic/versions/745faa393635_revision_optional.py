"""Optional[str] annotations and double quotes

Revision ID: 745faa393635
Revises: 35a1b1331724
Create Date: 2024-03-04 10:00:00.000000

"""
from __future__ import annotations

from typing import Optional, Tuple

from alembic import op
import sqlalchemy as sa

revision: str = "745faa393635"
down_revision: Optional[str] = "35a1b1331724"
branch_labels: Optional[Tuple[str, ...]] = ("optional_line",)
depends_on: Optional[str] = None


def upgrade() -> None:
    op.add_column("header_styles_base", sa.Column("flag", sa.Boolean(), nullable=True))


def downgrade() -> None:
    op.drop_column("header_styles_base", "flag")
