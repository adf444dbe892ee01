"""``alembic.op``: the :class:`.Operations` of the migration being run.

Version files do ``from alembic import op`` and call ``op.add_column(...)``. As with Alembic,
the module holds one function per public method of ``Operations``, forwarding to the
instance installed while a migration context runs (``_proxy``). The functions are created on
the first attribute access (or when an ``Operations`` is installed), so that importing this
module from a version file does not import the operations machinery.
"""

from .util.langhelpers import proxy_module_getattr as _proxy_module_getattr


def _materialize() -> None:
    if "Operations" not in globals():
        from .operations.base import Operations

        globals()["Operations"] = Operations
        Operations.create_module_class_proxy(globals(), globals())


def __dir__() -> list[str]:
    _materialize()
    return sorted(n for n in globals() if n not in ("_materialize", "_proxy_module_getattr"))


__getattr__ = _proxy_module_getattr(globals(), _materialize)
