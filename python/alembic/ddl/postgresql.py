"""``alembic.ddl.postgresql``: PostgreSQL's implementation (transactional DDL)."""

from __future__ import annotations

from .impl import DefaultImpl


class PostgresqlImpl(DefaultImpl):
    __dialect__ = "postgresql"
    transactional_ddl = True


def _warn_autoincrement() -> None:
    """``alter_column(autoincrement=...)`` on PostgreSQL. Alembic's ``DefaultImpl`` warns
    with ``stacklevel=3``, which lands in ``PostgresqlImpl.alter_column`` of
    ``alembic/ddl/postgresql.py``: the warning is attributed to this module too (same file
    name and module for warning filters, shown once per process as Alembic's)."""
    import warnings

    warnings.warn(
        "autoincrement and existing_autoincrement only make sense for MySQL",
        UserWarning,
        stacklevel=1,
    )
