"""``alembic.environment``: Alembic's old import path for :mod:`alembic.runtime.environment`."""

from .runtime.environment import *  # noqa: F401,F403
from .runtime.environment import EnvironmentContext as EnvironmentContext  # noqa: F401
