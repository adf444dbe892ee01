"""``alembic.ddl.postgresql``: PostgreSQL's implementation (transactional DDL)."""

from __future__ import annotations

from .impl import DefaultImpl


class PostgresqlImpl(DefaultImpl):
    __dialect__ = "postgresql"
    transactional_ddl = True
