"""SQLAlchemy, imported on first use: the names the converters read (:func:`_sa`)."""

from __future__ import annotations


class _SA:
    """The SQLAlchemy names the converters use (see :func:`_sa`)."""


_loaded: _SA | None = None


def _sa() -> _SA:
    global _loaded
    if _loaded is not None:
        return _loaded
    import sqlalchemy
    from sqlalchemy import types as sa_types
    from sqlalchemy.sql import base, ddl, elements, functions, schema, sqltypes

    from .._literal import _literal_bindparam

    m = _SA()
    m.sa = sqlalchemy
    m.sqltypes = sqltypes
    m.schema = schema
    m.elements = elements
    m.functions = functions
    m.Column = schema.Column
    m.ColumnClause = elements.ColumnClause
    m.ClauseElement = elements.ClauseElement
    m.TextClause = elements.TextClause
    m.BindParameter = elements.BindParameter
    m.conv = elements.conv
    m.NoneName = base._NoneName
    m.NULL_UNSPECIFIED = schema.SchemaConst.NULL_UNSPECIFIED
    m.DefaultClause = schema.DefaultClause
    m.Identity = schema.Identity
    m.Computed = schema.Computed
    m.Sequence = schema.Sequence
    m.Constraint = schema.Constraint
    m.PrimaryKeyConstraint = schema.PrimaryKeyConstraint
    m.UniqueConstraint = schema.UniqueConstraint
    m.ForeignKeyConstraint = schema.ForeignKeyConstraint
    m.CheckConstraint = schema.CheckConstraint
    m.Index = schema.Index
    m.Table = schema.Table
    m.MetaData = schema.MetaData
    m.DDLElement = ddl.ExecutableDDLElement
    m.TypeDecorator = sa_types.TypeDecorator
    m.SchemaType = sqltypes.SchemaType
    m.NullType = sqltypes.NullType
    m.Enum = sqltypes.Enum
    m.True_ = elements.True_
    m.False_ = elements.False_
    m.Null = elements.Null
    m.FunctionElement = functions.FunctionElement
    m.Function = functions.Function
    m.GenericFunction = functions.GenericFunction
    m.literal_bindparam = _literal_bindparam
    m.resolve_value_to_type = sqltypes._resolve_value_to_type
    m.CompileError = sqlalchemy.exc.CompileError
    _loaded = m
    return m
