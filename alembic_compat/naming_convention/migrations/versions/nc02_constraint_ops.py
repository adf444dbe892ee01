"""constraint ops given None or a name

Revision ID: nc02
Revises: nc01
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc02'
down_revision: Union[str, Sequence[str], None] = 'nc01'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("child", sa.Column("code2", sa.String(10)))
    op.create_unique_constraint(None, "child", ["code2", "a"])
    op.create_table(
        "tag",
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(20), nullable=False),
    )
    op.create_primary_key(None, "tag", ["child_id", "label"])
    op.create_foreign_key(None, "tag", "child", ["child_id"], ["id"], ondelete="CASCADE")
    op.create_check_constraint("label_not_empty", "tag", "label <> ''")
    op.create_index(None, "tag", ["label"])
    op.create_index("tag_label_upper", "tag", [sa.text("upper(label)")])
    op.add_column("tag", sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id"), index=True))
    op.add_column(
        "tag",
        sa.Column("weight", sa.Integer(), sa.CheckConstraint("weight >= 0", name="weight_positive")),
    )
    op.create_unique_constraint(op.f("tag_weight_key"), "tag", ["weight"])


def downgrade() -> None:
    op.drop_constraint(op.f("tag_weight_key"), "tag", type_="unique")
    op.drop_index("tag_label_upper", table_name="tag")
    op.drop_constraint("label_not_empty", "tag", type_="check")
    op.drop_table("tag")
    op.drop_constraint("uq_child_code2_a", "child", type_="unique")
    op.drop_column("child", "code2")
