"""integer primary keys covered by table-level foreign keys

Revision ID: nc04
Revises: nc03
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc04'
down_revision: Union[str, Sequence[str], None] = 'nc03'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "parent_detail",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("bio", sa.Text()),
        sa.ForeignKeyConstraint(["id"], ["parent.id"], ondelete="CASCADE"),
    )
    op.create_table(
        "parent_detail_auto",
        sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=True),
        sa.ForeignKeyConstraint(["id"], ["parent.id"]),
    )
    op.create_table(
        "parent_detail_ignore_fk",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement="ignore_fk"),
        sa.ForeignKeyConstraint(["id"], ["parent.id"]),
    )
    op.create_table(
        "parent_pair",
        sa.Column("parent_id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.SmallInteger(), primary_key=True, autoincrement=True),
        sa.ForeignKeyConstraint(["parent_id"], ["parent.id"]),
    )


def downgrade() -> None:
    op.drop_table("parent_pair")
    op.drop_table("parent_detail_ignore_fk")
    op.drop_table("parent_detail_auto")
    op.drop_table("parent_detail")
