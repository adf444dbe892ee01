"""The refusal a converter raises where alembic-rs's Op model has no field for an argument."""

from __future__ import annotations


def _refuse(what: str, detail: str) -> NotImplementedError:
    # not a refusal to the user: the operation is compiled by SQLAlchemy instead
    # (operations._sqla.run)
    from .._sqla import Unmodelled

    return Unmodelled(f"alembic-rs: {what}: {detail}")
