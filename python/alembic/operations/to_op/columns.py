"""``sa.Column`` -> ``ColumnSpec``, and the column ops: ``add_column``, ``drop_column``,
``alter_column``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .column_defaults import _column_default, _computed, _identity, _server_default
from .constraints import _check_spec, _column_foreign_key
from .errors import _refuse
from .fields import _put
from .loader import _sa
from .names import _ident
from .options import _other_options
from .postgresql import alter_column_using, ignore_autoincrement
from .types import sql_type

if TYPE_CHECKING:
    from .._op_types import ColumnSpec, OpAddColumn, OpAlterColumn, OpDropColumn


def column_spec(col, ctx, what: str, table_schema=None) -> ColumnSpec:
    """``sa.Column`` -> ColumnSpec, from what the user gave (not what a Table set later),
    for a table in schema ``table_schema``."""
    m = _sa()
    if not isinstance(col, m.Column):
        raise TypeError(f"{what}: {col!r} is not a Column")
    name = col.name
    if name is None:
        raise m.sa.exc.ArgumentError(
            "Column must be constructed with a non-blank name or assign a "
            "non-blank .name before adding to a Table."
        )
    if col.key != name:
        # constraints may name the column by its key, and naming conventions' %(column_0_key)s
        # read it: the Op model has names only
        raise _refuse(what, f"Column {name!r} with key={col.key!r}")
    d = {"name": _ident(name, what, "Column name")}
    t = sql_type(col.type, ctx, what, table_schema)
    if t is not None:
        d["type"] = t
    if col._user_defined_nullable is not m.NULL_UNSPECIFIED:
        d["nullable"] = bool(col.nullable)
    if col.primary_key:
        d["primary_key"] = True
    auto = col.autoincrement
    if auto != "auto":
        if auto is True or auto is False or auto == "ignore_fk":
            d["autoincrement"] = auto
        else:
            raise TypeError(f"{what}: autoincrement={auto!r}")
    identity = col.identity
    computed = col.computed
    server_default = col.server_default
    if (
        server_default is not None
        and server_default is not identity
        and server_default is not computed
        and isinstance(server_default, m.DefaultClause)
    ):
        d["server_default"] = _server_default(server_default.arg, ctx, what)
    default = col.default
    if default is not None and not (isinstance(default, m.Sequence) and default.optional):
        d["client_default"] = True
    if col.unique:
        d["unique"] = True
    if col.index:
        d["index"] = True
    if col.comment is not None:
        d["comment"] = col.comment
    if identity is not None:
        d["identity"] = _identity(identity, what)
    if computed is not None:
        d["computed"] = _computed(computed, ctx, what)
    fks = [_column_foreign_key(fk, what) for fk in col.foreign_keys]
    if fks:
        d["foreign_keys"] = fks
    checks = sorted(
        (c for c in col.constraints if isinstance(c, m.CheckConstraint)),
        key=lambda c: c._creation_order,
    )
    if len(checks) != len(col.constraints):
        raise _refuse(what, f"column {name!r} holds a constraint that is not a CheckConstraint")
    if checks:
        d["checks"] = [_check_spec(c, ctx, what) for c in checks]
    return d


def add_column(op, ctx) -> OpAddColumn:
    what = "op.add_column"
    op.column.table  # noqa: B018 (what Alembic reads first: the same error for a non-Column)
    if op.kw:
        raise _refuse(what, f"the options {sorted(op.kw)} are not in alembic-rs's Op model")
    d = {
        "op": "add_column",
        "table_name": _ident(op.table_name, what, "table_name"),
        "column": column_spec(op.column, ctx, what, op.schema),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    for key in ("if_not_exists", "inline_references", "inline_primary_key"):
        v = getattr(op, key)
        if v is not None:
            d[key] = bool(v)
    return d


def drop_column(op, ctx) -> OpDropColumn:
    what = "op.drop_column"
    d = {
        "op": "drop_column",
        "table_name": _ident(op.table_name, what, "table_name"),
        "column_name": _ident(op.column_name, what, "column_name"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    if op.kw:
        d["other_options"] = _other_options(op.kw)
    return d


def alter_column(op, ctx) -> OpAlterColumn:
    what = "op.alter_column"
    d = {
        "op": "alter_column",
        "table_name": _ident(op.table_name, what, "table_name"),
        "column_name": _ident(op.column_name, what, "column_name"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.modify_nullable is not None:
        d["nullable"] = bool(op.modify_nullable)
    _put(d, "server_default", _column_default(op.modify_server_default, ctx, what, True))
    _put(d, "new_column_name", _ident(op.modify_name, what, "new_column_name"))
    _put(d, "type", sql_type(op.modify_type, ctx, what))
    comment = op.modify_comment
    if comment is None:
        d["comment"] = "drop"
    elif comment is not False:
        d["comment"] = {"set": comment}
    kw = dict(op.kw)
    alter_column_using(kw, d)
    _put(d, "existing_type", sql_type(op.existing_type, ctx, what))
    if op.existing_nullable is not None:
        d["existing_nullable"] = bool(op.existing_nullable)
    _put(
        d,
        "existing_server_default",
        _column_default(op.existing_server_default, ctx, what, False),
    )
    _put(d, "existing_comment", op.existing_comment)
    # batch_alter_column's column placement only matters when the table is recreated
    kw.pop("insert_before", None)
    kw.pop("insert_after", None)
    ignore_autoincrement(kw)
    if kw:
        d["other_options"] = _other_options(kw)
    return d
