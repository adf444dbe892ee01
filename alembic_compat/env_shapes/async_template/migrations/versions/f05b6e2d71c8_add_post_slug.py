"""add post slug

Revision ID: f05b6e2d71c8
Revises: a7d3e1c09b54
Create Date: 2025-05-19 13:02:50.441982

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f05b6e2d71c8'
down_revision: Union[str, Sequence[str], None] = 'a7d3e1c09b54'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('posts', sa.Column('slug', sa.String(length=220), nullable=True))
    op.execute("UPDATE posts SET slug = lower(regexp_replace(title, '[^a-zA-Z0-9]+', '-', 'g'))")
    op.alter_column('posts', 'slug', nullable=False, existing_type=sa.String(length=220))
    op.create_unique_constraint('uq_posts_slug', 'posts', ['slug'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint('uq_posts_slug', 'posts', type_='unique')
    op.drop_column('posts', 'slug')
