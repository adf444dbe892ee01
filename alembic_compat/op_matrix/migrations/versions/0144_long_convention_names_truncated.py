"""naming-convention names longer than 63 characters

Revision ID: 0144
Revises: 0143
Create Date: 2025-02-23 10:03:03.458540

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0144'
down_revision: Union[str, Sequence[str], None] = '0143'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "subscription_billing_cycle_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_billing_cycle_id", sa.Integer(), nullable=False),
        sa.Column("adjustment_reason_code", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_billing_cycle_adjustments")),
        sa.UniqueConstraint(
            "subscription_billing_cycle_id",
            "adjustment_reason_code",
            name=op.f("uq_subscription_billing_cycle_adjustments_subscription_billing_cycle_id"),
        ),
    )
    op.create_index(
        op.f("ix_subscription_billing_cycle_adjustments_adjustment_reason_code"),
        "subscription_billing_cycle_adjustments",
        ["adjustment_reason_code"],
        unique=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_subscription_billing_cycle_adjustments_adjustment_reason_code"), table_name="subscription_billing_cycle_adjustments")
    op.drop_table("subscription_billing_cycle_adjustments")
