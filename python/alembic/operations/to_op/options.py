"""Keyword options: the ``<dialect>_<option>`` keywords of SQLAlchemy objects, and the
``other_options`` / ``execution_options`` an Op carries as JSON."""

from __future__ import annotations

from .errors import _refuse


def _dialect_kw(item) -> dict:
    """The ``<dialect>_<option>`` keywords an item was given."""
    try:
        return dict(item.dialect_kwargs)
    except AttributeError:
        return {}


def _check_dialect_kw(item, allowed: dict, what: str, thing: str) -> dict:
    """``{model field: value}`` for the allowed dialect keywords; any other is refused."""
    out = {}
    for key, value in _dialect_kw(item).items():
        field = allowed.get(key)
        if field is None:
            raise _refuse(
                what,
                f"{thing} option `{key}` is not in alembic-rs's Op model",
            )
        out[field] = value
    return out


def _options_value(value):
    """An option value for ``other_options`` / ``execution_options`` (JSON)."""
    if value is None or type(value) in (bool, int, str):
        return value
    if type(value) is float:
        return value if value == value and abs(value) != float("inf") else repr(value)
    if isinstance(value, (list, tuple)):
        return [_options_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _options_value(v) for k, v in value.items()}
    return repr(value)


def _other_options(kw: dict) -> dict:
    return {k: _options_value(v) for k, v in kw.items()}
