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


def _foreign_console_script() -> str | None:
    """The ``alembic`` command being run, when it is real Alembic's script (installed over
    ours, it calls ``alembic.config:main`` instead of ``alembic_rs._cli:main``)."""
    import sys

    script = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if os.path.basename(script) != "alembic" or "alembic_rs._cli" in sys.modules:
        return None
    try:
        with open(script, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    if b"alembic.config import main" in head and b"alembic_rs" not in head:
        return script
    return None


def _warn_if_mixed() -> None:
    import sys

    if "alembic_rs._cli" in sys.modules:
        return  # our console script has checked, and said so on stderr
    dist = _real_alembic_distribution()
    script = _foreign_console_script()
    if dist is None and script is None:
        return
    import warnings

    if dist is not None:
        what = (
            f"the real Alembic distribution ({dist}) is installed in the same environment; "
            "its files overwrite alembic-rs's own 'alembic' package, so which code runs is "
            "undefined"
        )
    else:
        what = f"the 'alembic' command ({script}) is real Alembic's script, not alembic-rs's"
    warnings.warn(
        f"alembic-rs: {what}. Repair: {sys.executable} -m alembic_rs doctor --fix; keep "
        "real Alembic out with uv's 'override-dependencies' in the workspace root's "
        "pyproject.toml (see the alembic-rs README).",
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
