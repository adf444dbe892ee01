"""``alembic.ddl.impl``: ``DefaultImpl``, where a MigrationContext's statements go.

Alembic's ``DefaultImpl`` compiles each operation with SQLAlchemy; here the Rust compiler
does (``alembic_rs._native.MigrationRun``) and this class only routes the resulting text:
to the output buffer in ``--sql`` mode, to the MigrationContext's batching executor online.
What SQLAlchemy must still compile (a Core construct passed to ``execute``) is compiled here
with the context's dialect, or executed on the connection, as Alembic's ``_exec`` does.

Implementations are registered by ``__dialect__`` as in Alembic (``ImplMeta``, ``_impls``):
a third-party package that subclasses one (sqlalchemy-cockroachdb's ``CockroachDBImpl(
PostgresqlImpl)``) is found by ``get_by_dialect`` as with Alembic. What is particular to a
database lives on its implementation (``alembic.ddl.postgresql``): which native compiler
compiles for it (``__native_dialect__``), the paramstyles of its drivers, which drivers take
several statements at once, and the lock around an online run.
"""

from __future__ import annotations

import json
import os
from typing import Any

from .. import util


class ImplMeta(type):
    """Registers each implementation class that names a ``__dialect__`` (Alembic's)."""

    def __init__(cls, classname: str, bases: tuple[type, ...], dict_: dict[str, Any]) -> None:
        type.__init__(cls, classname, bases, dict_)
        if "__dialect__" in dict_:
            _impls[dict_["__dialect__"]] = cls  # type: ignore[assignment]


_impls: dict[str, type[DefaultImpl]] = {}


