"""``alembic.ddl.oracle``: Oracle's implementation, registered under Alembic's name so that
a Oracle URL is recognised (and a package subclassing ``OracleImpl`` is found) as with Alembic.
alembic-rs has no native compiler for Oracle (``__native_dialect__`` is None): a
MigrationContext for it raises NotImplementedError naming the dialect."""

from __future__ import annotations

from .impl import DefaultImpl


class OracleImpl(DefaultImpl):
    __dialect__ = "oracle"
    transactional_ddl = False
