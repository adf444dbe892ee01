"""alembic-rs: the native API for new code. Alembic's own API lives in the ``alembic`` package."""

from alembic_rs._native import __version__

__all__ = ["__version__"]