class DefaultImpl(metaclass=ImplMeta):
    """The generic dialect implementation (Alembic's ``alembic.ddl.impl.DefaultImpl``)."""

    __dialect__ = "default"
    transactional_ddl = False
    command_terminator = ";"

    # The native compiler that compiles this implementation's DDL (the ``dialect`` of
    # ``alembic_rs._native.MigrationRun``), inherited by subclasses: a third-party
    # ``PostgresqlImpl`` subclass gets PostgreSQL's. None: alembic-rs has no compiler for
    # this database, and a MigrationContext for it is refused before any statement.
    __native_dialect__: str | None = None

    # Default DBAPI paramstyles of the dialect's drivers by driver name ("" for the
    # default driver), so that a URL's paramstyle is known without importing the dialect
    # module; a driver not listed has its dialect object built and asked.
    _driver_paramstyles: dict[str, str] = {}

    # DBAPI drivers that send a statement without parameters as one simple query, so that
    # the executor may send several statements in one string (see ``runtime.executor``)
    _multi_statement_drivers: frozenset[str] = frozenset()

    def __init__(
        self,
        dialect: Any,
        connection: Any,
        as_sql: bool,
        transactional_ddl: bool | None,
        output_buffer: Any,
        context_opts: dict[str, Any],
    ) -> None:
        self._dialect = dialect
        self._connection = connection
        self.as_sql = as_sql
        self.literal_binds = context_opts.get("literal_binds", False)
        self.output_buffer = output_buffer
        self.memo: dict[Any, Any] = {}
        self.context_opts = context_opts
        # the native compiler and version-table state, the MigrationContext, and the step
        # being run; set by the MigrationContext
        self._native: Any = None
        self._context: Any = None
        self._step: Any = None
        if transactional_ddl is not None:
            self.transactional_ddl = transactional_ddl
        if self.literal_binds:
            if not self.as_sql:
                raise util.CommandError("Can't use literal_binds setting without as_sql mode")

    @classmethod
    def get_by_dialect(cls, dialect: Any) -> type[DefaultImpl]:
        return _impls[dialect.name]

    def run_lock(self, context: Any) -> Any:
        """The lock an online run of ``context`` holds so that concurrent runs serialise
        (``acquire``, ``hold_across_commits``, ``release``), or None: none here (Alembic
        takes none); PostgreSQL's is an advisory lock."""
        return None

    @property
    def dialect(self) -> Any:
        # a zero-argument callable until something needs the SQLAlchemy dialect object
        if callable(self._dialect) and not hasattr(self._dialect, "name"):
            self._dialect = self._dialect()
        return self._dialect

    @property
    def connection(self) -> Any:
        # offline: a zero-argument callable building the MockConnection on first use
        if callable(self._connection) and not hasattr(self._connection, "execute"):
            self._connection = self._connection()
        return self._connection

    @connection.setter
    def connection(self, value: Any) -> None:
        self._connection = value

    @property
    def bind(self) -> Any:
        return self.connection

    def static_output(self, text: str) -> None:
        assert self.output_buffer is not None
        self.output_buffer.write(text + "\n\n")
        self.output_buffer.flush()

    def start_migrations(self) -> None:
        """A hook before a run of migrations begins (Alembic's no-op default)."""

    def emit_begin(self) -> None:
        self._exec_text("BEGIN")

    def emit_commit(self) -> None:
        self._exec_text("COMMIT")

    # -- statements ----------------------------------------------------------------------

    def _exec_text(self, sql: str, op: str | None = None, frames: tuple[Any, ...] = ()) -> None:
        """Run (or, offline, write) one statement compiled natively; ``op`` says which op it
        comes from, for error messages, ``frames`` the user's frames that called it (a
        failure's traceback shows them, see ``executor.Provenance``)."""
        if self.as_sql:
            self.static_output(sql.replace("\t", "    ").strip() + self.command_terminator)
        else:
            context = self._context
            context._executor.submit(sql, context._provenance(op or "", frames))

    def emit_op(self, op: dict[str, Any], where: str | None = None) -> None:
        """Compile one Op value (see ``alembic.operations``) natively and run it; ``where``
        is the caller's ``file:line``."""
        name = "op.%s" % op.get("op")
        if where is None and not self.as_sql:
            where = self._caller_in_script()
        if where:
            name = f"{name} at {where}"
        frames = _user_frames() if self._step is not None and not self.as_sql else ()
        for sql in self._native.compile(json.dumps(op)):
            self._exec_text(sql, name, frames)

    def _caller_in_script(self) -> str | None:
        """``path:line`` of the migration script's line that called the op (online errors
        name it)."""
        native_step = getattr(self._step, "_step", None)
        path = native_step.path if native_step is not None else None
        if path is None:
            return None
        import sys

        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_filename == path:
                return f"{path}:{frame.f_lineno}"
            frame = frame.f_back
        return None

    def _exec(
        self,
        construct: Any,
        execution_options: Any = None,
        multiparams: Any = None,
        params: Any = util.EMPTY_DICT,
    ) -> Any:
        if (
            isinstance(construct, str)
            and not execution_options
            and not params
            and multiparams is None
            and (self.as_sql or not self._native_has_binds(construct))
        ):
            self.emit_op({"op": "execute", "sqltext": construct})
            return None
        if isinstance(construct, str):
            from sqlalchemy import text

            construct = text(construct)
        if self.as_sql:
            if multiparams is not None or params:
                raise TypeError("SQL parameters not allowed with as_sql")
            from sqlalchemy import schema

            compile_kw: dict[str, Any]
            if self.literal_binds and not isinstance(construct, schema.DDLElement):
                compile_kw = dict(compile_kwargs={"literal_binds": True})
            else:
                compile_kw = {}
            compiled = construct.compile(dialect=self.dialect, **compile_kw)
            self.static_output(
                str(compiled).replace("\t", "    ").strip() + self.command_terminator
            )
            return None
        # other SQL on the connection: what is buffered goes first
        self._context._sync()
        conn = self.connection
        assert conn is not None
        if execution_options:
            conn = conn.execution_options(**execution_options)
        if params and multiparams is not None:
            raise TypeError("Can't send params and multiparams at the same time")
        if multiparams:
            return conn.execute(construct, multiparams)
        return conn.execute(construct, params)

    @staticmethod
    def _native_has_binds(sql: str) -> bool:
        from alembic_rs import _native

        return _native.has_bind_parameters(sql)

    def execute(self, sql: Any, execution_options: dict[str, Any] | None = None) -> None:
        self._exec(sql, execution_options)


_OURS: tuple[str, ...] | None = None


def _user_frames() -> tuple[Any, ...]:
    """The user's frames (a migration function and what it called) that called an op."""
    global _OURS
    if _OURS is None:
        import alembic_rs

        from .. import __file__ as alembic_init

        packages = (alembic_init, alembic_rs.__file__)
        _OURS = tuple(os.path.dirname(os.path.abspath(f)) + os.sep for f in packages)
        # the operation methods `register_operation` generates (operations/base.py)
        _OURS += ("<alembic.operations ",)
    return user_frames(_OURS)


from ..runtime.executor import user_frames  # noqa: E402
