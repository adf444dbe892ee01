"""Shared helpers imported by revisions (not a revision itself)."""

import sqlalchemy as sa


def timestamps():
    return [sa.Column("created_at", sa.DateTime(), nullable=False)]
