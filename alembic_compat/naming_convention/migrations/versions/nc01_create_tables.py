"""create tables with unnamed constraints

Revision ID: nc01
Revises: 
Create Date: 2026-12-07 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'nc01'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "parent",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, unique=True),
    )
    op.create_table(
        "child",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(10), unique=True),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", ondelete="CASCADE")),
        sa.Column("n", sa.Integer(), nullable=False, index=True),
        sa.Column(
            "state",
            sa.Enum("new", "done", name="state", native_enum=False, create_constraint=True),
        ),
        sa.Column("a", sa.Integer()),
        sa.Column("b", sa.Integer()),
        sa.Column("other_parent_id", sa.Integer()),
        sa.Column("price", sa.Integer(), sa.CheckConstraint("price >= 0", name="price")),
        sa.CheckConstraint("n > 0", name="positive"),
        sa.UniqueConstraint("a", "b"),
        sa.ForeignKeyConstraint(["other_parent_id"], ["parent.id"]),
        sa.UniqueConstraint("b", name=op.f("uq_explicit_b")),
        sa.UniqueConstraint("n", "a", name="named_n_a"),
    )
    op.create_table(
        "measurement_readings_for_sensor_calibration",
        sa.Column("reading_identifier", sa.BigInteger(), primary_key=True),
        sa.Column("calibration_reference_code", sa.String(20), unique=True),
        sa.Column("calibration_sensor_identifier", sa.Integer(), index=True),
        schema="public",
    )


def downgrade() -> None:
    op.drop_table("measurement_readings_for_sensor_calibration", schema="public")
    op.drop_table("child")
    op.drop_table("parent")
