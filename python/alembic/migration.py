"""``alembic.migration``: Alembic's old import path for :mod:`alembic.runtime.migration`."""

from .runtime.migration import *  # noqa: F401,F403
from .runtime.migration import MigrationContext as MigrationContext  # noqa: F401
