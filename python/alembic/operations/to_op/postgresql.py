"""PostgreSQL: ``ExcludeConstraint`` and the ``postgresql_*`` options of the ops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .expressions import _sql_text
from .fields import _deferrability, _put
from .literals import literal_value
from .loader import _sa
from .names import _ident, _names, _object_name
from .options import _other_options

if TYPE_CHECKING:
    from .._op_types import ConstraintSpecExclude, OpCreateExcludeConstraint

_INDEX_OPTIONS = (
    "postgresql_where",
    "postgresql_using",
    "postgresql_include",
    "postgresql_concurrently",
    "postgresql_ops",
    "postgresql_nulls_not_distinct",
    "postgresql_with",
    "postgresql_tablespace",
)


def _exclude_class():
    import sys

    module = sys.modules.get("sqlalchemy.dialects.postgresql")
    return getattr(module, "ExcludeConstraint", None) if module is not None else None


def _exclude_spec(constraint, name, ctx, what: str) -> ConstraintSpecExclude:
    """``postgresql.ExcludeConstraint`` in ``create_table`` -> ConstraintSpec ``exclude``."""
    m = _sa()
    if constraint.ops:
        raise _refuse(what, "ExcludeConstraint(ops=...) is not in alembic-rs's Op model")
    elements = []
    for expr, column_name, operator in constraint._render_exprs:
        if isinstance(expr, str):
            column = expr
        elif isinstance(expr, m.ColumnClause) and not expr.is_literal:
            column = expr.name
        elif column_name is not None and not isinstance(expr, m.ClauseElement):
            column = column_name
        else:
            raise _refuse(
                what,
                f"the ExcludeConstraint element {expr!r} is an expression; alembic-rs's Op "
                "model carries column names only",
            )
        elements.append([_ident(column, what, "element"), str(operator)])
    d = {"kind": "exclude"}
    if name is not None:
        d["name"] = name
    d["elements"] = elements
    if constraint.where is not None:
        d["where"] = _sql_text(constraint.where, ctx, what, "where", include_table=False)
    if constraint.using is not None:
        d["using"] = str(constraint.using)
    _deferrability(constraint, d)
    return d


def _create_exclude_constraint(op, ctx) -> OpCreateExcludeConstraint:
    what = "op.create_exclude_constraint"
    m = _sa()
    elements = []
    for element in op.elements:
        try:
            expr, operator = element
        except (TypeError, ValueError):
            raise TypeError(
                f"{what}: an element that is not (column, operator): {element!r}"
            ) from None
        if isinstance(expr, str):
            column = _ident(expr, what, "element")
        elif isinstance(expr, m.ColumnClause) and not expr.is_literal:
            column = _ident(expr.name, what, "element")
        elif isinstance(expr, m.ColumnClause):
            raise _refuse(
                what,
                f"the element {expr!r} is a literal column; alembic-rs's Op model carries "
                "column names only",
            )
        else:
            # Alembic names a placeholder Column after each element: an expression has no
            # name, and SQLAlchemy refuses the Column
            raise m.sa.exc.ArgumentError(
                "Column must be constructed with a non-blank name or assign a "
                "non-blank .name before adding to a Table."
            )
        elements.append([column, str(operator)])
    d = {
        "op": "create_exclude_constraint",
        "constraint_name": _object_name(op.constraint_name, what, "constraint_name"),
        "table_name": _ident(op.table_name, what, "table_name"),
        "elements": elements,
    }
    if op.where is not None:
        d["where"] = _sql_text(op.where, ctx, what, "where", include_table=False)
    kw = dict(op.kw)
    _put(d, "using", kw.pop("using", None))
    deferrable = kw.pop("deferrable", None)
    if deferrable is not None:
        d["deferrable"] = bool(deferrable)
    _put(d, "initially", kw.pop("initially", None))
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if kw:
        d["other_options"] = _other_options(kw)
    return d


# The dialect keywords SQLAlchemy's PostgreSQL dialect accepts on constraints, by the Op
# model's field (`_check_dialect_kw`).
PRIMARY_KEY_KW = {"postgresql_include": "include"}
UNIQUE_KW = {
    "postgresql_include": "include",
    "postgresql_nulls_not_distinct": "nulls_not_distinct",
}
NOT_VALID_KW = {"postgresql_not_valid": "not_valid"}


def convention_kinds() -> dict:
    """The PostgreSQL constraints a naming convention can name (``naming_convention``)."""
    from sqlalchemy.dialects.postgresql import ExcludeConstraint

    return {"exclude": ExcludeConstraint}


def index_options(kw: dict, d: dict, ctx, what: str) -> None:
    """``create_index``'s ``postgresql_*`` options, popped from ``kw`` into ``d``."""
    where = kw.pop("postgresql_where", None)
    if where is not None:
        d["postgresql_where"] = _sql_text(where, ctx, what, "postgresql_where", include_table=False)
    _put(d, "postgresql_using", kw.pop("postgresql_using", None))
    include = _names(kw.pop("postgresql_include", None), what, "postgresql_include")
    if include:
        d["postgresql_include"] = include
    if kw.pop("postgresql_concurrently", False):
        d["postgresql_concurrently"] = True
    ops_ = kw.pop("postgresql_ops", None)
    if ops_:
        d["postgresql_ops"] = {str(k): str(v) for k, v in ops_.items()}
    nnd = kw.pop("postgresql_nulls_not_distinct", None)
    if nnd is not None:
        d["postgresql_nulls_not_distinct"] = bool(nnd)
    with_ = kw.pop("postgresql_with", None)
    if with_:
        d["postgresql_with"] = {
            str(k): literal_value(v, what, "postgresql_with") for k, v in with_.items()
        }
    _put(d, "postgresql_tablespace", kw.pop("postgresql_tablespace", None))


