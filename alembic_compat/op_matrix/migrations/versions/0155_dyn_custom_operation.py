"""sequences through a registered custom operation

Revision ID: 0155
Revises: 0154
Create Date: 2025-02-26 11:10:22.545649

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from matrix_ext.operations import CreateSequenceOp


# revision identifiers, used by Alembic.
revision: str = '0155'
down_revision: Union[str, Sequence[str], None] = '0154'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_sequence_x("order_number_seq", start=1000, increment=1)
    op.create_sequence_x("payout_seq", schema="finance")
    op.invoke(CreateSequenceOp("receipt_seq", start=1))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_sequence_x("receipt_seq")
    op.drop_sequence_x("payout_seq", schema="finance", if_exists=True)
    op.drop_sequence_x("order_number_seq")
