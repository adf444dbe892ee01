"""alembic-rs: Alembic's ``alembic`` package, with its core in Rust.

Importing ``alembic`` (or ``alembic.config`` for a read-only command) stays cheap: SQLAlchemy,
Mako and the runtime modules load only when used.
"""

from __future__ import annotations

import os

__version__ = "1.20.1"
"""The Alembic version whose behaviour this package reproduces."""

__alembic_rs__ = "0.1.0"
"""Marks this package as alembic-rs (real Alembic has no such attribute)."""


def _real_alembic_distribution() -> str | None:
    """The name of a real ``alembic`` distribution installed beside us, if any.

    pip/uv install packages by writing files: when another package pulls in real Alembic
    (Flask-Migrate, pytest-alembic, alembic_utils require the ``alembic`` distribution), its
    files overwrite ours in the same folder. Its ``.dist-info`` folder gives it away.
    """
    site_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        names = os.listdir(site_dir)
    except OSError:
        return None
    for name in names:
        if name.startswith("alembic-") and name.endswith(".dist-info"):
            return name[: -len(".dist-info")]
    return None


def _warn_if_mixed() -> None:
    dist = _real_alembic_distribution()
    if dist is not None:
        import warnings

        warnings.warn(
            f"alembic-rs: the real Alembic distribution ({dist}) is installed in the same "
            "environment; its files overwrite alembic-rs's own 'alembic' package, so which "
            "code runs is undefined. Uninstall it and keep it out with uv's "
            "'override-dependencies' (see the alembic-rs README).",
            RuntimeWarning,
            stacklevel=3,
        )


_warn_if_mixed()


def __getattr__(name: str) -> object:
    # `import alembic; alembic.context` works as with Alembic, without importing the runtime
    # modules for every command.
    if name in ("context", "op"):
        import importlib

        return importlib.import_module(f"alembic.{name}")
    raise AttributeError(f"module 'alembic' has no attribute {name!r}")
