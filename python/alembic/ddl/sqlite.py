"""``alembic.ddl.sqlite``: SQLite's implementation, registered under Alembic's name so that
a SQLite URL is recognised (and a package subclassing ``SQLiteImpl`` is found) as with Alembic.
alembic-rs has no native compiler for SQLite (``__native_dialect__`` is None): a
MigrationContext for it raises NotImplementedError naming the dialect."""

from __future__ import annotations

from .impl import DefaultImpl


class SQLiteImpl(DefaultImpl):
    __dialect__ = "sqlite"
    transactional_ddl = False
