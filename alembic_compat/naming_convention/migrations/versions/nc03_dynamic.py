"""the same through Python

Revision ID: nc03
Revises: nc02
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc03'
down_revision: Union[str, Sequence[str], None] = 'nc02'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _gadget_columns():
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("serial", sa.String(20), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id")),
        sa.Column("a", sa.Integer()),
        sa.Column("b", sa.Integer()),
        sa.Column("size", sa.Integer(), sa.CheckConstraint("size > 0", name="size")),
    ]


def upgrade() -> None:
    op.create_table(
        "gadget",
        *_gadget_columns(),
        sa.UniqueConstraint("serial"),
        sa.CheckConstraint("a <> b", name="a_not_b"),
        sa.Index(None, "serial", "a"),
    )
    for column in ("a", "b"):
        op.create_index(None, "gadget", [column])
    op.create_unique_constraint(None, "gadget", ["a", "b"])
    op.create_foreign_key(None, "gadget", "parent", ["b"], ["id"])
    op.execute("CREATE TABLE IF NOT EXISTS gadget_part (gadget_id INTEGER, part INTEGER)")
    op.create_exclude_constraint(None, "gadget_part", ("part", "="), using="btree")
    # a column with a key: constraints name it by its key, %(column_0_key)s reads it
    op.create_table(
        "keyed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("b", sa.Integer(), key="bk"),
        sa.UniqueConstraint("bk"),
    )
    # an integer primary key that is also a foreign key (table-level) never autoincrements
    op.create_table(
        "gadget_detail",
        sa.Column("gadget_id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text()),
        sa.ForeignKeyConstraint(["gadget_id"], ["gadget.id"]),
    )


def downgrade() -> None:
    op.drop_table("gadget_detail")
    op.drop_table("keyed")
    op.drop_table("gadget_part")
    op.drop_table("gadget")