def drop_index_options(kw: dict, d: dict) -> None:
    """``drop_index``'s ``postgresql_*`` options, popped from ``kw`` into ``d``."""
    if kw.pop("postgresql_concurrently", False):
        d["postgresql_concurrently"] = True
    # the index's other PostgreSQL options (autogenerate repeats them in drop_index) are
    # accepted by SQLAlchemy's Index and not read by DROP INDEX
    for key in _INDEX_OPTIONS:
        kw.pop(key, None)


def unique_constraint_options(kw: dict, d: dict, what: str) -> None:
    """``create_unique_constraint``'s ``postgresql_*`` options, popped from ``kw`` into ``d``."""
    include = _names(kw.pop("postgresql_include", None), what, "postgresql_include")
    if include:
        d["postgresql_include"] = include
    nnd = kw.pop("postgresql_nulls_not_distinct", None)
    if nnd is not None:
        d["postgresql_nulls_not_distinct"] = bool(nnd)


def not_valid_option(kw: dict, d: dict) -> None:
    """``postgresql_not_valid`` of ``create_foreign_key`` / ``create_check_constraint``."""
    if kw.pop("postgresql_not_valid", False):
        d["postgresql_not_valid"] = True


def alter_column_using(kw: dict, d: dict) -> None:
    """``alter_column(postgresql_using=...)``, popped from ``kw`` into ``d``."""
    using = kw.pop("postgresql_using", None)
    _put(d, "postgresql_using", using)


def ignore_autoincrement(kw: dict) -> None:
    """``alter_column(autoincrement=, existing_autoincrement=)``, popped from ``kw``."""
    autoincrement = kw.pop("autoincrement", None)
    existing_autoincrement = kw.pop("existing_autoincrement", None)
    if autoincrement is not None or existing_autoincrement is not None:
        # DefaultImpl.alter_column: MySQL-only options, ignored elsewhere with a warning
        # (from where Alembic's points: its PostgresqlImpl module)
        from ...ddl.postgresql import _warn_autoincrement

        _warn_autoincrement()
