"""SQLAlchemy constraints (of a ``create_table`` or a column) -> ``ConstraintSpec``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .expressions import _sql_text
from .fields import _deferrability
from .loader import _sa
from .names import _ident, _names, _object_name
from .options import _check_dialect_kw
from .postgresql import NOT_VALID_KW, PRIMARY_KEY_KW, UNIQUE_KW, _exclude_class, _exclude_spec

if TYPE_CHECKING:
    from .._op_types import CheckSpec, ColumnForeignKey, ConstraintSpec


def _fk_target(fk, what: str) -> tuple:
    tokens = getattr(fk, "target_tokens", None) or fk._column_tokens
    schema, table, column = tokens[0], tokens[1], tokens[2]
    for part in (schema, table, column):
        if part is not None and '"' in part:
            raise _refuse(what, f"the quoted foreign key target {fk.target_fullname!r}")
    if not table or not column:
        raise _refuse(what, f"the foreign key target {fk.target_fullname!r} names no column")
    return schema, table, column


def _fk_options(item, d: dict) -> None:
    for key in ("onupdate", "ondelete", "deferrable", "initially", "match"):
        v = getattr(item, key)
        if v is not None:
            d[key] = bool(v) if key == "deferrable" else v


def _column_foreign_key(fk, what: str) -> ColumnForeignKey:
    if fk._unvalidated_dialect_kw:
        raise _refuse(
            what,
            f"ForeignKey options {sorted(fk._unvalidated_dialect_kw)} are not in "
            "alembic-rs's Op model",
        )
    schema, table, column = _fk_target(fk, what)
    d = {}
    if schema is not None:
        d["referent_schema"] = schema
    d["referent_table"] = table
    d["referent_column"] = column
    name = _object_name(fk.name, what, "ForeignKey name")
    if name is not None:
        d["name"] = name
    _fk_options(fk, d)
    if fk.use_alter:
        d["use_alter"] = True
    return d


def _constraint_columns(constraint, what: str) -> list:
    if len(constraint.columns):
        return [_ident(c.name, what, "constraint column") for c in constraint.columns]
    return _names(constraint._pending_colargs, what, "constraint columns")


def _condition_columns(value) -> list:
    """The names of the columns an SQL-expression condition references, as
    ``CheckConstraint.columns`` lists them (naming conventions' column tokens read them);
    text references none."""
    if isinstance(value, str):
        return []
    from sqlalchemy.sql import visitors

    found: list = []
    visitors.traverse(value, {}, {"column": found.append})
    names: list = []
    for column in found:
        if column.name not in names:
            names.append(column.name)
    return names


def _check_spec(ck, ctx, what: str) -> CheckSpec:
    opts = _check_dialect_kw(ck, NOT_VALID_KW, what, "CheckConstraint")
    d = {}
    name = _object_name(ck.name, what, "constraint name")
    if name is not None:
        d["name"] = name
    d["sqltext"] = _sql_text(ck.sqltext, ctx, what, "sqltext", include_table=False)
    columns = _condition_columns(ck.sqltext)
    if columns:
        d["columns"] = columns
    _deferrability(ck, d)
    if opts.get("not_valid"):
        d["not_valid"] = True
    return d


def constraint_spec(constraint, ctx, what: str) -> ConstraintSpec:
    """A table constraint of ``create_table`` -> ConstraintSpec."""
    m = _sa()
    if isinstance(constraint, m.CheckConstraint):
        return {"kind": "check", **_check_spec(constraint, ctx, what)}
    name = _object_name(constraint.name, what, "constraint name")
    if isinstance(constraint, m.PrimaryKeyConstraint):
        opts = _check_dialect_kw(constraint, PRIMARY_KEY_KW, what, "PrimaryKeyConstraint")
        d = {"kind": "primary_key"}
        if name is not None:
            d["name"] = name
        d["columns"] = _constraint_columns(constraint, what)
        _deferrability(constraint, d)
        include = _names(opts.get("include"), what, "postgresql_include")
        if include:
            d["include"] = include
        return d
    if isinstance(constraint, m.UniqueConstraint):
        opts = _check_dialect_kw(constraint, UNIQUE_KW, what, "UniqueConstraint")
        d = {"kind": "unique"}
        if name is not None:
            d["name"] = name
        d["columns"] = _constraint_columns(constraint, what)
        _deferrability(constraint, d)
        include = _names(opts.get("include"), what, "postgresql_include")
        if include:
            d["include"] = include
        if opts.get("nulls_not_distinct") is not None:
            d["nulls_not_distinct"] = bool(opts["nulls_not_distinct"])
        return d
    if isinstance(constraint, m.ForeignKeyConstraint):
        opts = _check_dialect_kw(constraint, NOT_VALID_KW, what, "ForeignKeyConstraint")
        referent = None
        referent_columns = []
        for fk in constraint.elements:
            schema, table, column = _fk_target(fk, what)
            if referent is None:
                referent = (schema, table)
            elif referent != (schema, table):
                raise _refuse(what, "a ForeignKeyConstraint referring to several tables")
            referent_columns.append(column)
        if referent is None:
            raise _refuse(what, "a ForeignKeyConstraint without columns")
        d = {"kind": "foreign_key"}
        if name is not None:
            d["name"] = name
        d["columns"] = [_ident(c, what, "column") for c in constraint.column_keys]
        if referent[0] is not None:
            d["referent_schema"] = referent[0]
        d["referent_table"] = referent[1]
        d["referent_columns"] = referent_columns
        _fk_options(constraint, d)
        if constraint.use_alter:
            d["use_alter"] = True
        if opts.get("not_valid"):
            d["not_valid"] = True
        return d
    exclude = _exclude_class()
    if exclude is not None and isinstance(constraint, exclude):
        return _exclude_spec(constraint, name, ctx, what)
    raise _refuse(
        what,
        f"the constraint {type(constraint).__name__} is not in alembic-rs's Op model",
    )
