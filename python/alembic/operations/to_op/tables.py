"""The table ops: ``create_table`` (and the ``sa.Table`` it returns), ``drop_table``,
``rename_table``, ``create_table_comment``, ``drop_table_comment``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .columns import column_spec
from .constraints import constraint_spec
from .errors import _refuse
from .fields import _put
from .indexes import create_index
from .loader import _sa
from .names import _ident
from .options import _other_options

if TYPE_CHECKING:
    from .._op_types import (
        IndexSpec,
        OpCreateTable,
        OpCreateTableComment,
        OpDropTable,
        OpDropTableComment,
        OpRenameTable,
    )


def create_table(op, ctx) -> OpCreateTable:
    what = "op.create_table"
    m = _sa()
    columns = []
    constraints = []
    indexes = []
    primary_keys = 0
    for item in op.columns:
        if isinstance(item, m.Column):
            columns.append(column_spec(item, ctx, what, op.schema))
        elif isinstance(item, m.Index):
            indexes.append(_table_index(item, op, ctx))
        elif isinstance(item, m.Constraint):
            if getattr(item, "_type_bound", False):
                continue
            spec = constraint_spec(item, ctx, what)
            if spec["kind"] == "primary_key":
                primary_keys += 1
                if primary_keys > 1:
                    raise _refuse(what, "several PrimaryKeyConstraints")
            constraints.append(spec)
    d = {"op": "create_table", "table_name": _ident(op.table_name, what, "table_name")}
    _put(d, "schema", _ident(op.schema, what, "schema"))
    d["columns"] = columns
    if constraints:
        d["constraints"] = constraints
    if indexes:
        d["indexes"] = indexes
    _put(d, "comment", op.comment)
    if op.prefixes:
        d["prefixes"] = [str(p) for p in op.prefixes]
    if op.if_not_exists is not None:
        d["if_not_exists"] = bool(op.if_not_exists)
    if op.kw:
        d["other_options"] = _other_options(op.kw)
    return d


def _table_index(index, op, ctx) -> IndexSpec:
    """An ``sa.Index`` given to ``create_table``: what ``create_index`` would emit for it."""
    from .. import ops

    index_op = ops.CreateIndexOp(
        index.name,
        op.table_name,
        list(index.expressions),
        schema=op.schema,
        unique=bool(index.unique),
        **index.kwargs,
    )
    d = create_index(index_op, ctx)
    del d["op"]
    return d


def table_object(op, ctx):
    """The ``sa.Table`` ``op.create_table`` returns (Alembic's ``CreateTableOp.to_table``)."""
    m = _sa()
    kw = {}
    opts = getattr(ctx, "opts", None) or {}
    target = opts.get("target_metadata")
    convention = getattr(target, "naming_convention", None)
    if convention is not None:
        kw["naming_convention"] = convention
    metadata = m.MetaData(**kw)
    cols = [c._copy() if c.table is not None else c for c in op.columns if isinstance(c, m.Column)]
    table = m.Table(
        op.table_name,
        metadata,
        *cols,
        schema=op.schema,
        prefixes=list(op.prefixes) if op.prefixes else [],
        comment=op.comment,
        info=dict(op.info) if op.info else {},
        **op.kw,
    )
    for elem in op.columns:
        if isinstance(elem, m.Index) or (
            isinstance(elem, m.Constraint) and not getattr(elem, "_type_bound", False)
        ):
            parent = getattr(elem, "parent", None)
            if parent is not None and parent is not table:
                elem = elem._copy(target_table=table)
            table.append_constraint(elem)
    return table


def drop_table(op, ctx) -> OpDropTable:
    what = "op.drop_table"
    d = {"op": "drop_table", "table_name": _ident(op.table_name, what, "table_name")}
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    if op.table_kw:
        d["other_options"] = _other_options(op.table_kw)
    return d


def rename_table(op, ctx) -> OpRenameTable:
    what = "op.rename_table"
    d = {
        "op": "rename_table",
        "old_table_name": _ident(op.table_name, what, "old_table_name"),
        "new_table_name": _ident(op.new_table_name, what, "new_table_name"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d


def create_table_comment(op, ctx) -> OpCreateTableComment:
    what = "op.create_table_comment"
    if op.comment is None:
        # COMMENT ON TABLE ... IS NULL, which is what drop_table_comment emits
        d = {"op": "drop_table_comment", "table_name": _ident(op.table_name, what, "table_name")}
    else:
        d = {
            "op": "create_table_comment",
            "table_name": _ident(op.table_name, what, "table_name"),
            "comment": op.comment,
        }
    _put(d, "existing_comment", op.existing_comment)
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d


def drop_table_comment(op, ctx) -> OpDropTableComment:
    what = "op.drop_table_comment"
    d = {"op": "drop_table_comment", "table_name": _ident(op.table_name, what, "table_name")}
    _put(d, "existing_comment", op.existing_comment)
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d
