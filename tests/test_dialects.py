"""The dialect is a value chosen through Alembic's registry of implementations.

- The registry (``alembic.ddl.impl._impls``, filled by ``ImplMeta``) answers
  ``get_by_dialect`` as Alembic's does, third-party implementations included: with
  sqlalchemy-cockroachdb installed, a ``cockroachdb://`` URL gets its ``CockroachDBImpl``
  (a ``PostgresqlImpl`` subclass), compiled natively as PostgreSQL, and ``upgrade --sql``
  prints exactly what real Alembic prints (stdout and stderr).
- A dialect Alembic has an implementation for and alembic-rs compiles nothing for (MySQL,
  SQLite, SQL Server, Oracle) fails in ``MigrationContext.__init__``, before any output or
  statement, with one error naming the dialect. A dialect nobody registered an
  implementation for is Alembic's own ``KeyError``.
"""

from __future__ import annotations

import io

import oracle
import pytest

COMPAT = oracle.REPO / "alembic_compat"
# env.py reads its URL from DATABASE_URL; its offline configure passes no paramstyle
TRIP_PLANNER = COMPAT / "trip_planner"
SNIPPET = oracle.REPO / "tests" / "snippets" / "dialects.py"
COCKROACHDB_URL = "cockroachdb://root@localhost:26257/defaultdb"


def _unsupported(name: str) -> str:
    return (
        f"NotImplementedError: alembic-rs has no DDL implementation for the {name!r} dialect "
        "yet (it compiles DDL for: postgresql)"
    )


def test_registry_as_alembic() -> None:
    # what get_by_dialect finds for each dialect, the KeyError for an unregistered one, and
    # the constructs sqlalchemy-cockroachdb compiles through alembic.ddl.postgresql
    expected = oracle.run_snippet(oracle.oracle_bin(), SNIPPET)
    assert oracle.run_snippet(oracle.ours_bin(), SNIPPET) == expected


# projects whose env.py takes the URL from DATABASE_URL (finance_backend's and job_runner's
# pass a paramstyle in dialect_opts, trip_planner's none); the ranges are linear: at a merge
# point, which head gets the UPDATE follows Alembic's set order whatever the dialect (see
# tests/test_offline_sql.py)
COCKROACHDB_RUNS = {
    "trip_planner-upgrade": ("trip_planner", ["upgrade", "head", "--sql"]),
    "finance_backend-upgrade": ("finance_backend", ["upgrade", "head", "--sql"]),
    "job_runner-downgrade": ("job_runner", ["downgrade", "e11effefe76c:base", "--sql"]),
}


@pytest.mark.parametrize("case", list(COCKROACHDB_RUNS))
def test_cockroachdb_offline_as_alembic(case: str) -> None:
    project, args = COCKROACHDB_RUNS[case]
    env = {"DATABASE_URL": COCKROACHDB_URL}
    expected = oracle.run_oracle(args, COMPAT / project, env)
    ours = oracle.run_ours(args, COMPAT / project, env)
    assert expected.returncode == 0, expected.stderr
    assert "Context impl CockroachDBImpl." in expected.stderr
    # CockroachDBImpl's transactional_ddl is False: no BEGIN / COMMIT
    assert "Will assume non-transactional DDL." in expected.stderr
    assert (ours.returncode, ours.stderr) == (expected.returncode, expected.stderr)
    assert ours.stdout == expected.stdout


@pytest.mark.parametrize(
    "url, name",
    [
        ("mysql://root@localhost/db", "mysql"),
        ("mariadb://root@localhost/db", "mariadb"),
        ("sqlite:///db.sqlite", "sqlite"),
        ("mssql+pyodbc://sa@localhost/db", "mssql"),
        ("oracle://scott@localhost/db", "oracle"),
    ],
)
def test_unsupported_dialect_fails_before_any_output(url: str, name: str) -> None:
    ours = oracle.run_ours(["upgrade", "head", "--sql"], TRIP_PLANNER, {"DATABASE_URL": url})
    assert ours.returncode == 1
    assert ours.stdout == ""
    assert ours.stderr.rstrip().splitlines()[-1] == _unsupported(name), ours.stderr
    # refused before the context was set up: no "Context impl ..." line either
    assert "Context impl" not in ours.stderr


def test_unsupported_dialect_in_process() -> None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_mock_engine

    message = _unsupported("mysql").removeprefix("NotImplementedError: ")
    buffer = io.StringIO()
    with pytest.raises(NotImplementedError) as offline:
        MigrationContext.configure(
            url="mysql://root@localhost/db", opts={"as_sql": True, "output_buffer": buffer}
        )
    assert str(offline.value) == message
    assert buffer.getvalue() == ""
    with pytest.raises(NotImplementedError) as by_name:
        MigrationContext.configure(dialect_name="mysql")
    assert str(by_name.value) == message

    # online: a connection's statements would go to its executor; none is sent
    sent: list[object] = []
    engine = create_mock_engine("mysql://", lambda sql, *a, **kw: sent.append(sql))
    with pytest.raises(NotImplementedError) as online:
        MigrationContext.configure(connection=engine)
    assert str(online.value) == message
    assert sent == []


def test_third_party_impl_of_an_unsupported_dialect_is_refused() -> None:
    # a package's DefaultImpl subclass for its own dialect is found (no KeyError) and
    # refused by name, as it has no native compiler; a PostgresqlImpl subclass inherits
    # PostgreSQL's
    from alembic.ddl.impl import DefaultImpl, _impls
    from alembic.ddl.postgresql import PostgresqlImpl
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2

    class NewDbDialect(PGDialect_psycopg2):
        name = "alembic_rs_newdb"

    class NewDbImpl(DefaultImpl):
        __dialect__ = "alembic_rs_newdb"

    class PgLikeDialect(PGDialect_psycopg2):
        name = "alembic_rs_pglike"

    class PgLikeImpl(PostgresqlImpl):
        __dialect__ = "alembic_rs_pglike"
        transactional_ddl = False

    try:
        with pytest.raises(NotImplementedError, match="for the 'alembic_rs_newdb' dialect yet"):
            MigrationContext.configure(dialect=NewDbDialect(), opts={"as_sql": True})
        out = io.StringIO()
        context = MigrationContext.configure(
            dialect=PgLikeDialect(), opts={"as_sql": True, "output_buffer": out}
        )
        assert type(context.impl) is PgLikeImpl
        assert PgLikeImpl.__native_dialect__ == "postgresql"
        assert context.impl.transactional_ddl is False
    finally:
        del _impls["alembic_rs_newdb"], _impls["alembic_rs_pglike"]


def test_advisory_lock_is_postgresqls_own() -> None:
    # the lock around an online run is taken on PostgreSQL only: CockroachDB (like Redshift,
    # another PostgresqlImpl subclass) has no pg_advisory_xact_lock to rely on
    from alembic.runtime.migration import MigrationContext

    assert MigrationContext.configure(dialect_name="postgresql")._lock is not None
    context = MigrationContext.configure(dialect_name="cockroachdb")
    assert type(context.impl).__name__ == "CockroachDBImpl"
    assert context._lock is None
