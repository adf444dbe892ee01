"""``alembic.operations.base``: :class:`Operations` (what ``op`` is while a migration runs)
and :class:`BatchOperations`, with Alembic's method signatures.

Every method builds an operation object (``alembic.operations.ops``) and calls
:meth:`~AbstractOperations.invoke`, which runs the implementation registered for the
object's class with :meth:`~AbstractOperations.implementation_for`. The built-in
implementations (``alembic.operations.toimpl``) turn the object into one value of
alembic-rs's Op model and hand it to ``migration_context.impl.emit_op(op)``, which compiles
it natively; a third-party operation runs its own Python implementation (usually calling
:meth:`Operations.execute`).

``migration_context`` needs: ``impl`` (with ``emit_op(dict)``; ``bind`` for
:meth:`~AbstractOperations.get_bind`), ``dialect`` (a SQLAlchemy dialect, used only when
SQLAlchemy must compile something), and optionally ``as_sql`` and ``opts``.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..util.langhelpers import ModuleClsProxy, immutabledict
from . import batch as _batch
from . import ops

__all__ = ("AbstractOperations", "Operations", "BatchOperations")

_EMPTY = immutabledict()


class Dispatcher:
    """Class (and dialect) -> implementation registry (Alembic's ``util.Dispatcher``)."""

    def __init__(self) -> None:
        self._registry: dict = {}

    def dispatch_for(self, target, *, qualifier: str = "default", replace: bool = False):
        def decorate(fn):
            if (target, qualifier) in self._registry and not replace:
                raise ValueError(
                    "Can not set dispatch function for object "
                    f"{target!r}: key already exists. To replace "
                    "existing function, use replace=True."
                )
            self._registry[(target, qualifier)] = fn
            return fn

        return decorate

    def dispatch(self, obj, qualifier: str = "default"):
        if isinstance(obj, str):
            targets = [obj]
        elif isinstance(obj, type):
            targets = obj.__mro__
        else:
            targets = type(obj).__mro__
        qualifiers = [qualifier, "default"] if qualifier != "default" else ["default"]
        registry = self._registry
        for spcls in targets:
            for q in qualifiers:
                fn = registry.get((spcls, q))
                if fn is not None:
                    return fn
        raise ValueError("no dispatch function for object: %s" % obj)

    def branch(self) -> Dispatcher:
        """Return a copy of this dispatcher that is independently writable."""
        d = Dispatcher()
        d._registry.update(self._registry)
        return d


class AbstractOperations(ModuleClsProxy):
    """Base class for Operations and BatchOperations."""

    _to_impl = Dispatcher()

    def __init__(self, migration_context, impl=None) -> None:
        """Construct a new :class:`.Operations`

        :param migration_context: a :class:`.MigrationContext` instance.
        """
        self.migration_context = migration_context
        if impl is None:
            self.impl = migration_context.impl
        else:
            self.impl = impl

    @classmethod
    def register_operation(cls, name: str, sourcename: str | None = None):
        """Register a new operation for this class.

        This method is normally used to add new operations to the :class:`.Operations`
        class, and possibly the :class:`.BatchOperations` class as well. The decorated
        class must have a classmethod ``name`` (or ``sourcename``) taking ``(cls,
        operations, ...)``; ``op.<name>(...)`` calls it with the operations object.
        """

        def register(op_cls):
            import inspect

            source_name = sourcename if sourcename is not None else name
            fn = getattr(op_cls, source_name)
            spec = inspect.getfullargspec(fn)
            assert spec.args[0:2] == ["cls", "operations"]
            signature = inspect.signature(fn)
            params = list(signature.parameters.values())
            self_param = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
            method_signature = signature.replace(parameters=[self_param] + params[1:])
            method = _forwarding_method(name, method_signature, op_cls, fn.__name__)
            method.__doc__ = fn.__doc__
            method.__signature__ = method_signature
            method.__wrapped__ = fn
            if hasattr(fn, "_legacy_translations"):
                method._legacy_translations = fn._legacy_translations
            setattr(cls, name, method)
            try:
                fn.__func__.__doc__ = (
                    "This method is proxied on "
                    "the :class:`.%s` class, via the :meth:`.%s.%s` method."
                    % (cls.__name__, cls.__name__, name)
                )
            except AttributeError:
                pass
            cls._update_module_proxies(name)
            return op_cls

        return register

    @classmethod
    def implementation_for(cls, op_cls, replace: bool = False):
        """Register an implementation for a given :class:`.MigrateOperation`.

        :param replace: when True, allows replacement of an already registered
         implementation for the given operation class.
        """

        def decorate(fn):
            cls._to_impl.dispatch_for(op_cls, replace=replace)(fn)
            return fn

        return decorate

    @classmethod
    @contextmanager
    def context(cls, migration_context):
        """Install an :class:`.Operations` over ``migration_context`` as ``alembic.op``
        for the duration of the block."""
        op = Operations(migration_context)
        op._install_proxy()
        try:
            yield op
        finally:
            op._remove_proxy()

    @contextmanager
    def batch_alter_table(
        self,
        table_name: str,
        schema: str | None = None,
        recreate: str = "auto",
        partial_reordering=None,
        copy_from=None,
        table_args=(),
        table_kwargs=_EMPTY,
        reflect_args=(),
        reflect_kwargs=_EMPTY,
        naming_convention=None,
    ):
        """Invoke a series of per-table migrations in batch.

        On PostgreSQL (``recreate="auto"`` or ``"never"``) the operations of the block are
        emitted as plain ALTER statements, in order, when the block ends. The "move and
        copy" recreation of ``recreate="always"`` is not supported by alembic-rs.
        """
        impl = _batch.BatchOperationsImpl(
            self,
            table_name,
            schema,
            recreate,
            copy_from,
            table_args,
            table_kwargs,
            reflect_args,
            reflect_kwargs,
            naming_convention,
            partial_reordering,
        )
        batch_op = BatchOperations(self.migration_context, impl=impl)
        yield batch_op
        impl.flush()

    def get_context(self):
        """Return the :class:`.MigrationContext` object that's currently in use."""
        return self.migration_context

    def invoke(self, operation):
        """Given a :class:`.MigrateOperation`, invoke it in terms of this
        :class:`.Operations` instance."""
        qualifier = getattr(self.migration_context.impl, "__dialect__", "default")
        fn = self._to_impl.dispatch(operation, qualifier)
        return fn(self, operation)

    def f(self, name: str):
        """Indicate a string name that has already had a naming convention applied to
        it."""
        from sqlalchemy.sql.elements import conv

        return conv(name)

    def inline_literal(self, value, type_=None):
        r"""Produce an 'inline literal' expression, suitable for using in an INSERT,
        UPDATE, or DELETE statement (and as a :meth:`.Operations.bulk_insert` value)."""
        from ._literal import _literal_bindparam

        return _literal_bindparam(None, value, type_=type_)

    def get_bind(self):
        """Return the current 'bind'.

        Under normal circumstances, this is the :class:`~sqlalchemy.engine.Connection`
        currently being used to emit SQL to the database. In a SQL script context, this
        value is ``None``.
        """
        return self.migration_context.impl.bind

    def run_async(self, async_function, *args, **kw_args):
        """Invoke the given asynchronous callable, passing an asynchronous
        :class:`~sqlalchemy.ext.asyncio.AsyncConnection` as the first argument."""
        sync_conn = self.get_bind()
        if sync_conn is None:
            raise NotImplementedError("Cannot call run_async in SQL mode")
        if not sync_conn.dialect.is_async:
            raise ValueError("Cannot call run_async with a sync engine")
        from sqlalchemy.ext.asyncio import AsyncConnection
        from sqlalchemy.util import await_only

        async_conn = AsyncConnection._retrieve_proxy_for_target(sync_conn)
        return await_only(async_function(async_conn, *args, **kw_args))


class Operations(AbstractOperations):
    """Define high level migration operations.

    Each operation corresponds to some schema migration operation, executed against a
    particular :class:`.MigrationContext` which in turn represents connectivity to a
    database, or a file output stream.
    """

    _proxy_module = "alembic.op"

    def add_column(
        self,
        table_name: str,
        column,
        *,
        schema: str | None = None,
        if_not_exists: bool | None = None,
        inline_references: bool | None = None,
        inline_primary_key: bool | None = None,
    ) -> None:
        """Issue an "add column" instruction using the current migration context."""
        return ops.AddColumnOp.add_column(
            self,
            table_name,
            column,
            schema=schema,
            if_not_exists=if_not_exists,
            inline_references=inline_references,
            inline_primary_key=inline_primary_key,
        )

    def alter_column(
        self,
        table_name: str,
        column_name: str,
        *,
        nullable: bool | None = None,
        comment=False,
        server_default=False,
        new_column_name: str | None = None,
        type_=None,
        existing_type=None,
        existing_server_default=False,
        existing_nullable: bool | None = None,
        existing_comment: str | None = None,
        schema: str | None = None,
        **kw,
    ) -> None:
        """Issue an "alter column" instruction using the current migration context."""
        return ops.AlterColumnOp.alter_column(
            self,
            table_name,
            column_name,
            nullable=nullable,
            comment=comment,
            server_default=server_default,
            new_column_name=new_column_name,
            type_=type_,
            existing_type=existing_type,
            existing_server_default=existing_server_default,
            existing_nullable=existing_nullable,
            existing_comment=existing_comment,
            schema=schema,
            **kw,
        )

    def bulk_insert(self, table, rows, *, multiinsert: bool = True) -> None:
        """Issue a "bulk insert" operation using the current migration context."""
        return ops.BulkInsertOp.bulk_insert(self, table, rows, multiinsert=multiinsert)

    def create_check_constraint(
        self,
        constraint_name: str | None,
        table_name: str,
        condition,
        *,
        schema: str | None = None,
        **kw,
    ) -> None:
        """Issue a "create check constraint" instruction using the current migration
        context."""
        return ops.CreateCheckConstraintOp.create_check_constraint(
            self, constraint_name, table_name, condition, schema=schema, **kw
        )

    def create_exclude_constraint(self, constraint_name: str, table_name: str, *elements, **kw):
        """Issue an alter to create an EXCLUDE constraint using the current migration
        context (PostgreSQL)."""
        return ops.CreateExcludeConstraintOp.create_exclude_constraint(
            self, constraint_name, table_name, *elements, **kw
        )

    def create_foreign_key(
        self,
        constraint_name: str | None,
        source_table: str,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        *,
        onupdate: str | None = None,
        ondelete: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        match: str | None = None,
        source_schema: str | None = None,
        referent_schema: str | None = None,
        **dialect_kw,
    ) -> None:
        """Issue a "create foreign key" instruction using the current migration context."""
        return ops.CreateForeignKeyOp.create_foreign_key(
            self,
            constraint_name,
            source_table,
            referent_table,
            local_cols,
            remote_cols,
            onupdate=onupdate,
            ondelete=ondelete,
            deferrable=deferrable,
            initially=initially,
            match=match,
            source_schema=source_schema,
            referent_schema=referent_schema,
            **dialect_kw,
        )

    def create_index(
        self,
        index_name: str | None,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        unique: bool = False,
        if_not_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "create index" instruction using the current migration context."""
        return ops.CreateIndexOp.create_index(
            self,
            index_name,
            table_name,
            columns,
            schema=schema,
            unique=unique,
            if_not_exists=if_not_exists,
            **kw,
        )

    def create_primary_key(
        self,
        constraint_name: str | None,
        table_name: str,
        columns: list[str],
        *,
        schema: str | None = None,
    ) -> None:
        """Issue a "create primary key" instruction using the current migration context."""
        return ops.CreatePrimaryKeyOp.create_primary_key(
            self, constraint_name, table_name, columns, schema=schema
        )

    def create_table(self, table_name: str, *columns, if_not_exists: bool | None = None, **kw):
        """Issue a "create table" instruction using the current migration context.

        Returns the :class:`~sqlalchemy.schema.Table` object, as Alembic does.
        """
        return ops.CreateTableOp.create_table(
            self, table_name, *columns, if_not_exists=if_not_exists, **kw
        )

    def create_table_comment(
        self,
        table_name: str,
        comment: str | None,
        *,
        existing_comment: str | None = None,
        schema: str | None = None,
    ) -> None:
        """Emit a COMMENT ON operation to set the comment for a table."""
        return ops.CreateTableCommentOp.create_table_comment(
            self, table_name, comment, existing_comment=existing_comment, schema=schema
        )

    def create_unique_constraint(
        self,
        constraint_name: str | None,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        **kw,
    ):
        """Issue a "create unique constraint" instruction using the current migration
        context."""
        return ops.CreateUniqueConstraintOp.create_unique_constraint(
            self, constraint_name, table_name, columns, schema=schema, **kw
        )

    def drop_column(
        self, table_name: str, column_name: str, *, schema: str | None = None, **kw
    ) -> None:
        """Issue a "drop column" instruction using the current migration context."""
        return ops.DropColumnOp.drop_column(self, table_name, column_name, schema=schema, **kw)

    def drop_constraint(
        self,
        constraint_name: str,
        table_name: str,
        type_: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
    ) -> None:
        """Drop a constraint of the given name, typically via DROP CONSTRAINT."""
        return ops.DropConstraintOp.drop_constraint(
            self, constraint_name, table_name, type_, schema=schema, if_exists=if_exists
        )

    def drop_index(
        self,
        index_name: str,
        table_name: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "drop index" instruction using the current migration context."""
        return ops.DropIndexOp.drop_index(
            self, index_name, table_name, schema=schema, if_exists=if_exists, **kw
        )

    def drop_table(
        self,
        table_name: str,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "drop table" instruction using the current migration context."""
        return ops.DropTableOp.drop_table(
            self, table_name, schema=schema, if_exists=if_exists, **kw
        )

    def drop_table_comment(
        self,
        table_name: str,
        *,
        existing_comment: str | None = None,
        schema: str | None = None,
    ) -> None:
        """Issue a "drop table comment" operation to remove an existing comment set on a
        table."""
        return ops.DropTableCommentOp.drop_table_comment(
            self, table_name, existing_comment=existing_comment, schema=schema
        )

    def execute(self, sqltext, *, execution_options: dict | None = None) -> None:
        """Execute the given SQL using the current migration context.

        ``sqltext`` is a string (``sa.text()`` semantics), ``sa.text()``, or any SQLAlchemy
        statement (``table.update()``, ``insert()``, ``delete()``, ``select()``, DDL
        constructs), which SQLAlchemy compiles for the context's dialect.
        """
        return ops.ExecuteSQLOp.execute(self, sqltext, execution_options=execution_options)

    def rename_table(
        self, old_table_name: str, new_table_name: str, *, schema: str | None = None
    ) -> None:
        """Emit an ALTER TABLE to rename a table."""
        return ops.RenameTableOp.rename_table(self, old_table_name, new_table_name, schema=schema)


class BatchOperations(AbstractOperations):
    """Modifies the interface :class:`.Operations` for batch mode: the table name and
    schema are those given to :meth:`.Operations.batch_alter_table`."""

    impl: _batch.BatchOperationsImpl

    def _noop(self, operation):
        raise NotImplementedError(
            "The %s method does not apply to a batch table alter operation." % operation
        )

    def add_column(
        self,
        column,
        *,
        insert_before: str | None = None,
        insert_after: str | None = None,
        if_not_exists: bool | None = None,
        inline_references: bool | None = None,
        inline_primary_key: bool | None = None,
    ) -> None:
        """Issue an "add column" instruction using the current batch migration context."""
        return ops.AddColumnOp.batch_add_column(
            self,
            column,
            insert_before=insert_before,
            insert_after=insert_after,
            if_not_exists=if_not_exists,
            inline_references=inline_references,
            inline_primary_key=inline_primary_key,
        )

    def alter_column(
        self,
        column_name: str,
        *,
        nullable: bool | None = None,
        comment=False,
        server_default=False,
        new_column_name: str | None = None,
        type_=None,
        existing_type=None,
        existing_server_default=False,
        existing_nullable: bool | None = None,
        existing_comment: str | None = None,
        insert_before: str | None = None,
        insert_after: str | None = None,
        **kw,
    ) -> None:
        """Issue an "alter column" instruction using the current batch migration
        context."""
        return ops.AlterColumnOp.batch_alter_column(
            self,
            column_name,
            nullable=nullable,
            comment=comment,
            server_default=server_default,
            new_column_name=new_column_name,
            type_=type_,
            existing_type=existing_type,
            existing_server_default=existing_server_default,
            existing_nullable=existing_nullable,
            existing_comment=existing_comment,
            insert_before=insert_before,
            insert_after=insert_after,
            **kw,
        )

    def create_check_constraint(self, constraint_name: str, condition, **kw) -> None:
        """Issue a "create check constraint" instruction using the current batch migration
        context."""
        return ops.CreateCheckConstraintOp.batch_create_check_constraint(
            self, constraint_name, condition, **kw
        )

    def create_exclude_constraint(self, constraint_name: str, *elements, **kw):
        """Issue a "create exclude constraint" instruction using the current batch
        migration context."""
        return ops.CreateExcludeConstraintOp.batch_create_exclude_constraint(
            self, constraint_name, *elements, **kw
        )

    def create_foreign_key(
        self,
        constraint_name: str | None,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        *,
        referent_schema: str | None = None,
        onupdate: str | None = None,
        ondelete: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        match: str | None = None,
        **dialect_kw,
    ) -> None:
        """Issue a "create foreign key" instruction using the current batch migration
        context."""
        return ops.CreateForeignKeyOp.batch_create_foreign_key(
            self,
            constraint_name,
            referent_table,
            local_cols,
            remote_cols,
            referent_schema=referent_schema,
            onupdate=onupdate,
            ondelete=ondelete,
            deferrable=deferrable,
            initially=initially,
            match=match,
            **dialect_kw,
        )

    def create_index(self, index_name: str, columns, **kw) -> None:
        """Issue a "create index" instruction using the current batch migration context."""
        return ops.CreateIndexOp.batch_create_index(self, index_name, columns, **kw)

    def create_primary_key(self, constraint_name: str | None, columns: list[str]) -> None:
        """Issue a "create primary key" instruction using the current batch migration
        context."""
        return ops.CreatePrimaryKeyOp.batch_create_primary_key(self, constraint_name, columns)

    def create_table_comment(
        self, comment: str | None, *, existing_comment: str | None = None
    ) -> None:
        """Emit a COMMENT ON operation to set the comment for a table using the current
        batch migration context."""
        return ops.CreateTableCommentOp.batch_create_table_comment(
            self, comment, existing_comment=existing_comment
        )

    def create_unique_constraint(self, constraint_name: str, columns, **kw):
        """Issue a "create unique constraint" instruction using the current batch migration
        context."""
        return ops.CreateUniqueConstraintOp.batch_create_unique_constraint(
            self, constraint_name, columns, **kw
        )

    def drop_column(self, column_name: str, **kw) -> None:
        """Issue a "drop column" instruction using the current batch migration context."""
        return ops.DropColumnOp.batch_drop_column(self, column_name, **kw)

    def drop_constraint(self, constraint_name: str, type_: str | None = None) -> None:
        """Issue a "drop constraint" instruction using the current batch migration
        context."""
        return ops.DropConstraintOp.batch_drop_constraint(self, constraint_name, type_)

    def drop_index(self, index_name: str, **kw) -> None:
        """Issue a "drop index" instruction using the current batch migration context."""
        return ops.DropIndexOp.batch_drop_index(self, index_name, **kw)

    def drop_table_comment(self, *, existing_comment: str | None = None) -> None:
        """Issue a "drop table comment" operation to remove an existing comment set on a
        table using the current batch operations context."""
        return ops.DropTableCommentOp.batch_drop_table_comment(
            self, existing_comment=existing_comment
        )

    def execute(self, sqltext, *, execution_options: dict | None = None) -> None:
        """Execute the given SQL using the current migration context."""
        return ops.ExecuteSQLOp.batch_execute(self, sqltext, execution_options=execution_options)


def _forwarding_method(name: str, signature, op_cls, attr: str):
    """A method ``name`` with exactly ``signature`` that calls ``op_cls.<attr>``.

    Alembic generates its operation methods from their source signatures, so a wrong call
    fails in the method itself: ``create_sequence() got an unexpected keyword argument
    'x'``. A ``*args, **kw`` wrapper would fail one frame later, under the op class's name.
    """
    import inspect

    defaults: dict = {}
    params = []
    call = []
    for param in signature.parameters.values():
        if param.default is not inspect.Parameter.empty:
            defaults[f"_default_{param.name}"] = param.default
            param = param.replace(default=_Placeholder(f"_default_{param.name}"))
        params.append(param.replace(annotation=inspect.Parameter.empty))
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            call.append(f"*{param.name}")
        elif param.kind is inspect.Parameter.VAR_KEYWORD:
            call.append(f"**{param.name}")
        elif param.kind is inspect.Parameter.KEYWORD_ONLY:
            call.append(f"{param.name}={param.name}")
        else:
            call.append(param.name)
    plain = signature.replace(parameters=params, return_annotation=inspect.Signature.empty)
    source = f"def {name}{plain}:\n    return _op_cls.{attr}({', '.join(call)})\n"
    namespace = {"_op_cls": op_cls, **defaults}
    exec(compile(source, f"<alembic.operations {name}>", "exec"), namespace)
    return namespace[name]


class _Placeholder:
    """Renders as a name in a generated signature (the default's value is bound to it)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


# Alembic installs the built-in operation methods the same way as third-party ones
# (register_operation), as functions named by the operation alone: a wrong call reads
# ``create_primary_key() got an unexpected keyword argument``, not
# ``Operations.create_primary_key() ...``.
for _cls in (Operations, BatchOperations):
    for _name, _fn in list(vars(_cls).items()):
        if not _name.startswith("_") and callable(_fn):
            _fn.__qualname__ = _name
del _cls, _name, _fn
