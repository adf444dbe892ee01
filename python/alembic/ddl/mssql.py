"""``alembic.ddl.mssql``: SQL Server's implementation, registered under Alembic's name so that
a SQL Server URL is recognised (and a package subclassing ``MSSQLImpl`` is found) as with Alembic.
alembic-rs has no native compiler for SQL Server (``__native_dialect__`` is None): a
MigrationContext for it raises NotImplementedError naming the dialect."""

from __future__ import annotations

from .impl import DefaultImpl


class MSSQLImpl(DefaultImpl):
    __dialect__ = "mssql"
    transactional_ddl = True
