"""``alembic.runtime.migration``: ``MigrationContext`` and the steps of a run.

The structure is Alembic's — ``run_migrations`` walks the steps the command's plan function
returns, framing transactions and writing the version table — but the work of each step is
native (``alembic_rs._native.MigrationRun``): the plan, the version-table statements
(``HeadMaintainer``), and each migration's statements. A migration whose ``upgrade()`` /
``downgrade()`` is plain ``op.*`` calls is read statically and never imported; any other is
imported and run with ``alembic.op`` bound to the proxy, whose calls become the same Op
values. ``ALEMBIC_RS_NO_STATIC=1`` runs every migration through Python (for tests that
check both paths give the same SQL).
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager, nullcontext
from typing import Any, Callable, Iterator

from .. import util
from ..ddl.impl import DefaultImpl
from .executor import DbapiExecutor, Provenance

log = logging.getLogger(__name__)

# MigrationContext._connection before the offline MockConnection is built
_STDOUT = object()


class _DialectSpec:
    """What the native compiler needs to know of a dialect, plus how to build the object."""

    def __init__(self, name: str, paramstyle: str, factory: Callable[[], Any]) -> None:
        self.name = name
        self.paramstyle = paramstyle
        self.factory = factory

    @classmethod
    def from_url(cls, url: Any, dialect_opts: dict[str, Any]) -> _DialectSpec:
        from sqlalchemy.engine import url as sqla_url

        url_obj = sqla_url.make_url(url)
        backend, _, driver = url_obj.drivername.partition("+")

        def factory() -> Any:
            return url_obj.get_dialect()(**dialect_opts)

        # the implementation registered for the backend knows its drivers' paramstyles; a
        # backend with none registered yet may be a third-party dialect whose module
        # registers one when imported (sqlalchemy-cockroachdb's CockroachDBImpl)
        from ..ddl.impl import _impls

        impl_cls = _impls.get(backend)
        paramstyle = None
        if impl_cls is not None:
            paramstyle = dialect_opts.get("paramstyle") or impl_cls._driver_paramstyles.get(driver)
        if paramstyle is None:
            dialect = factory()
            return cls.from_dialect(dialect)
        return cls(backend, paramstyle, factory)

    @classmethod
    def from_dialect(cls, dialect: Any) -> _DialectSpec:
        return cls(dialect.name, dialect.paramstyle, lambda: dialect)


class _ProxyTransaction:
    def __init__(self, migration_context: MigrationContext) -> None:
        self.migration_context = migration_context

    @property
    def _proxied_transaction(self) -> Any:
        return self.migration_context._transaction

    def rollback(self) -> None:
        t = self._proxied_transaction
        assert t is not None
        t.rollback()
        self.migration_context._transaction = None

    def commit(self) -> None:
        t = self._proxied_transaction
        assert t is not None
        self.migration_context._sync(verify=True)
        t.commit()
        self.migration_context._transaction = None

    def __enter__(self) -> _ProxyTransaction:
        return self

    def __exit__(self, type_: Any, value: Any, traceback: Any) -> None:
        if self._proxied_transaction is not None:
            if type_ is None:
                try:
                    self.migration_context._sync(verify=True)
                except BaseException as error:
                    self._proxied_transaction.__exit__(type(error), error, error.__traceback__)
                    self.migration_context._transaction = None
                    raise
            else:
                self.migration_context._discard()
            self._proxied_transaction.__exit__(type_, value, traceback)
            self.migration_context._transaction = None


# `DefaultImpl.static_output`: an impl (or a test) that replaces it gets each text alone
_DEFAULT_STATIC_OUTPUT = DefaultImpl.static_output


class MigrationContext:
    """The database state made available to a migration script (Alembic's class)."""

    def __init__(
        self,
        dialect: Any,
        connection: Any,
        opts: dict[str, Any],
        environment_context: Any = None,
    ) -> None:
        from .. import ddl
        from ..script.revision import _native_module

        spec = dialect if isinstance(dialect, _DialectSpec) else _DialectSpec.from_dialect(dialect)
        # Alembic's KeyError for a dialect no implementation is registered for
        impl_cls = ddl.DefaultImpl.get_by_dialect(spec)
        native_dialect = impl_cls.__native_dialect__
        if native_dialect is None:
            raise NotImplementedError(_no_native_dialect(spec.name))
        self._dialect_spec = spec
        self.environment_context = environment_context
        self.opts = opts
        self.script = opts.get("script")
        as_sql: bool = opts.get("as_sql", False)
        transactional_ddl = opts.get("transactional_ddl")
        self._transaction_per_migration = opts.get("transaction_per_migration", False)
        self.on_version_apply_callbacks = opts.get("on_version_apply", ())
        self._transaction: Any = None
        self._connection = connection
        self._executor: DbapiExecutor | None = None
        if as_sql:
            # Alembic's `_stdout_connection`: a MockConnection writing what it is given, built
            # on first use (it needs the SQLAlchemy dialect object)
            self._connection = _STDOUT
            self._in_external_transaction = False
        else:
            # None (`configure(dialect_name=...)`) or a MockConnection: not in a transaction
            self._in_external_transaction = _connection_in_transaction(connection)
            self._executor = DbapiExecutor(self)
        # the version rows this run wrote are checked before commit (see _sync)
        self._version_written = False
        self._version_table_exists: bool | None = None
        self._migrations_fn = opts.get("fn")
        # the plan function of the walk under way, and its keyword arguments
        self._plan_fn: Callable[..., Any] | None = None
        self._run_kw: dict[str, Any] = {}
        self.as_sql = as_sql
        self.purge = opts.get("purge", False)
        if "output_encoding" in opts:
            from ..util.compat import EncodedIO

            self.output_buffer = EncodedIO(
                opts.get("output_buffer") or sys.stdout, opts["output_encoding"]
            )
        else:
            self.output_buffer = opts.get("output_buffer", sys.stdout)
        self.transactional_ddl = transactional_ddl
        self.version_table = version_table = opts.get("version_table", "alembic_version")
        self.version_table_schema = opts.get("version_table_schema", None)
        self._start_from_rev = opts.get("starting_rev")
        self.impl = impl_cls(
            spec.factory, self._connection_factory, self.as_sql, transactional_ddl,
            self.output_buffer, opts,
        )  # fmt: skip
        self._lock = self.impl.run_lock(self) if not as_sql else None
        native = _native_module()
        script = self.script
        native_map = script._native_map if script is not None else native.RevisionMap([])
        self.impl._context = self
        self._native = self.impl._native = native.MigrationRun(
            native_map,
            version_table,
            self.version_table_schema,
            opts.get("version_table_pk", True),
            spec.paramstyle,
            bool(self.impl.literal_binds),
            not self.as_sql,
            dialect=native_dialect,
            transactional_ddl=bool(self.impl.transactional_ddl),
            transaction_per_migration=bool(self._transaction_per_migration),
        )
        if opts.get("target_metadata") is not None:
            from ..operations import to_op

            convention = to_op.naming_convention(opts["target_metadata"])
            if convention is not None:
                self._native.set_naming_convention(convention)
        log.info("Context impl %s.", self.impl.__class__.__name__)
        if self.as_sql:
            log.info("Generating static SQL")
        log.info(
            "Will assume %s DDL.",
            "transactional" if self.impl.transactional_ddl else "non-transactional",
        )

    @classmethod
    def configure(
        cls,
        connection: Any = None,
        url: Any = None,
        dialect_name: str | None = None,
        dialect: Any = None,
        environment_context: Any = None,
        dialect_opts: dict[str, str] | None = None,
        opts: Any = None,
    ) -> MigrationContext:
        """Create a new :class:`.MigrationContext`."""
        if opts is None:
            opts = {}
        if dialect_opts is None:
            dialect_opts = {}
        if connection:
            from sqlalchemy.engine import Engine

            if isinstance(connection, Engine):
                raise util.CommandError(
                    "'connection' argument to configure() is expected "
                    "to be a sqlalchemy.engine.Connection instance, "
                    "got %r" % connection,
                )
            spec = _DialectSpec.from_dialect(connection.dialect)
        elif url:
            spec = _DialectSpec.from_url(url, dialect_opts)
        elif dialect_name:
            spec = _DialectSpec.from_url("%s://" % dialect_name, dialect_opts)
        elif not dialect:
            raise Exception("Connection, url, or dialect_name is required.")
        else:
            spec = _DialectSpec.from_dialect(dialect)
        return MigrationContext(spec, connection, opts, environment_context)

    @property
    def dialect(self) -> Any:
        return self.impl.dialect

    def _connection_factory(self) -> Any:
        return self.connection

    @property
    def connection(self) -> Any:
        if self._connection is _STDOUT:
            self._connection = self._stdout_connection()
        return self._connection

    @connection.setter
    def connection(self, value: Any) -> None:
        self._connection = value

    def _stdout_connection(self) -> Any:
        from sqlalchemy.engine.mock import MockConnection

        def dump(construct: Any, *multiparams: Any, **params: Any) -> None:
            self.impl._exec(construct)

        return MockConnection(self.dialect, dump)

    @property
    def bind(self) -> Any:
        return self.connection

    @property
    def config(self) -> Any:
        if self.environment_context:
            return self.environment_context.config
        return None

    @contextmanager
    def autocommit_block(self) -> Iterator[None]:
        """Enter an "autocommit" block (commits the work before it, as Alembic does)."""
        _in_connection_transaction = self._in_connection_transaction()
        if self.impl.transactional_ddl and self.as_sql:
            self.impl.emit_commit()
        elif _in_connection_transaction:
            assert self._transaction is not None
            self._sync(verify=True)
            if self._lock is not None:
                # the commit ends a run's transaction-level lock: hold the session's from
                # here (until the run ends; outside a run there is no lock to keep)
                self._lock.hold_across_commits()
            self._transaction.commit()
            self._transaction = None
        if not self.as_sql:
            assert self.connection is not None and self._executor is not None
            self._sync()
            current_level = self.connection.get_isolation_level()
            base_connection = self.connection
            self.connection = base_connection.execution_options(isolation_level="AUTOCOMMIT")
            fake_trans: Any = self.connection.begin()
            was_immediate, self._executor.immediate = self._executor.immediate, True
        else:
            fake_trans = None
        try:
            yield
        finally:
            if not self.as_sql:
                assert self.connection is not None and self._executor is not None
                self._sync()
                self._executor.immediate = was_immediate
                if fake_trans is not None:
                    fake_trans.commit()
                self.connection.execution_options(isolation_level=current_level)
                self.connection = base_connection
            if self.impl.transactional_ddl and self.as_sql:
                self.impl.emit_begin()
            elif _in_connection_transaction:
                assert self.connection is not None
                self._transaction = self.connection.begin()

    def begin_transaction(self, _per_migration: bool = False) -> Any:
        """Begin a logical transaction for migration operations."""
        if self._in_external_transaction:
            return nullcontext()
        if self.impl.transactional_ddl:
            transaction_now = _per_migration == self._transaction_per_migration
        else:
            transaction_now = _per_migration is True
        if not transaction_now:
            return nullcontext()
        elif not self.impl.transactional_ddl:
            assert _per_migration
            if self.as_sql:
                return nullcontext()
            elif self._transaction is not None:
                return nullcontext()
            self._transaction = _safe_begin(self.connection)
            return _ProxyTransaction(self)
        elif self.as_sql:

            @contextmanager
            def begin_commit() -> Iterator[None]:
                self.impl.emit_begin()
                yield
                self.impl.emit_commit()

            return begin_commit()
        else:
            self._transaction = _safe_begin(self.connection)
            return _ProxyTransaction(self)

    def get_current_revision(self) -> str | None:
        heads = self.get_current_heads()
        if len(heads) == 0:
            return None
        elif len(heads) > 1:
            raise util.CommandError(
                "Version table '%s' has more than one head present; "
                "please use get_current_heads()" % self.version_table
            )
        return heads[0]

    def get_current_heads(self) -> tuple[str, ...]:
        if self.as_sql:
            start_from_rev: Any = self._start_from_rev
            if start_from_rev == "base":
                start_from_rev = None
            elif start_from_rev is not None and self.script:
                start_from_rev = [
                    self.script.get_revision(sfr).revision
                    for sfr in util.to_list(start_from_rev)
                    if sfr not in (None, "base")
                ]
            return util.to_tuple(start_from_rev, default=())
        if self._start_from_rev:
            raise util.CommandError(
                "Can't specify current_rev to context when using a database connection"
            )
        self._sync()
        if not self._has_version_table():
            return ()
        from sqlalchemy import select

        return tuple(row[0] for row in self.connection.execute(select(self._version.c.version_num)))

    @util.memoized_property
    def _version(self) -> Any:
        """The version table as a SQLAlchemy Table (for reading it online)."""
        from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table

        vt = Table(
            self.version_table,
            MetaData(),
            Column("version_num", String(32), nullable=False),
            schema=self.version_table_schema,
        )
        if self.opts.get("version_table_pk", True):
            vt.append_constraint(
                PrimaryKeyConstraint("version_num", name=f"{self.version_table}_pkc")
            )
        return vt

    def _has_version_table(self) -> bool:
        self._version_table_exists = self.connection.dialect.has_table(
            self.connection, self.version_table, self.version_table_schema
        )
        return self._version_table_exists

    def _ensure_version_table(self, purge: bool = False) -> None:
        if self.as_sql:
            self.impl._exec_text(self._native.create_version_table())
            return
        with self._ensure_scope_for_ddl():
            # Alembic's `create(checkfirst=True)`: known already when the heads were read
            if self._version_table_exists is None:
                self._sync()
                self._has_version_table()
            if not self._version_table_exists:
                self.impl._exec_text(self._native.create_version_table())
                self._version_table_exists = True
            if purge:
                self.impl._exec_text(self._native.delete_all_versions())

    @contextmanager
    def _ensure_scope_for_ddl(self) -> Iterator[None]:
        """Alembic's ``sqla_compat._ensure_scope_for_ddl``: DDL on a connection outside a
        transaction runs in a transaction of its own, committed at the end (a batch
        ``ALTER`` must not leave its table locked in a transaction nobody ends)."""
        connection = None if self.as_sql else self.connection
        if connection is None or not hasattr(connection, "in_transaction"):
            yield  # offline, no connection, or a MockConnection
            return
        if not connection.in_transaction():
            # what is buffered would have begun one already, as Alembic runs it
            self._sync()
        if connection.in_transaction():
            yield
            return
        with connection.begin():
            try:
                yield
            except BaseException:
                self._discard()  # it belongs to the transaction being rolled back
                raise
            self._sync()

    @contextmanager
    def _batching(self) -> Iterator[None]:
        """Let statements wait in the executor's buffer until a sync point, for the length of
        a run; whatever ends it, what was buffered is sent (or raises) before it returns,
        as Alembic had sent every statement before returning or raising."""
        executor = self._executor
        if executor is None or executor.batching:
            yield
            return
        executor.batching = True
        executor.attach(self.connection)
        try:
            yield
        except BaseException:
            # the statements before the error ran with Alembic (and may fail first)
            self._sync()
            raise
        else:
            self._sync()
        finally:
            executor.batching = False
            executor.detach()

    # -- online synchronisation ------------------------------------------------------------

    def _sync(self, verify: bool = False, expected: list[str] | None = None) -> None:
        """Send buffered statements; with ``verify``, check the version rows they wrote
        (``expected``: what the run's writes left, else the native state's heads)."""
        if self._executor is None:
            return
        self._executor.flush()
        if verify and (self._version_written or expected is not None):
            self._version_written = False
            from sqlalchemy import select

            found = sorted(
                row[0] for row in self.connection.execute(select(self._version.c.version_num))
            )
            expected = sorted(expected if expected is not None else self._native.heads())
            if found != expected:
                raise util.CommandError(
                    "Online migration expected the version table '%s' to hold %s after "
                    "this run's updates; %s found (was it changed by something else?)"
                    % (self.version_table, expected, found)
                )

    def _discard(self) -> None:
        if self._executor is not None:
            self._executor.discard()

    def stamp(self, script_directory: Any, revision: str) -> None:
        """Stamp the version table with a specific revision."""
        self._plan_fn = lambda heads, context: script_directory._stamp_revs(revision, heads)
        with self._batching():
            self._walk(stamp=True, purge=False, dont_mutate=False)

    def run_migrations(self, **kw: Any) -> None:
        """Run the migration scripts established for this context."""
        self.impl.start_migrations()
        self._run_kw = kw
        self._plan_fn = self._migrations_fn
        with self._batching(), self._output_in_order():
            self._walk(
                stamp=False, purge=self.purge, dont_mutate=self.opts.get("dont_mutate", False)
            )

    def _walk(self, stamp: bool, purge: bool, dont_mutate: bool) -> None:
        """The core walker (``Migrator``) runs the plan through the ``_run_*`` callbacks."""
        self._run_steps: list[MigrationStep] = []
        self._run_scopes: list[Any] = []
        try:
            self._native.run_migrations(
                self,
                as_sql=self.as_sql,
                external_transaction=self._in_external_transaction,
                purge=purge,
                dont_mutate=dont_mutate,
                never_static=bool(os.environ.get("ALEMBIC_RS_NO_STATIC")),
                stamp=stamp,
                terminator=self.impl.command_terminator if self.as_sql else None,
                debug_logging=log.isEnabledFor(logging.DEBUG),
                version_callbacks=bool(self.on_version_apply_callbacks),
            )
        finally:
            self._run_steps = []
            self._run_scopes = []

    # -- the walker's callbacks (see alembic_rs_py's executor.rs) --------------------------

    def _run_current_heads(self) -> tuple[list[str], bool | None]:
        heads = list(self.get_current_heads())
        return heads, None if self.as_sql else self._version_table_exists

    def _run_lock(self) -> None:
        if self._lock is not None:
            self._lock.acquire()

    def _run_unlock(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def _run_plan(self, heads: list[str]) -> list[MigrationStep]:
        assert self._plan_fn is not None
        self._run_steps = list(self._plan_fn(tuple(heads), self))
        return self._run_steps

    def _run_begin(self, scope: str) -> None:
        transaction = self.begin_transaction(_per_migration=scope == "migration")
        transaction.__enter__()
        self._run_scopes.append(transaction)

    def _run_commit(self, scope: str) -> None:
        self._run_scopes.pop().__exit__(None, None, None)

    def _run_rollback(self, scope: str, error: BaseException) -> None:
        self._run_scopes.pop().__exit__(type(error), error, error.__traceback__)

    def _run_write(self, chunks: list[str]) -> None:
        # offline: what statements and comments write with ``static_output``; in one write
        # when the impl's is Alembic's own
        if type(self.impl).static_output is not _DEFAULT_STATIC_OUTPUT:
            for chunk in chunks:
                self.impl.static_output(chunk)
            return
        buffer = self.impl.output_buffer
        buffer.write("".join([chunk + "\n\n" for chunk in chunks]))
        buffer.flush()

    def _run_submit(self, statements: list[tuple[str, str, str, tuple[Any, ...], bool]]) -> None:
        assert self._executor is not None
        submit = self._executor.submit
        for sql, short_log, op, frames, version in statements:
            submit(sql, Provenance(short_log, op, frames))
            if version:
                self._version_written = True

    def _run_log(self, level: int, logger: str, message: str) -> None:
        self._log(logging.getLogger(logger).log, level, message)

    def _run_static_output(self, text: str) -> None:
        self.impl.static_output(text)

    def _run_sync(self, verify: list[str] | None) -> None:
        self._sync(verify=verify is not None, expected=verify)

    def _run_dynamic_name(self, index: int) -> str | None:
        step = self._run_steps[index]
        name = step.name
        return None if name == ("upgrade" if step.is_upgrade else "downgrade") else name

    def _run_dynamic(self, index: int) -> None:
        step = self._run_steps[index]
        self.impl._step = step
        failed: BaseException | None = None
        try:
            step.migration_fn(**self._run_kw)
        except BaseException as error:
            failed = error
        finally:
            self.impl._step = None
        if failed is not None:
            self._raise_after_sync(failed)

    def _run_step_applied(self, index: int, heads: list[str]) -> None:
        if not self.on_version_apply_callbacks:
            return
        self._sync()
        step = self._run_steps[index]
        for callback in self.on_version_apply_callbacks:
            callback(ctx=self, step=step.info, heads=set(heads), run_args=self._run_kw)

    def _raise_after_sync(self, failed: BaseException) -> None:
        """Raise a migration's error once what ran before it is sent (and logged). That may
        fail first, as Alembic stopped there: its error is raised instead, not chained to
        this one (we are outside the ``except`` block). A statement that failed when code
        of this migration made the buffer flush keeps the traceback of its op's line."""
        self._sync()
        failure = self._executor.failure if self._executor is not None else None
        if failure is not None and failure[0] is failed:
            raise failed.with_traceback(failure[1])
        # the entry of _run_dynamic's frame is added again by this raise
        tb = failed.__traceback__
        raise failed.with_traceback(tb.tb_next if tb is not None else None)

    @contextmanager
    def _output_in_order(self) -> Iterator[None]:
        """Online, the run's output waits behind the statements before it (see
        ``routed_output``)."""
        if self._executor is None:
            yield
            return
        from .executor import routed_output

        with routed_output(self._executor):
            yield

    def _log(self, method: Callable[..., None], *args: Any) -> None:
        """Log now offline; online, once the statements before the record have run."""
        if self._executor is None:
            method(*args)
        else:
            self._executor.log(lambda: method(*args))

    def _provenance(self, op: str, frames: tuple[Any, ...] = ()) -> Provenance:
        step = getattr(self.impl, "_step", None)
        return Provenance(step.short_log if step is not None else "", op, frames)

    def _in_connection_transaction(self) -> bool:
        try:
            meth = self.connection.in_transaction
        except AttributeError:
            return False
        return meth()

    def execute(self, sql: Any, execution_options: dict[str, Any] | None = None) -> None:
        """Execute a SQL construct or string statement."""
        self.impl._exec(sql, execution_options)


def _no_native_dialect(name: str) -> str:
    """The error for a dialect Alembic has an implementation for and alembic-rs compiles no
    DDL for (MySQL, SQLite, ...)."""
    from ..ddl.impl import _impls

    native = ", ".join(sorted({i.__native_dialect__ for i in _impls.values()} - {None}))
    return (
        f"alembic-rs has no DDL implementation for the {name!r} dialect yet "
        f"(it compiles DDL for: {native})"
    )


def _connection_in_transaction(connection: Any) -> bool:
    """Alembic's ``_get_connection_in_transaction``: False for a MockConnection or None."""
    try:
        in_transaction = connection.in_transaction
    except AttributeError:
        return False
    return in_transaction()


def _safe_begin(connection: Any) -> Any:
    transaction = connection.get_transaction()
    if transaction:
        return transaction
    return connection.begin()


class MigrationInfo:
    """What ``on_version_apply`` callbacks receive about a step."""

    def __init__(
        self,
        revision_map: Any,
        is_upgrade: bool,
        is_stamp: bool,
        up_revisions: Any,
        down_revisions: Any,
    ) -> None:
        self.revision_map = revision_map
        self.is_upgrade = is_upgrade
        self.is_stamp = is_stamp
        self.up_revision_ids = util.to_tuple(up_revisions, default=())
        if self.up_revision_ids:
            self.up_revision_id: str | None = self.up_revision_ids[0]
        else:
            self.up_revision_id = None
        self.down_revision_ids = util.to_tuple(down_revisions, default=())

    @property
    def is_migration(self) -> bool:
        return not self.is_stamp

    @property
    def source_revision_ids(self) -> tuple[str, ...]:
        return self.down_revision_ids if self.is_upgrade else self.up_revision_ids

    @property
    def destination_revision_ids(self) -> tuple[str, ...]:
        return self.up_revision_ids if self.is_upgrade else self.down_revision_ids

    @property
    def up_revision(self) -> Any:
        return self.revision_map.get_revision(self.up_revision_id)

    @property
    def up_revisions(self) -> Any:
        return self.revision_map.get_revisions(self.up_revision_ids)

    @property
    def down_revisions(self) -> Any:
        return self.revision_map.get_revisions(self.down_revision_ids)

    @property
    def source_revisions(self) -> Any:
        return self.revision_map.get_revisions(self.source_revision_ids)

    @property
    def destination_revisions(self) -> Any:
        return self.revision_map.get_revisions(self.destination_revision_ids)


class MigrationStep:
    """One step of a plan. Its revisions and texts are the native plan's ``Step``."""

    from_revisions_no_deps: tuple[str, ...]
    to_revisions_no_deps: tuple[str, ...]
    is_upgrade: bool
    migration_fn: Any
    _step: Any

    def _set_step(self, step: Any) -> None:
        self._step = step
        self.is_upgrade = step.is_upgrade
        self.from_revisions = tuple(step.from_revisions)
        self.to_revisions = tuple(step.to_revisions)
        self.from_revisions_no_deps = tuple(step.from_revisions_no_deps)
        self.to_revisions_no_deps = tuple(step.to_revisions_no_deps)

    @property
    def name(self) -> str:
        return self.migration_fn.__name__

    @property
    def short_log(self) -> str:
        return "%s %s -> %s" % (
            self.name,
            util.format_as_comma(self.from_revisions_no_deps),
            util.format_as_comma(self.to_revisions_no_deps),
        )

    @classmethod
    def upgrade_from_script(cls, revision_map: Any, script: Any) -> RevisionStep:
        return RevisionStep(revision_map, script, True)

    @classmethod
    def downgrade_from_script(cls, revision_map: Any, script: Any) -> RevisionStep:
        return RevisionStep(revision_map, script, False)

    @property
    def is_downgrade(self) -> bool:
        return not self.is_upgrade

    def __str__(self) -> str:
        doc = self._step.doc
        if doc:
            return "%s %s -> %s, %s" % (
                self.name,
                util.format_as_comma(self.from_revisions_no_deps),
                util.format_as_comma(self.to_revisions_no_deps),
                doc,
            )
        return self.short_log


class RevisionStep(MigrationStep):
    """Run one migration script up or down."""

    def __init__(
        self,
        revision_map: Any,
        revision: Any,
        is_upgrade: bool,
        _step: Any = None,
    ) -> None:
        self.revision_map = revision_map
        self._revision = revision
        self.is_upgrade = is_upgrade
        if _step is None:
            from ..script.revision import _native_module

            rev_id = revision if isinstance(revision, str) else revision.revision
            _step = _native_module().step_info(revision_map._native, rev_id, is_upgrade)
        self._set_step(_step)

    @property
    def revision(self) -> Any:
        if isinstance(self._revision, str):
            self._revision = self.revision_map.get_revision(self._revision)
        return self._revision

    @property
    def migration_fn(self) -> Any:  # type: ignore[override]
        module = self.revision.module
        return module.upgrade if self.is_upgrade else module.downgrade

    @property
    def doc(self) -> str:
        return self._step.doc

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, RevisionStep)
            and other._step.revision == self._step.revision
            and self.is_upgrade == other.is_upgrade
        )

    def __hash__(self) -> int:
        return hash((self._step.revision, self.is_upgrade))

    @property
    def info(self) -> MigrationInfo:
        return MigrationInfo(
            revision_map=self.revision_map,
            up_revisions=self._step.revision,
            down_revisions=self.from_revisions if self.is_upgrade else self.to_revisions,
            is_upgrade=self.is_upgrade,
            is_stamp=False,
        )


