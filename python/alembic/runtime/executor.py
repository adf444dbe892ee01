"""``DbapiExecutor``: runs compiled statements through the connection ``env.py`` configured.

Alembic sends every statement on its own, one round trip each. Here statements are buffered
-- across ops and migrations, version-table writes included -- and sent together as one
multi-statement string, synchronising only where something needs the database's answer.
That is inside a run only (``run_migrations``, ``stamp``); outside one (``Operations(ctx)``
used directly, ``context.execute`` in ``env.py``) every statement is sent when its op is
called, as Alembic sends it. The sync points of a run:

- before any statement other code executes on the connection (a data migration's
  ``op.get_bind().execute(...)``, a SQLAlchemy Core construct, a user's event hook): a
  ``before_execute`` / ``before_cursor_execute`` listener flushes first, so that code sees
  the DDL before it; merely calling ``op.get_bind()`` costs nothing;
- before ``on_version_apply`` callbacks, at ``autocommit_block`` boundaries, at commit, and
  when the run ends.

Log records about the statements (``Running upgrade a -> b``) wait in the buffer with them
and are emitted once the statements before them have run, so that after a failure the log
shows exactly the migrations Alembic would have reached.

Inside a transaction each batch is a ``SAVEPOINT`` (its own round trip: PostgreSQL parses a
multi-statement string as a whole, so a syntax error would keep a savepoint inside it from
being created) and then ``<statements>; RELEASE SAVEPOINT``: when a statement fails, the
batch is rolled back to its savepoint and replayed one statement at a time through
SQLAlchemy, so the error raised is exactly the one Alembic's own
execution of that statement raises (the database's exception, as SQLAlchemy wraps it), and
it gets a note naming the migration and the op. Outside a transaction (``autocommit_block``,
non-transactional DDL) statements are sent one at a time, as PostgreSQL runs a
multi-statement string as one implicit transaction; so are they with drivers that prepare
every statement (asyncpg, pg8000), which cannot take several at once.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

_SAVEPOINT = "alembic_rs_batch"

# DBAPI drivers that send a statement without parameters as one simple query, so that a
# multi-statement string runs in one round trip; others (asyncpg, pg8000) prepare every
# statement and get them one at a time
_MULTI_STATEMENT_DRIVERS = frozenset({"psycopg", "psycopg2", "psycopg2cffi"})


class Provenance(NamedTuple):
    """Where a statement comes from, for error messages."""

    step: str
    """``"upgrade a -> b"``, or ``""`` outside a migration step."""
    op: str
    """``"op.add_column (op #2) at versions/b.py:14"`` or the like; ``""`` when unknown."""

    def describe(self) -> str:
        where = f"while running {self.step}" if self.step else "while running migrations"
        return f"alembic-rs: {where}: {self.op}" if self.op else f"alembic-rs: {where}"


class DbapiExecutor:
    """Buffers statements for one SQLAlchemy Connection and sends them in batches."""

    def __init__(self, context: Any) -> None:
        self._context = context
        # statements, and log records waiting for the statements before them: (sql,
        # provenance) or (None, emit)
        self._pending: list[tuple[str | None, Any]] = []
        self._flushing = False
        self._listening_on: Any = None
        # statements one at a time (autocommit blocks)
        self.immediate = False
        # statements wait for a sync point only while a run holds this (``run_migrations``,
        # ``stamp``: see ``MigrationContext._batching``); outside one every statement is
        # sent when its op is called, as Alembic sends it (``Operations(ctx).add_column``)
        self.batching = False
        # how many times statements went to the server (for diagnostics and tests)
        self.batches = 0

    # -- the listener that makes other code on the connection a synchronisation point ------

    def attach(self, connection: Any) -> None:
        from sqlalchemy import event

        if self._listening_on is connection:
            return
        self.detach()
        event.listen(connection, "before_execute", self._before_other_sql)
        event.listen(connection, "before_cursor_execute", self._before_other_sql)
        self._listening_on = connection

    def detach(self) -> None:
        if self._listening_on is None:
            return
        from sqlalchemy import event

        connection, self._listening_on = self._listening_on, None
        event.remove(connection, "before_execute", self._before_other_sql)
        event.remove(connection, "before_cursor_execute", self._before_other_sql)

    def _before_other_sql(self, *args: Any, **kw: Any) -> None:
        if not self._flushing and self._pending:
            self.flush()

    # -- statements ----------------------------------------------------------------------

    def submit(self, sql: str, provenance: Provenance) -> None:
        self._pending.append((sql, provenance))
        if self.immediate or not self.batching:
            self.flush()

    def log(self, emit: Callable[[], None]) -> None:
        """Emit a log record once the statements submitted before it have run."""
        if self._pending:
            self._pending.append((None, emit))
        else:
            emit()

    def flush(self) -> None:
        """Send what is buffered; raise the first failing statement's own error."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        statements = [sql for sql, _ in pending if sql is not None]
        connection = self._context.connection
        # Alembic's `assert conn is not None`: a context configured without a connection
        # (`MigrationContext.configure(dialect_name=...)`) has nowhere to run statements
        assert connection is not None
        self._flushing = True
        try:
            if (
                self.immediate
                or not hasattr(connection, "in_transaction")  # a MockConnection
                or len(statements) <= 1
                or connection.dialect.driver not in _MULTI_STATEMENT_DRIVERS
                or not connection.in_transaction()
            ):
                self._one_by_one(connection, pending)
                return
            # the savepoint goes first, on its own: PostgreSQL parses a multi-statement
            # string as a whole, so a syntax error anywhere in the batch would keep a
            # SAVEPOINT inside it from ever being created
            self.batches += 2
            connection.exec_driver_sql(f"SAVEPOINT {_SAVEPOINT}")
            batch = ";\n".join([*statements, f"RELEASE SAVEPOINT {_SAVEPOINT}"])
            try:
                connection.exec_driver_sql(batch)
            except Exception as error:
                batch_error = error
            else:
                for sql, emit in pending:
                    if sql is None:
                        emit()
                return
            if getattr(batch_error, "connection_invalidated", False):
                # the connection is gone: nothing to replay on, and the server has rolled
                # the transaction back
                _add_note(batch_error, "alembic-rs: the connection was lost during a batch")
                raise batch_error
            # find the failing statement: back to the savepoint, then one at a time, so the
            # error raised is that statement's own
            self.batches += 1
            connection.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
            self._one_by_one(connection, pending)
        finally:
            self._flushing = False

    def _one_by_one(self, connection: Any, pending: list[tuple[str | None, Any]]) -> None:
        for sql, what in pending:
            if sql is None:
                what()
            else:
                self._one(connection, sql, what)

    def _one(self, connection: Any, sql: str, provenance: Provenance) -> None:
        self.batches += 1
        try:
            if not hasattr(connection, "exec_driver_sql"):
                # `create_mock_engine(url, executor)`: the executor gets a DDL construct and
                # Alembic's empty parameters, as from Alembic's `conn.execute(construct)`
                from sqlalchemy.util import immutabledict

                connection.execute(native_ddl(sql), immutabledict())
                return
            connection.exec_driver_sql(sql)
        except Exception as error:
            _add_note(error, provenance.describe())
            raise

    def discard(self) -> None:
        """Drop what is buffered (the transaction it belonged to is being rolled back)."""
        self._pending.clear()


_NATIVE_DDL: Any = None


def native_ddl(sql: str) -> Any:
    """A SQLAlchemy DDL construct whose compiled form is ``sql`` (a natively compiled
    statement), for connections that take constructs only (a mock engine's)."""
    global _NATIVE_DDL
    if _NATIVE_DDL is None:
        from sqlalchemy.ext.compiler import compiles
        from sqlalchemy.schema import ExecutableDDLElement

        class NativeDDL(ExecutableDDLElement):
            inherit_cache = False

            def __init__(self, text: str) -> None:
                self.text = text

        @compiles(NativeDDL)
        def _compile(element: Any, compiler: Any, **kw: Any) -> str:
            return element.text

        _NATIVE_DDL = NativeDDL
    return _NATIVE_DDL(sql)



def _add_note(error: BaseException, note: str) -> None:
    add_note = getattr(error, "add_note", None)  # Python 3.11+
    if add_note is not None and note not in getattr(error, "__notes__", ()):
        add_note(note)
