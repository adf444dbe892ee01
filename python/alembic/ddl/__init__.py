"""``alembic.ddl``: the dialect implementations a MigrationContext writes through, registered
by ``__dialect__`` as in Alembic (``impl.ImplMeta``)."""

from __future__ import annotations

from . import mssql as mssql
from . import mysql as mysql
from . import oracle as oracle
from . import postgresql as postgresql
from . import sqlite as sqlite
from .impl import DefaultImpl as DefaultImpl
from .postgresql import PostgresqlImpl as PostgresqlImpl
