"""mutually referencing tables with use_alter

Revision ID: 0142
Revises: 0141
Create Date: 2025-02-22 17:29:05.442702

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0142'
down_revision: Union[str, Sequence[str], None] = '0141'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("manager_id", sa.Integer(), sa.ForeignKey("employees.id", use_alter=True, name="fk_departments_manager_id_employees"), nullable=True),
        sa.Column("ledger_id", sa.BigInteger(), sa.ForeignKey("finance.ledger_entries.id", deferrable=True, initially="DEFERRED", match="FULL", onupdate="NO ACTION"), nullable=True),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id", ondelete="SET NULL"), nullable=True),
    )
    op.create_foreign_key("fk_departments_manager_id_employees", "departments", "employees", ["manager_id"], ["id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_departments_manager_id_employees", "departments", type_="foreignkey")
    op.drop_table("employees")
    op.drop_table("departments")
