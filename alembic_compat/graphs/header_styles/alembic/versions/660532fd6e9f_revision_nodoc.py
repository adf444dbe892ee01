from alembic import op
import sqlalchemy as sa

# A revision without a docstring: its doc is empty.
revision = '660532fd6e9f'
down_revision = '90c213b0bd4e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_hs_name', 'header_styles_base', ['name'])


def downgrade():
    op.drop_index('ix_hs_name', table_name='header_styles_base')
