"""``alembic.ddl.postgresql``: PostgreSQL's implementation (transactional DDL), what the
runtime needs to know of PostgreSQL's drivers, and the advisory lock around an online run.

``PostgresqlColumnType``, ``ColumnComment``, ``visit_column_type`` and
``visit_column_comment`` are Alembic's SQLAlchemy constructs and their compilers, which
third-party packages use to register their dialect (sqlalchemy-cockroachdb's
``@compiles(alembic.ddl.postgresql.PostgresqlColumnType, "cockroachdb")``); they are built
on first use (``_constructs``), so that importing this module does not import SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from .. import util
from ..script.revision import _native_module
from .impl import DefaultImpl

# the drivers of SQLAlchemy's PostgreSQL dialect and their default paramstyles, so the
# paramstyle is known without importing the dialect module; the native registry's list
_DRIVER_PARAMSTYLES = dict(_native_module().dialect_drivers("postgresql"))

# DBAPI drivers that send a statement without parameters as one simple query, so that a
# multi-statement string runs in one round trip; others (asyncpg, pg8000) prepare every
# statement and get them one at a time
_MULTI_STATEMENT_DRIVERS = frozenset({"psycopg", "psycopg2", "psycopg2cffi"})


class PostgresqlImpl(DefaultImpl):
    __dialect__ = "postgresql"
    transactional_ddl = True
    __native_dialect__ = "postgresql"
    _driver_paramstyles = _DRIVER_PARAMSTYLES
    _multi_statement_drivers = _MULTI_STATEMENT_DRIVERS

    def run_lock(self, context: Any) -> _AdvisoryLock | None:
        # PostgreSQL's own: a database reached through a subclass (CockroachDB, Redshift)
        # speaks PostgreSQL's SQL but need not have its advisory locks
        if self.__dialect__ != "postgresql":
            return None
        return _AdvisoryLock.for_context(context)


_CONSTRUCTS = ("PostgresqlColumnType", "ColumnComment", "visit_column_type", "visit_column_comment")


def __getattr__(name: str) -> Any:
    if name in _CONSTRUCTS:
        from . import _constructs

        return getattr(_constructs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


class _AdvisoryLock:
    """A PostgreSQL advisory lock around an online run, so concurrent deploys serialise.

    Real Alembic lets two ``upgrade`` runs race (sqlalchemy/alembic#633). A run that is one
    transaction takes ``pg_advisory_xact_lock``, which ends with that transaction and so
    also works through a transaction-mode pooler (PgBouncer, Neon's ``-pooler``). A run that
    commits more than once (``transaction_per_migration``, an ``autocommit_block``) takes
    the session-level ``pg_advisory_lock`` and releases it when the run ends: behind a
    transaction-mode pooler a session lock is not reliable, see the README. Turn it off with
    ``alembic_rs_lock = false`` in the ini section.
    """

    def __init__(self, context: Any, key: int) -> None:
        self._context = context
        self._key = key
        # None, "xact" (ends with the run's transaction) or "session" (until released)
        self._held: str | None = None

    @classmethod
    def for_context(cls, context: Any) -> _AdvisoryLock | None:
        env = context.environment_context
        config = env.config if env is not None else None
        if config is not None:
            setting = config.get_main_option("alembic_rs_lock")
            if setting is not None and not util.asbool(setting):
                return None
        from ..script.base import _native_module

        key = _native_module().advisory_lock_key(
            context.version_table_schema, context.version_table
        )
        return cls(context, key)

    def acquire(self) -> None:
        """Taken by ``run_migrations``, which releases it whatever way the run ends."""
        if self._context._transaction_per_migration:
            self._lock_session()
        else:
            self._context.connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%d)" % self._key)
            self._held = "xact"

    def hold_across_commits(self) -> None:
        """Before a commit inside a run: keep the run's lock past it. Outside a run (an
        ``autocommit_block`` used directly) nothing is held and nothing is taken: a session
        lock there would have no run to release it and stay with a pooled connection."""
        if self._held == "xact":
            self._lock_session()

    def _lock_session(self) -> None:
        if self._held != "session":
            self._context.connection.exec_driver_sql("SELECT pg_advisory_lock(%d)" % self._key)
            self._held = "session"

    def release(self) -> None:
        held, self._held = self._held, None
        if held != "session":
            return  # a transaction-level lock ends with its transaction
        connection = self._context.connection
        unlock = "SELECT pg_advisory_unlock(%d)" % self._key
        try:
            was_in_transaction = connection.in_transaction()
            connection.exec_driver_sql(unlock)
            if not was_in_transaction:
                # end the transaction the statement began, as the run found the
                # connection: outside one
                connection.commit()
        except Exception as error:
            if getattr(error, "connection_invalidated", False) or connection.invalidated:
                return  # the session is gone, and the lock with it
            # the transaction failed (a statement's error, left to the caller to roll
            # back): nothing runs in it, so unlock as it ends
            _unlock_when_transaction_ends(connection, unlock)


def _unlock_when_transaction_ends(connection: Any, unlock: str) -> None:
    """Run ``unlock`` (a session-level advisory unlock) on ``connection`` as soon as its
    failed transaction ends: on its rollback, or its commit (which PostgreSQL turns into a
    rollback). The events fire before SQLAlchemy ends the transaction, so the DBAPI
    connection is rolled back here first when the unlock cannot run in it."""
    from sqlalchemy import event

    done = False

    def run(conn: Any) -> None:
        # once, at whichever comes first (a listener cannot be removed while its event is
        # being dispatched; each is registered `once`)
        nonlocal done
        if done:
            return
        done = True
        try:
            dbapi_connection = conn.connection.dbapi_connection
        except Exception:
            return  # closed or invalidated: the session (and its locks) ended
        for attempt in (1, 2):
            try:
                cursor = dbapi_connection.cursor()
                try:
                    cursor.execute(unlock)
                finally:
                    cursor.close()
                return
            except Exception as error:
                code = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
                if attempt == 2 or code != "25P02":
                    return
                # still the failed transaction (in_failed_sql_transaction): it can only be
                # rolled back, which is what its rollback or commit is about to do
                dbapi_connection.rollback()

    event.listen(connection, "rollback", run, once=True)
    event.listen(connection, "commit", run, once=True)
