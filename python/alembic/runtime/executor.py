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

Inside a transaction each batch runs after a ``SAVEPOINT``: when a statement fails, the
batch is rolled back to its savepoint and replayed one statement at a time through
SQLAlchemy, so the error raised is exactly the one Alembic's own
execution of that statement raises (the database's exception, as SQLAlchemy wraps it), and
it gets a note naming the migration and the op. Outside a transaction (``autocommit_block``,
non-transactional DDL) statements are sent one at a time, as PostgreSQL runs a
multi-statement string as one implicit transaction; so are they with drivers that prepare
every statement (asyncpg, pg8000), which cannot take several at once: which drivers can is
the dialect implementation's ``_multi_statement_drivers`` (``alembic.ddl.postgresql``).

The savepoint cannot be created inside the batch it guards: PostgreSQL parses a
multi-statement string as a whole, so a syntax error anywhere in it would keep the
``SAVEPOINT`` from running. So a batch ends by creating the next one's savepoint,
``<statements>; RELEASE SAVEPOINT s; SAVEPOINT s``, and a batch costs one round trip while
nothing that changes the database ran on the connection since (a rollback to that savepoint
would undo another statement: a data migration's write, a user's savepoint) and the
transaction is the same. A plain ``SELECT`` (a data migration reading rows) keeps it: should
the next batch fail and its replay after the rollback then pass, where the rolled-back
``SELECT`` might have had effects, the batch's error is raised rather than going on.
Otherwise the savepoint is sent on its own first, one more round trip.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from typing import Any, Callable, Iterator, NamedTuple

_SAVEPOINT = "alembic_rs_batch"

# how a statement other code runs between batches starts, when rolling back to the
# savepoint created before it changes nothing that the next batch's replay depends on
_READ = re.compile(r"\s*SELECT\b", re.IGNORECASE)


class Provenance(NamedTuple):
    """Where a statement comes from, for error messages."""

    step: str
    """``"upgrade a -> b"``, or ``""`` outside a migration step."""
    op: str
    """``"op.add_column (op #2) at versions/b.py:14"`` or the like; ``""`` when unknown."""
    frames: tuple[tuple[Any, ...], ...] = ()
    """The user's frames the op was called from, outermost first: ``(filename, function
    name, (line, end line, column, end column))``, or ``(code, lasti, line)`` of a frame
    (its position is looked up only when needed). A failing statement's error is raised
    through frames like these (see ``_user_traceback``), so its traceback shows the version
    file's line as Alembic's, where the op ran when it was called."""

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
        # (error, traceback) of the last statement that failed, as _one raised it
        self.failure: tuple[BaseException, Any] | None = None
        # the transaction in which the last batch left the savepoint of the next one, while
        # nothing else has run on the connection since (None: the next batch creates it)
        self._savepoint_in: Any = None
        # other code ran a SELECT since that savepoint was created
        self._read_since_savepoint = False

    # -- the listener that makes other code on the connection a synchronisation point ------

    def attach(self, connection: Any) -> None:
        from sqlalchemy import event

        if self._listening_on is connection:
            return
        self.detach()
        event.listen(connection, "before_execute", self._before_other_sql)
        event.listen(connection, "before_cursor_execute", self._before_other_statement)
        self._listening_on = connection

    def detach(self) -> None:
        if self._listening_on is None:
            return
        from sqlalchemy import event

        connection, self._listening_on = self._listening_on, None
        event.remove(connection, "before_execute", self._before_other_sql)
        event.remove(connection, "before_cursor_execute", self._before_other_statement)

    def _before_other_sql(self, *args: Any, **kw: Any) -> None:
        if not self._flushing and self._pending:
            self.flush()

    def _before_other_statement(
        self, connection: Any, cursor: Any, statement: Any, *args: Any, **kw: Any
    ) -> None:
        if self._flushing:
            return
        if self._pending:
            self.flush()
        if isinstance(statement, str) and _READ.match(statement):
            self._read_since_savepoint = True
        else:
            # a rollback to the savepoint the last batch left would undo this statement
            self._savepoint_in = None

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
            transaction = (
                connection.get_transaction() if hasattr(connection, "get_transaction") else None
            )
            savepoint_ready = transaction is not None and self._savepoint_in is transaction
            if (
                self.immediate
                or not hasattr(connection, "in_transaction")  # a MockConnection
                or not statements
                # one statement is one round trip either way, unless a savepoint is wanted
                or (len(statements) == 1 and not savepoint_ready)
                or connection.dialect.driver not in self._context.impl._multi_statement_drivers
                or not connection.in_transaction()
            ):
                if statements:
                    # statements after the savepoint, outside any batch it guards
                    self._savepoint_in = None
                self._one_by_one(connection, pending)
                return
            read_since_savepoint = savepoint_ready and self._read_since_savepoint
            if not savepoint_ready:
                # on its own: a syntax error anywhere in the batch would keep a SAVEPOINT
                # inside it from ever being created
                self.batches += 1
                connection.exec_driver_sql(f"SAVEPOINT {_SAVEPOINT}")
            self._savepoint_in = None
            self._read_since_savepoint = False
            self.batches += 1
            batch = ";\n".join(
                [
                    *map(_terminable, statements),
                    f"RELEASE SAVEPOINT {_SAVEPOINT}",
                    f"SAVEPOINT {_SAVEPOINT}",
                ]
            )
            try:
                connection.exec_driver_sql(batch)
            except Exception as error:
                batch_error = error
            else:
                # the next batch's savepoint is in place
                self._savepoint_in = transaction
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
            if read_since_savepoint:
                # the replay passed where the batch failed, after the rollback also undid
                # other code's SELECT: what that undid cannot be known, so the run stops
                _add_note(batch_error, "alembic-rs: raised by a batch whose replay passed")
                raise batch_error
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
            if not provenance.frames:
                raise
            # the error as Alembic's traceback shows it: raised from the op's line
            tb = _user_traceback(provenance.frames, error.__traceback__)
            self.failure = (error, tb)
            raise error.with_traceback(tb)  # noqa: B904 (the same error, not a new one)

    def discard(self) -> None:
        """Drop what is buffered (the transaction it belonged to is being rolled back)."""
        self._pending.clear()


def _terminable(sql: str) -> str:
    """``sql`` ready for the ``;`` that joins it to the next statement of a batch: a last
    line ending in a ``-- comment`` would comment the terminator out."""
    return sql + "\n" if "--" in sql.rpartition("\n")[2] else sql


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


# -- output in the order Alembic prints it ---------------------------------------------------


class _RoutedStream:
    """``sys.stdout`` / ``sys.stderr`` (and logging handlers writing to them) while a run
    holds statements back: what the migrating thread writes while statements are pending
    waits in the executor's buffer behind them, with the log records, and is written once
    the statements before it have run (at once when none is pending). So a migration's
    ``print()``, warnings and log lines come out in the order Alembic prints them, and
    after a failure the output stops where Alembic's stops. Everything else is the
    stream's own (``isatty``, ``fileno``, ``encoding``, ``buffer``...)."""

    def __init__(self, executor: DbapiExecutor, stream: Any) -> None:
        self._alembic_rs_executor = executor
        self._alembic_rs_stream = stream
        self._alembic_rs_thread = threading.get_ident()

    def _alembic_rs_held(self) -> bool:
        return bool(self._alembic_rs_executor._pending) and (
            threading.get_ident() == self._alembic_rs_thread
        )

    def write(self, text: str) -> int:
        if self._alembic_rs_held():
            self._alembic_rs_executor._pending.append(
                (None, functools.partial(self._alembic_rs_stream.write, text))
            )
            return len(text)
        return self._alembic_rs_stream.write(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._alembic_rs_held():
            self._alembic_rs_executor._pending.append((None, self._alembic_rs_stream.flush))
        else:
            self._alembic_rs_stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._alembic_rs_stream, name)

    def __repr__(self) -> str:
        return repr(self._alembic_rs_stream)


@contextlib.contextmanager
def routed_output(executor: DbapiExecutor) -> Iterator[None]:
    """Route sys.stdout/sys.stderr (and the logging handlers that write to them) through
    ``executor`` while the block runs; restored on every way out."""
    import logging
    import sys

    routes: dict[int, _RoutedStream] = {}
    originals = (sys.stdout, sys.stderr)
    for stream in originals:
        if stream is not None and id(stream) not in routes:
            routes[id(stream)] = _RoutedStream(executor, stream)
    loggers = [logging.getLogger()] + [
        logger
        for logger in list(logging.Logger.manager.loggerDict.values())
        if isinstance(logger, logging.Logger)
    ]
    swapped = []
    for logger in loggers:
        for handler in logger.handlers:
            stream = getattr(handler, "stream", None)
            if isinstance(handler, logging.StreamHandler) and id(stream) in routes:
                if stream is originals[0] or stream is originals[1]:
                    swapped.append((handler, stream))
                    handler.stream = routes[id(stream)]
    out = routes.get(id(originals[0]))
    err = routes.get(id(originals[1]))
    if out is not None:
        sys.stdout = out
    if err is not None:
        sys.stderr = err
    try:
        yield
    finally:
        if out is not None and sys.stdout is out:
            sys.stdout = originals[0]
        if err is not None and sys.stderr is err:
            sys.stderr = originals[1]
        for handler, stream in swapped:
            if isinstance(handler.stream, _RoutedStream):
                handler.stream = stream


# -- a failing statement's traceback ---------------------------------------------------------


def _user_traceback(frames: tuple[tuple[Any, ...], ...], tb: Any) -> Any:
    """``tb`` (the statement's traceback through SQLAlchemy, whose first entry is the
    executor's own frame) behind entries for the user's frames the op was called from.

    Each entry's frame runs a code object compiled to raise at that frame's position:
    filename, function name, line and columns are the user's, so the traceback shows the
    version file's source line where Alembic's does (linecache reads the real file), with no
    carets when the op's call spans its line, as in Alembic's."""
    tb = tb.tb_next if tb is not None else None
    for frame in reversed(frames):
        if not isinstance(frame[0], str):
            code, lasti, line = frame
            frame = (code.co_filename, code.co_name, _position(code, lasti, line))
        entry = _raising_entry(*frame)
        if entry is None:
            continue
        entry.tb_next = tb
        tb = entry
    return tb


class _Unwind(Exception):
    pass


def _unwind() -> None:
    raise _Unwind


def _raising_entry(filename: str, name: str, position: tuple[Any, ...]) -> Any:
    line, end_line, col, end_col = position
    if not isinstance(line, int) or line < 1:
        return None
    try:
        code = compile(_raise_source(line, end_line, col, end_col), filename, "exec")
        code = code.replace(co_name=name)
        if hasattr(code, "co_qualname"):
            code = code.replace(co_qualname=name)
        exec(code, {"__name__": "__alembic_rs_traceback__", "E": _unwind})
    except _Unwind as unwind:
        entry = unwind.__traceback__.tb_next if unwind.__traceback__ is not None else None
        del unwind
        return entry
    except Exception:
        return None
    return None


def _raise_source(line: int, end_line: Any, col: Any, end_col: Any) -> str:
    """Source whose call ``E(...)`` spans exactly (line, col) .. (end_line, end_col), as the
    op's call does (a call is at least ``f()`` long: ``E()``)."""
    fallback = "\n" * (line - 1) + "E()\n"
    if not (isinstance(col, int) and isinstance(end_col, int) and isinstance(end_line, int)):
        return fallback
    if col == 0:
        before = [""] * (line - 1)
    elif line >= 2:
        # an indented statement needs a block to be in
        before = [""] * (line - 2) + ["if 1:"]
    else:
        return fallback
    if end_line == line:
        pad = end_col - col - 3
        if pad < 0:
            return fallback
        return "\n".join([*before, " " * col + "E(" + " " * pad + ")"]) + "\n"
    if end_line < line or end_col < 1:
        return fallback
    middle = [""] * (end_line - line - 1)
    return "\n".join([*before, " " * col + "E(", *middle, " " * (end_col - 1) + ")"]) + "\n"


def user_frames(skip: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    """The frames of the code that called into ``skip`` (directories of our packages): from
    the first frame outside them up to where our code is met again (the runtime running the
    migration), outermost first."""
    import sys

    frame: Any = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(skip):
        frame = frame.f_back
    frames = []
    while frame is not None and not frame.f_code.co_filename.startswith(skip):
        frames.append((frame.f_code, frame.f_lasti, frame.f_lineno))
        frame = frame.f_back
    frames.reverse()
    return tuple(frames)


def _position(code: Any, lasti: int, line: int) -> tuple[Any, ...]:
    """(line, end line, column, end column) of a frame's current instruction."""
    positions = getattr(code, "co_positions", None)  # Python 3.11+
    if positions is not None and lasti >= 0:
        import itertools

        found = next(itertools.islice(positions(), lasti // 2, None), None)
        if found is not None and found[0] is not None:
            return found
    return (line, None, None, None)


def _add_note(error: BaseException, note: str) -> None:
    add_note = getattr(error, "add_note", None)  # Python 3.11+
    if add_note is not None and note not in getattr(error, "__notes__", ()):
        add_note(note)
