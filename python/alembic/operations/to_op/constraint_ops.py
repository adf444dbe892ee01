"""The constraint ops: ``create_primary_key``, ``create_unique_constraint``,
``create_foreign_key``, ``create_check_constraint`` (through ``add_constraint``) and
``drop_constraint``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .constraints import _condition_columns
from .errors import _refuse
from .expressions import _sql_text
from .fields import _put
from .loader import _sa
from .names import _ident, _names, _object_name
from .options import _other_options
from .postgresql import _create_exclude_constraint, not_valid_option, unique_constraint_options

if TYPE_CHECKING:
    from .._op_types import (
        Op,
        OpCreateCheckConstraint,
        OpCreateForeignKey,
        OpCreatePrimaryKey,
        OpCreateUniqueConstraint,
        OpDropConstraint,
    )

_CONSTRAINT_TYPES = {
    None: None,
    "foreignkey": "foreignkey",
    "primary": "primary",
    "unique": "unique",
    "check": "check",
}


def drop_constraint(op, ctx) -> OpDropConstraint:
    what = "op.drop_constraint"
    type_ = op.constraint_type
    if type_ not in _CONSTRAINT_TYPES:
        raise TypeError(
            "'type' can be one of %s" % ", ".join(sorted(repr(x) for x in _CONSTRAINT_TYPES))
        )
    name = _object_name(op.constraint_name, what, "constraint_name")
    if name is None:
        raise _sa().CompileError(
            "Can't emit DROP CONSTRAINT for constraint %r; it has no name"
            % _unnamed_constraint(type_, op.table_name, op.schema)
        )
    d = {
        "op": "drop_constraint",
        "constraint_name": name,
        "table_name": _ident(op.table_name, what, "table_name"),
    }
    _put(d, "type_", type_)
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    return d


def _unnamed_constraint(type_, table_name, schema):
    """The constraint Alembic's ``generic_constraint`` builds, on its table (so that its
    ``repr`` in the error is Alembic's: ``..., table=Table('t', MetaData(), schema=None)``)."""
    m = _sa()
    make = {
        "foreignkey": lambda: m.ForeignKeyConstraint([], []),
        "primary": m.PrimaryKeyConstraint,
        "unique": m.UniqueConstraint,
        "check": lambda: m.CheckConstraint(""),
        None: m.Constraint,
    }[type_]
    constraint = make()
    m.Table(table_name, m.MetaData(), schema=schema).append_constraint(constraint)
    return constraint


def add_constraint(op, ctx) -> Op:
    """Any ``AddConstraintOp``: primary key, unique, foreign key, check, exclude."""
    from .. import ops

    if isinstance(op, ops.CreatePrimaryKeyOp):
        return _create_primary_key(op, ctx)
    if isinstance(op, ops.CreateUniqueConstraintOp):
        return _create_unique_constraint(op, ctx)
    if isinstance(op, ops.CreateForeignKeyOp):
        return _create_foreign_key(op, ctx)
    if isinstance(op, ops.CreateCheckConstraintOp):
        return _create_check_constraint(op, ctx)
    if isinstance(op, ops.CreateExcludeConstraintOp):
        return _create_exclude_constraint(op, ctx)
    raise _refuse(
        f"operations.invoke({type(op).__name__})",
        "a constraint operation alembic-rs's Op model does not know",
    )


def _create_primary_key(op, ctx) -> OpCreatePrimaryKey:
    what = "op.create_primary_key"
    if op.kw:
        raise _refuse(what, f"the options {sorted(op.kw)} are not in alembic-rs's Op model")
    d = {
        "op": "create_primary_key",
        "constraint_name": _object_name(op.constraint_name, what, "constraint_name"),
        "table_name": _ident(op.table_name, what, "table_name"),
        "columns": _names(op.columns, what, "columns"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d


def _create_unique_constraint(op, ctx) -> OpCreateUniqueConstraint:
    what = "op.create_unique_constraint"
    d = {
        "op": "create_unique_constraint",
        "constraint_name": _object_name(op.constraint_name, what, "constraint_name"),
        "table_name": _ident(op.table_name, what, "table_name"),
        "columns": _names(op.columns, what, "columns"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    kw = dict(op.kw)
    deferrable = kw.pop("deferrable", None)
    if deferrable is not None:
        d["deferrable"] = bool(deferrable)
    _put(d, "initially", kw.pop("initially", None))
    unique_constraint_options(kw, d, what)
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def _create_foreign_key(op, ctx) -> OpCreateForeignKey:
    what = "op.create_foreign_key"
    d = {
        "op": "create_foreign_key",
        "constraint_name": _object_name(op.constraint_name, what, "constraint_name"),
        "source_table": _ident(op.source_table, what, "source_table"),
        "referent_table": _ident(op.referent_table, what, "referent_table"),
        "local_cols": _names(op.local_cols, what, "local_cols"),
        "remote_cols": _names(op.remote_cols, what, "remote_cols"),
    }
    kw = dict(op.kw)
    for key in ("onupdate", "ondelete"):
        _put(d, key, kw.pop(key, None))
    deferrable = kw.pop("deferrable", None)
    if deferrable is not None:
        d["deferrable"] = bool(deferrable)
    _put(d, "initially", kw.pop("initially", None))
    _put(d, "match", kw.pop("match", None))
    _put(d, "source_schema", _ident(kw.pop("source_schema", None), what, "source_schema"))
    _put(d, "referent_schema", _ident(kw.pop("referent_schema", None), what, "referent_schema"))
    not_valid_option(kw, d)
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def _create_check_constraint(op, ctx) -> OpCreateCheckConstraint:
    what = "op.create_check_constraint"
    d = {
        "op": "create_check_constraint",
        "constraint_name": _object_name(op.constraint_name, what, "constraint_name"),
        "table_name": _ident(op.table_name, what, "table_name"),
        "condition": _sql_text(op.condition, ctx, what, "condition", include_table=False),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    columns = _condition_columns(op.condition)
    if columns:
        d["columns"] = columns
    kw = dict(op.kw)
    deferrable = kw.pop("deferrable", None)
    if deferrable is not None:
        d["deferrable"] = bool(deferrable)
    _put(d, "initially", kw.pop("initially", None))
    not_valid_option(kw, d)
    if kw:
        d["other_options"] = _other_options(kw)
    return d
