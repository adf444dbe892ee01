"""The registry of dialect implementations as a third-party package sees it: what
``DefaultImpl.get_by_dialect`` finds for each dialect (with sqlalchemy-cockroachdb's
``CockroachDBImpl`` registered by importing its dialect), the error for a dialect no
implementation is registered for, and the constructs sqlalchemy-cockroachdb compiles through
``alembic.ddl.postgresql``; prints JSON. Run by tests/test_dialects.py under real Alembic and
under alembic-rs."""

import json
import warnings

warnings.simplefilter("ignore")

import alembic.ddl  # noqa: E402, F401
import alembic.ddl.postgresql  # noqa: E402
from alembic.ddl.impl import DefaultImpl  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from sqlalchemy import Integer, String  # noqa: E402
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2  # noqa: E402
from sqlalchemy.engine import url  # noqa: E402

out: dict = {}

dialects = {
    name: url.make_url(f"{name}://").get_dialect()()
    for name in ("postgresql", "cockroachdb", "mysql", "mariadb", "sqlite", "mssql", "oracle")
}
for name, dialect in dialects.items():
    impl = DefaultImpl.get_by_dialect(dialect)
    out[f"impl {name}"] = [
        impl.__name__,
        impl.__module__,
        [base.__name__ for base in impl.__mro__],
        impl.transactional_ddl,
    ]


class UnregisteredDialect(PGDialect_psycopg2):
    name = "nosuchdb"


for mode, opts in (("offline", {"as_sql": True}), ("online", {})):
    try:
        MigrationContext.configure(dialect=UnregisteredDialect(), opts=opts)
        out[f"unregistered {mode}"] = "configured"
    except Exception as error:
        out[f"unregistered {mode}"] = [type(error).__name__, str(error)]

pg = alembic.ddl.postgresql
for name in ("postgresql", "cockroachdb"):
    dialect = dialects[name]
    out[f"column type {name}"] = str(
        pg.PostgresqlColumnType("t", "user", String(20), schema="s.x", using="c::text").compile(
            dialect=dialect
        )
    )
    out[f"column type plain {name}"] = str(
        pg.PostgresqlColumnType("t", "c", Integer()).compile(dialect=dialect)
    )
    out[f"column comment {name}"] = str(
        pg.ColumnComment("t", "c", "it's", schema="s").compile(dialect=dialect)
    )
    out[f"column comment null {name}"] = str(
        pg.ColumnComment("t", "c", None).compile(dialect=dialect)
    )

print(json.dumps(out, indent=1, sort_keys=True))
