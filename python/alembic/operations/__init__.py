"""``alembic.operations``: the ``op`` proxy's classes, with Alembic's import paths.

:class:`Operations` turns each ``op.<name>(...)`` call into one value of alembic-rs's Op
model (see ``base``, ``ops``, ``toimpl`` and ``to_op``); third-party operations register
with :meth:`Operations.register_operation` / :meth:`Operations.implementation_for`.
"""

from . import toimpl  # noqa: F401 (registers the built-in implementations)
from .base import AbstractOperations, BatchOperations, Operations
from .ops import MigrateOperation, MigrationScript

__all__ = [
    "AbstractOperations",
    "Operations",
    "BatchOperations",
    "MigrateOperation",
    "MigrationScript",
]