class StampStep(MigrationStep):
    """Move the version table without running scripts."""

    def __init__(
        self,
        from_: Any,
        to_: Any,
        is_upgrade: bool,
        branch_move: bool,
        revision_map: Any = None,
        _step: Any = None,
    ) -> None:
        self.from_ = util.to_tuple(from_, default=())
        self.to_ = util.to_tuple(to_, default=())
        self.is_upgrade = is_upgrade
        self.branch_move = branch_move
        self.migration_fn = self.stamp_revision
        self.revision_map = revision_map
        if _step is None:
            from ..script.revision import _native_module

            _step = _native_module().Step.stamp(
                list(self.from_), list(self.to_), is_upgrade, branch_move
            )
        self._set_step(_step)

    doc: str | None = None

    def stamp_revision(self, **kw: Any) -> None:
        return None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, StampStep)
            and other.from_revisions == self.from_revisions
            and other.to_revisions == self.to_revisions
            and other.branch_move == self.branch_move
            and self.is_upgrade == other.is_upgrade
        )

    def __hash__(self) -> int:
        return hash((self.from_, self.to_, self.is_upgrade, self.branch_move))

    @property
    def info(self) -> MigrationInfo:
        up, down = (
            (self.to_revisions, self.from_revisions)
            if self.is_upgrade
            else (self.from_revisions, self.to_revisions)
        )
        return MigrationInfo(
            revision_map=self.revision_map,
            up_revisions=up,
            down_revisions=down,
            is_upgrade=self.is_upgrade,
            is_stamp=True,
        )
