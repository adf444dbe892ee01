"""``alembic.ddl``: the dialect implementations a MigrationContext writes through."""

from __future__ import annotations

from .impl import DefaultImpl as DefaultImpl
from .postgresql import PostgresqlImpl as PostgresqlImpl
