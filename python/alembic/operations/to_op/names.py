"""Names: tables, columns and schemas (plain ``str``), constraint and index names
(``op.f()`` included), lists of column names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .loader import _sa

if TYPE_CHECKING:
    from .._op_types import ObjectName


def _ident(value, what: str, arg: str):
    """A table / column / schema name: a plain ``str`` (or ``None``)."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, str):
        if getattr(value, "quote", None) is not None:
            raise _refuse(
                what,
                f"`{arg}` is a quoted_name with quote={value.quote!r}; alembic-rs quotes "
                "names by SQLAlchemy's rules only",
            )
        return str(value)
    raise TypeError(f"{what}: `{arg}` must be a str, not {type(value).__name__}")


def _object_name(value, what: str, arg: str) -> ObjectName | None:
    """A constraint / index name: ``"name"``, ``{"conv": "name"}`` (``op.f()``) or ``None``."""
    if value is None or type(value) is str:
        return value
    m = _sa()
    if isinstance(value, m.conv):
        return {"conv": str(value)}
    if isinstance(value, m.NoneName):
        return None
    return _ident(value, what, arg)


def _names(values, what: str, arg: str) -> list:
    """A list of column names (``str`` or Column objects)."""
    if values is None:
        return []
    if isinstance(values, str):
        raise TypeError(f"{what}: `{arg}` must be a list of column names, not a str")
    out = []
    for v in values:
        if type(v) is str:
            out.append(v)
        elif isinstance(v, str):
            out.append(_ident(v, what, arg))
        else:
            name = getattr(v, "name", None)
            if not isinstance(name, str) or not isinstance(v, _sa().ColumnClause):
                raise TypeError(f"{what}: `{arg}` holds {v!r}, not a column name")
            out.append(_ident(name, what, arg))
    return out
