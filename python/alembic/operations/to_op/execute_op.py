"""``op.execute``: SQL text, or a Core statement compiled by SQLAlchemy as Alembic's
``DefaultImpl._exec`` does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .expressions import _text_is_plain
from .loader import _sa
from .options import _other_options

if TYPE_CHECKING:
    from .._op_types import OpExecute


def _context_literal_binds(ctx) -> bool:
    impl = getattr(ctx, "impl", None)
    value = getattr(impl, "literal_binds", None)
    if value is None:
        value = (getattr(ctx, "opts", None) or {}).get("literal_binds", False)
    return bool(value)


def execute(op, ctx) -> OpExecute:
    return execute_sql(op.sqltext, ctx, op.execution_options)


def execute_sql(sqltext, ctx, execution_options=None) -> OpExecute:
    """The Op of executing ``sqltext`` (a str or any SQLAlchemy construct): what
    ``op.execute`` emits, and what an offline ``op.get_bind().execute(...)`` should emit."""
    what = "op.execute"
    if isinstance(sqltext, str):
        d = {"op": "execute", "sqltext": str(sqltext)}
    else:
        m = _sa()
        if isinstance(sqltext, m.TextClause) and _text_is_plain(sqltext, True):
            d = {"op": "execute", "sqltext": sqltext.text}
        elif isinstance(sqltext, m.ClauseElement):
            d = {"op": "execute", "sqltext": _compile_statement(sqltext, ctx), "compiled": True}
        else:
            raise TypeError(f"{what}: {sqltext!r} is not a str or an SQL construct")
    if execution_options:
        d["execution_options"] = _other_options(dict(execution_options))
    return d


def _compile_statement(construct, ctx) -> str:
    """``DefaultImpl._exec``'s compilation. Offline (``as_sql``): bound values inline only
    with ``literal_binds``, as Alembic does. Online the SQL must stand alone (the Op carries
    no parameters), so bound values are always rendered inline."""
    m = _sa()
    online = not getattr(ctx, "as_sql", False)
    if isinstance(construct, m.DDLElement):
        kw = {}
    elif online or _context_literal_binds(ctx):
        kw = {"compile_kwargs": {"literal_binds": True}}
    else:
        kw = {}
    try:
        return str(construct.compile(dialect=ctx.dialect, **kw))
    except m.CompileError as e:
        if online and kw:
            raise _refuse(
                "op.execute",
                f"the statement's bound values cannot be rendered inline ({e}); alembic-rs's "
                "Op model carries no parameters",
            ) from e
        raise
