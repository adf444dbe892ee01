"""What fills a column: server defaults, identities and computed columns (of ``sa.Column``
and of ``alter_column``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .expressions import _compile_expression, _sql_text, _text_is_plain
from .loader import _sa
from .options import _dialect_kw

if TYPE_CHECKING:
    from .._op_types import ComputedSpec, IdentitySpec, ServerDefault


def _server_default(value, ctx, what: str) -> ServerDefault:
    """A server default (``DefaultClause.arg`` or what ``alter_column`` was given)."""
    if isinstance(value, str):
        return {"kind": "string", "value": value}
    m = _sa()
    if isinstance(value, m.DefaultClause):
        return _server_default(value.arg, ctx, what)
    if isinstance(value, m.TextClause):
        if _text_is_plain(value, False):
            return {"kind": "text", "sql": value.text}
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    if isinstance(value, m.FunctionElement):
        if (
            isinstance(value, (m.Function, m.GenericFunction))
            and not value.packagenames
            and not value.clauses.clauses
        ):
            return {"kind": "function", "name": value.name}
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    if isinstance(value, m.True_):
        return {"kind": "literal", "value": True}
    if isinstance(value, m.False_):
        return {"kind": "literal", "value": False}
    if isinstance(value, m.Null):
        return {"kind": "literal", "value": None}
    if type(value) is m.BindParameter and value.callable is None:
        v = value.value
        if _plain_scalar(v) and type(value.type) is type(m.resolve_value_to_type(v)):
            return {"kind": "literal", "value": v}
    if isinstance(value, m.ClauseElement):
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    raise TypeError(f"{what}: a server default that is not a str or SQL expression: {value!r}")


def _plain_scalar(v) -> bool:
    """A value the static evaluator reads as a literal (JSON has a scalar for it)."""
    t = type(v)
    if v is None or t is bool or t is str:
        return True
    if t is int:
        return -(2**63) <= v < 2**63
    if t is float:
        return v == v and v not in (float("inf"), float("-inf"))
    return False


def _identity(identity, what: str) -> IdentitySpec:
    if _dialect_kw(identity):
        raise _refuse(
            what,
            f"Identity options {sorted(_dialect_kw(identity))} are not in alembic-rs's Op model",
        )
    for attr in ("on_null", "order"):
        if getattr(identity, attr, None) is not None:
            raise _refuse(what, f"Identity({attr}=...) is not in alembic-rs's Op model")
    d = {}
    if identity.always:
        d["always"] = True
    for key in ("start", "increment", "minvalue", "maxvalue"):
        v = getattr(identity, key)
        if v is not None:
            d[key] = _int(v, what, f"Identity({key}=)")
    for key in ("nominvalue", "nomaxvalue", "cycle"):
        v = getattr(identity, key)
        if v is not None:
            d[key] = bool(v)
    if identity.cache is not None:
        d["cache"] = _int(identity.cache, what, "Identity(cache=)")
    return d


def _int(v, what: str, arg: str) -> int:
    if type(v) is bool or not isinstance(v, int) or not -(2**63) <= v < 2**63:
        raise _refuse(what, f"{arg} {v!r} is not a 64-bit int")
    return int(v)


def _computed(computed, ctx, what: str) -> ComputedSpec:
    d = {"sqltext": _sql_text(computed.sqltext, ctx, what, "Computed", include_table=False)}
    if computed.persisted is not None:
        d["persisted"] = bool(computed.persisted)
    return d


def _column_default(value, ctx, what: str, drop_for_none: bool):
    """``server_default`` / ``existing_server_default`` of ``alter_column`` (Alembic's "not
    given" is ``False``): ``None`` when absent."""
    if value is False:
        return None
    if value is None:
        return "drop" if drop_for_none else None
    m = _sa()
    if isinstance(value, m.Identity):
        return {"identity": _identity(value, what)}
    if isinstance(value, m.Computed):
        return {"computed": _computed(value, ctx, what)}
    return {"set": _server_default(value, ctx, what)}
