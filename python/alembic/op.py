"""``alembic.op``: importable so that version files and env.py import as with Alembic.

Its contents are established while migrations run, which this version of alembic-rs does not
do yet; asking for anything names what is missing.
"""

from __future__ import annotations


def __getattr__(name: str) -> object:
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError(
        f"module 'alembic.op' has no attribute {name!r}: alembic-rs does not include the "
        "migration runtime (env.py, op.* execution) in this version"
    )
