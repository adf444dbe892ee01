"""``op.bulk_insert``: the table's typed columns and the rows' values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .fields import _put
from .literals import literal_value
from .loader import _sa
from .names import _ident
from .types import sql_type

if TYPE_CHECKING:
    from .._op_types import OpBulkInsert


def _bulk_value(value, col, ctx, what: str):
    """A ``bulk_insert`` row value for column ``col`` (``None``: no such column)."""
    m = _sa()
    arg = f"column {col.name!r}" if col is not None else "a row value"
    if isinstance(value, m.BindParameter):
        if not isinstance(value, m.literal_bindparam) or value.callable is not None:
            raise _refuse(what, f"{arg}: an SQL expression where a value is expected")
        if col is not None and value.value is not None:
            mine = _render_literal(value.value, value.type, ctx)
            theirs = _render_literal(value.value, col.type, ctx, fail=False)
            if mine != theirs:
                raise _refuse(
                    what,
                    f"{arg}: op.inline_literal({value.value!r}) renders as {mine} with its own "
                    f"type; alembic-rs renders bulk_insert values with the column's type",
                )
        value = value.value
    raw = value
    if col is not None and value is not None:
        t = _native_emulated(col.type, ctx)
        if isinstance(t, m.TypeDecorator):
            if t._has_literal_processor:
                value = t.process_literal_param(value, ctx.dialect)
            elif t._has_bind_processor:
                value = t.process_bind_param(value, ctx.dialect)
        elif isinstance(t, m.Enum) and t.enum_class is not None:
            import enum

            if isinstance(value, enum.Enum):
                value = t._db_value_for_elem(value)
    try:
        return literal_value(value, what, arg)
    except NotImplementedError as refused:
        error = refused
    if col is not None and getattr(ctx, "as_sql", False):
        # offline, Alembic renders it with the column's literal processor: when SQLAlchemy
        # cannot either, its error is the one Alembic raises (outside the handler above, so
        # that it is not chained to our refusal)
        _render_literal(raw, col.type, ctx)
    raise error


def _render_literal(value, type_, ctx, fail=True):
    dialect = ctx.dialect
    compiler = dialect.statement_compiler(dialect, None)
    try:
        return compiler.render_literal_value(value, type_)
    except Exception:
        if fail:
            raise
        return None


def _bulk_column_type(col, ctx, what: str):
    """The type a ``bulk_insert`` column's values are rendered with: a ``TypeDecorator``
    stands for its implementation (its value processing is applied in Python)."""
    m = _sa()
    t = _native_emulated(col.type, ctx)
    if isinstance(t, m.TypeDecorator):
        t = t.load_dialect_impl(ctx.dialect)
    return sql_type(t, ctx, what)


def _native_emulated(t, ctx):
    """An emulated type (``sa.Interval``: a TypeDecorator over DateTime for databases without
    intervals) as the dialect's native type, which PostgreSQL has."""
    from sqlalchemy.sql import sqltypes

    if isinstance(t, sqltypes.Emulated) and isinstance(t, _sa().TypeDecorator):
        return t.dialect_impl(ctx.dialect)
    return t


def bulk_insert(op, ctx) -> OpBulkInsert:
    what = "op.bulk_insert"
    rows = op.rows
    if not isinstance(rows, list):
        raise TypeError("List expected")
    elif rows and not isinstance(rows[0], dict):
        raise TypeError("List of dictionaries expected")
    table = op.table
    cols = table.c
    used = set()
    for row in rows:
        used.update(row)
    columns = []
    for col in cols:
        type_ = _bulk_column_type(col, ctx, what)
        if type_ is None:
            if col.key in used:
                if getattr(ctx, "as_sql", False):
                    # Alembic renders each value with the column's (null) type: SQLAlchemy's
                    # error is the one Alembic raises
                    for row in rows:
                        if col.key in row:
                            _render_literal(row[col.key], col.type, ctx)
                raise _refuse(
                    what,
                    f"column {col.name!r} has no type (NullType); alembic-rs renders "
                    "bulk_insert values with the column's type",
                )
            continue
        columns.append({"name": _ident(col.name, what, "column"), "type": type_})
    out_rows = []
    for row in rows:
        out = {}
        for key, value in row.items():
            col = cols.get(key) if isinstance(key, str) else None
            name = _ident(col.name, what, "column") if col is not None else key
            out[name] = _bulk_value(value, col, ctx, what)
        out_rows.append(out)
    t = {"name": _ident(table.name, what, "table name")}
    _put(t, "schema", _ident(table.schema, what, "schema"))
    t["columns"] = columns
    d = {"op": "bulk_insert", "table": t, "rows": out_rows}
    if not op.multiinsert:
        d["multiinsert"] = False
    return d
