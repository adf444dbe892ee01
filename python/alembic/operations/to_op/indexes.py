"""The index ops: ``create_index``, ``drop_index``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .expressions import _compile_expression, _text_is_plain
from .fields import _put
from .loader import _sa
from .names import _ident, _object_name
from .options import _other_options
from .postgresql import drop_index_options, index_options

if TYPE_CHECKING:
    from .._op_types import IndexColumn, OpCreateIndex, OpDropIndex


def _index_element(expr, ctx, what: str) -> IndexColumn:
    if isinstance(expr, str):
        return {"column": _ident(expr, what, "columns")}
    m = _sa()
    if isinstance(expr, m.TextClause):
        if _text_is_plain(expr, False):
            return {"text": expr.text}
        return {"text": _compile_expression(expr, ctx, include_table=False)}
    if isinstance(expr, m.ColumnClause) and not expr.is_literal:
        return {"column": _ident(expr.name, what, "columns")}
    if isinstance(expr, m.ClauseElement):
        return {"text": _compile_expression(expr.self_group(), ctx, include_table=False)}
    raise ValueError("String or text() construct expected")


def create_index(op, ctx) -> OpCreateIndex:
    what = "op.create_index"
    d = {
        "op": "create_index",
        "index_name": _object_name(op.index_name, what, "index_name"),
        "table_name": _ident(op.table_name, what, "table_name"),
        "columns": [_index_element(c, ctx, what) for c in op.columns],
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.unique:
        d["unique"] = True
    if op.if_not_exists is not None:
        d["if_not_exists"] = bool(op.if_not_exists)
    kw = dict(op.kw)
    index_options(kw, d, ctx, what)
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def drop_index(op, ctx) -> OpDropIndex:
    what = "op.drop_index"
    d = {"op": "drop_index", "index_name": _object_name(op.index_name, what, "index_name")}
    if d["index_name"] is None:
        raise TypeError(f"{what}: `index_name` is required")
    _put(d, "table_name", _ident(op.table_name, what, "table_name"))
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    kw = dict(op.kw)
    drop_index_options(kw, d)
    if kw:
        d["other_options"] = _other_options(kw)
    return d
