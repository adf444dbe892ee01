"""legacy file without a revision variable"""

down_revision = '34c0c536fb8e'


def upgrade():
    pass


def downgrade():
    pass
