"""Python values -> the Op model's ``LiteralValue`` JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse

if TYPE_CHECKING:
    from .._op_types import LiteralValue


def literal_value(value, what: str, arg: str) -> LiteralValue:
    """A Python scalar -> LiteralValue JSON."""
    if value is None or type(value) in (bool, str):
        return value
    if type(value) is int:
        if -(2**63) <= value < 2**63:
            return value
        raise _refuse(what, f"{arg}: the int {value!r} does not fit in 64 bits")
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _refuse(what, f"{arg}: the float {value!r} has no JSON form")
        return value
    import datetime
    import decimal
    import enum
    import uuid

    if isinstance(value, enum.Enum) and isinstance(value, (str, int)):
        value = value.value
        return literal_value(value, what, arg)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return literal_value(int(value), what, arg)
    if isinstance(value, float):
        return literal_value(float(value), what, arg)
    if isinstance(value, decimal.Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"date_time": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"time": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, datetime.timedelta):
        return {"interval": repr(value.total_seconds())}
    if isinstance(value, (list, tuple)):
        return [literal_value(v, what, arg) for v in value]
    raise _refuse(
        what,
        f"{arg}: a {type(value).__name__} value ({value!r}); alembic-rs's Op model carries "
        "None, bool, int, float, str, Decimal, date, datetime, time, UUID, timedelta and "
        "list values",
    )
