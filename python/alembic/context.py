"""``alembic.context``: the :class:`.EnvironmentContext` of the command being run.

``env.py`` does ``from alembic import context`` and calls ``context.configure(...)``; while
a command runs ``env.py`` its EnvironmentContext is installed here (``_proxy_stack``) and
every attribute is read from it, as with Alembic's module proxy.
"""

from __future__ import annotations

from typing import Any

_proxy_stack: list[Any] = []


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    if not _proxy_stack:
        raise NameError(
            "Can't invoke function '%s', as the proxy object has "
            "not yet "
            "been "
            "established for the Alembic 'EnvironmentContext' class.  "
            "Try placing this code inside a callable." % name
        )
    return getattr(_proxy_stack[-1], name)
