"""``alembic.operations.base``: :class:`Operations` (what ``op`` is while a migration runs)
and :class:`BatchOperations`, with Alembic's method signatures.

The operation methods are generated from the operation classes (``alembic.operations.ops``)
by :meth:`~AbstractOperations.register_operation`, as Alembic's are. Each builds an operation
object and calls :meth:`~AbstractOperations.invoke`, which runs the implementation registered
for the object's class with :meth:`~AbstractOperations.implementation_for`. The built-in
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
            source_name = sourcename if sourcename is not None else name
            fn = getattr(op_cls, source_name)
            method = _forwarding_method(name, fn.__func__, op_cls, fn.__name__)
            method.__doc__ = fn.__doc__
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


class BatchOperations(AbstractOperations):
    """Modifies the interface :class:`.Operations` for batch mode: the table name and
    schema are those given to :meth:`.Operations.batch_alter_table`."""

    impl: _batch.BatchOperationsImpl

    def _noop(self, operation):
        raise NotImplementedError(
            "The %s method does not apply to a batch table alter operation." % operation
        )


def _forwarding_method(name: str, func, op_cls, attr: str):
    """A method ``name`` taking ``self`` and the parameters of ``func`` after its ``(cls,
    operations)``, that calls ``op_cls.<attr>``.

    Alembic generates its operation methods from their source signatures, so a wrong call
    fails in the method itself: ``create_sequence() got an unexpected keyword argument
    'x'``. A ``*args, **kw`` wrapper would fail one frame later, under the op class's name.
    As Alembic's ``inspect_getfullargspec``, this reads the code object (``inspect`` is not
    imported: ``import alembic.operations`` stays cheap); the method carries ``func``'s
    annotations, so ``inspect.signature`` reports exactly ``func``'s parameters.
    """
    code = func.__code__
    names = code.co_varnames
    n_positional = code.co_argcount
    n_keyword_only = code.co_kwonlyargcount
    assert names[0:2] == ("cls", "operations")
    positional = names[2:n_positional]
    keyword_only = names[n_positional : n_positional + n_keyword_only]
    rest = iter(names[n_positional + n_keyword_only :])
    var_positional = next(rest) if code.co_flags & 0x04 else None  # CO_VARARGS
    var_keyword = next(rest) if code.co_flags & 0x08 else None  # CO_VARKEYWORDS
    defaults = func.__defaults__ or ()
    keyword_defaults = func.__kwdefaults__ or {}
    first_default = len(positional) - len(defaults)

    # a default is bound to a name in the generated function's namespace
    bound: dict = {}
    params = ["self"]
    call = ["self"]
    for i, param in enumerate(positional):
        if i >= first_default:
            bound[f"_default_{param}"] = defaults[i - first_default]
            params.append(f"{param}=_default_{param}")
        else:
            params.append(param)
        call.append(param)
        if i == code.co_posonlyargcount - 3:
            params.append("/")
    if var_positional is not None:
        params.append(f"*{var_positional}")
        call.append(f"*{var_positional}")
    elif keyword_only:
        params.append("*")
    for param in keyword_only:
        if param in keyword_defaults:
            bound[f"_default_{param}"] = keyword_defaults[param]
            params.append(f"{param}=_default_{param}")
        else:
            params.append(param)
        call.append(f"{param}={param}")
    if var_keyword is not None:
        params.append(f"**{var_keyword}")
        call.append(f"**{var_keyword}")
    source = f"def {name}({', '.join(params)}):\n    return _op_cls.{attr}({', '.join(call)})\n"
    # named in this module, as Alembic's (generated in its globals)
    namespace = {"__name__": __name__, "_op_cls": op_cls, **bound}
    exec(compile(source, f"<alembic.operations {name}>", "exec"), namespace)
    method = namespace[name]
    method.__annotations__ = {
        k: v for k, v in func.__annotations__.items() if k not in ("cls", "operations")
    }
    return method
