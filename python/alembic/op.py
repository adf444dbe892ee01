"""``alembic.op``: the :class:`.Operations` of the migration being run.

Version files do ``from alembic import op`` and call ``op.add_column(...)``; while a
migration context runs, its Operations object is installed here (``_proxy``) and every
attribute is read from it, as with Alembic's module proxy.
"""

from __future__ import annotations

from typing import Any

_proxy: Any = None


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    if _proxy is None:
        raise NameError(
            "Can't invoke function '%s', as the proxy object has "
            "not yet "
            "been "
            "established for the Alembic 'Operations' class.  "
            "Try placing this code inside a callable." % name
        )
    return getattr(_proxy, name)
