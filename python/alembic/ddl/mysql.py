"""``alembic.ddl.mysql``: MySQL's implementation, registered under Alembic's name so that
a MySQL URL is recognised (and a package subclassing ``MySQLImpl`` is found) as with Alembic.
alembic-rs has no native compiler for MySQL (``__native_dialect__`` is None): a
MigrationContext for it raises NotImplementedError naming the dialect."""

from __future__ import annotations

from .impl import DefaultImpl


class MySQLImpl(DefaultImpl):
    __dialect__ = "mysql"
    transactional_ddl = False


class MariaDBImpl(MySQLImpl):
    __dialect__ = "mariadb"
