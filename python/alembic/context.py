"""``alembic.context``: the :class:`.EnvironmentContext` of the command being run.

``env.py`` does ``from alembic import context`` and calls ``context.configure(...)``. As
with Alembic, the module holds one function per public method of ``EnvironmentContext``,
forwarding to the instance installed while a command runs ``env.py`` (``_proxy``), and
``context.config`` / ``context.script`` exist only while one is installed. The functions
are created on the first attribute access (or when an EnvironmentContext is installed).
"""

from .util.langhelpers import proxy_module_getattr as _proxy_module_getattr


def _materialize() -> None:
    if "EnvironmentContext" not in globals():
        from .runtime.environment import EnvironmentContext

        globals()["EnvironmentContext"] = EnvironmentContext
        EnvironmentContext.create_module_class_proxy(globals(), globals())


def __dir__() -> list[str]:
    _materialize()
    return sorted(n for n in globals() if n not in ("_materialize", "_proxy_module_getattr"))


__getattr__ = _proxy_module_getattr(globals(), _materialize)
