"""Column types -> the Op model's ``SqlType``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import _refuse
from .loader import _sa

if TYPE_CHECKING:
    from .._op_types import SqlType, SqlTypeEnum


def _type_table(sqltypes, pg) -> dict:
    """Exact type class -> converter (``None`` from a converter: use the custom form)."""

    def simple(tag):
        d = {"type": tag}
        return lambda t: d.copy()

    def string(tag, unicode):
        def conv(t):
            d = {"type": tag}
            if t.length is not None:
                d["length"] = t.length
            if t.collation is not None:
                d["collation"] = t.collation
            if unicode:
                d["unicode"] = True
            return d

        return conv

    def char(t):
        d = {"type": "char"}
        if t.length is not None:
            d["length"] = t.length
        if t.collation is not None:
            d["collation"] = t.collation
        return d

    def time_type(tag):
        def conv(t):
            d = {"type": tag}
            if t.timezone:
                d["timezone"] = True
            precision = getattr(t, "precision", None)
            if precision is not None:
                d["precision"] = precision
            return d

        return conv

    def interval(t):
        if t.native and t.second_precision is None and t.day_precision is None:
            return {"type": "interval"}
        return None

    def pg_interval(t):
        d = {"type": "interval"}
        if t.fields is not None:
            d["fields"] = t.fields
        if t.precision is not None:
            d["precision"] = t.precision
        return d

    def numeric(t):
        d = {"type": "numeric"}
        if t.precision is not None:
            d["precision"] = t.precision
        if t.scale is not None:
            d["scale"] = t.scale
        return d

    def float_(t):
        d = {"type": "float"}
        if t.precision is not None:
            d["precision"] = t.precision
        return d

    def unparameterized(tag):
        def conv(t):
            return {"type": tag} if t.precision is None else None

        return conv

    def uuid(t):
        d = {"type": "uuid"}
        if not t.as_uuid:
            d["as_uuid"] = False
        if not t.native_uuid:
            d["native_uuid"] = False
        return d

    table = {
        sqltypes.Integer: simple("integer"),
        sqltypes.INTEGER: simple("integer"),
        sqltypes.BigInteger: simple("big_integer"),
        sqltypes.BIGINT: simple("big_integer"),
        sqltypes.SmallInteger: simple("small_integer"),
        sqltypes.SMALLINT: simple("small_integer"),
        sqltypes.String: string("string", False),
        sqltypes.VARCHAR: string("string", False),
        sqltypes.Unicode: string("string", True),
        sqltypes.Text: string("text", False),
        sqltypes.TEXT: string("text", False),
        sqltypes.UnicodeText: string("text", True),
        sqltypes.CHAR: char,
        sqltypes.Boolean: simple("boolean"),
        sqltypes.BOOLEAN: simple("boolean"),
        sqltypes.Date: simple("date"),
        sqltypes.DATE: simple("date"),
        sqltypes.DateTime: time_type("date_time"),
        sqltypes.TIMESTAMP: time_type("date_time"),
        pg.TIMESTAMP: time_type("date_time"),
        sqltypes.Time: time_type("time"),
        sqltypes.TIME: time_type("time"),
        pg.TIME: time_type("time"),
        sqltypes.Interval: interval,
        pg.INTERVAL: pg_interval,
        sqltypes.Numeric: numeric,
        sqltypes.NUMERIC: numeric,
        sqltypes.Float: float_,
        sqltypes.FLOAT: float_,
        sqltypes.Double: unparameterized("double"),
        sqltypes.DOUBLE_PRECISION: unparameterized("double"),
        sqltypes.REAL: unparameterized("real"),
        sqltypes.LargeBinary: simple("large_binary"),
        pg.BYTEA: simple("large_binary"),
        sqltypes.JSON: simple("json"),
        pg.JSON: simple("json"),
        pg.JSONB: simple("jsonb"),
        sqltypes.Uuid: uuid,
        sqltypes.UUID: uuid,
        pg.INET: simple("inet"),
        pg.CIDR: simple("cidr"),
        pg.TSVECTOR: simple("tsvector"),
        pg.CITEXT: simple("citext"),
        # ARRAY and Enum need the context (item types, the dialect): see sql_type.
        sqltypes.ARRAY: "array",
        pg.ARRAY: "array",
        sqltypes.Enum: "enum",
        pg.ENUM: "enum",
    }
    return table


_types: dict | None = None


def _type_converters() -> dict:
    """The type table (:func:`_type_table`), built on first use."""
    global _types
    if _types is None:
        from sqlalchemy.dialects import postgresql as pg
        from sqlalchemy.sql import sqltypes

        _types = _type_table(sqltypes, pg)
    return _types


def _enum(t, what: str, table_schema) -> SqlTypeEnum:
    if getattr(t, "collation", None) is not None:
        raise _refuse(what, "Enum(collation=...) is not in alembic-rs's Op model")
    d = {"type": "enum", "values": [str(v) for v in t.enums]}
    if t.name is not None:
        d["name"] = str(t.name)
    schema = t.schema
    if schema is None and getattr(t, "_inherit_schema", False):
        # Enum(inherit_schema=True) takes the schema of the table it is attached to
        schema = table_schema
    if schema is not None:
        d["schema"] = str(schema)
    if not t.native_enum:
        d["native_enum"] = False
    if not getattr(t, "create_type", True):
        d["create_type"] = False
    default_length = getattr(t, "_default_length", None)
    if t.length is not None and t.length != default_length:
        d["length"] = t.length
    if t.create_constraint:
        d["create_constraint"] = True
    return d


def sql_type(type_, ctx, what: str, table_schema=None) -> SqlType | None:
    """A type (instance or class) -> SqlType dict; ``None`` for ``None`` / ``NullType``.
    ``table_schema``: the schema of the table a column of this type is created in."""
    if type_ is None:
        return None
    m = _sa()
    if isinstance(type_, type):
        type_ = type_()
    variants = getattr(type_, "_variant_mapping", None)
    if variants:
        type_ = variants.get(ctx.dialect.name, type_)
    conv = _type_converters().get(type(type_))
    if conv is not None:
        if conv == "array":
            d = {
                "type": "array",
                "item_type": sql_type(type_.item_type, ctx, what, table_schema),
            }
            if d["item_type"] is None:
                raise _refuse(what, "an ARRAY of NullType")
            if type_.dimensions is not None:
                d["dimensions"] = type_.dimensions
            return d
        if conv == "enum":
            return _enum(type_, what, table_schema)
        d = conv(type_)
        if d is not None:
            return d
    elif type(type_) is m.NullType:
        return None
    elif isinstance(type_, m.TypeDecorator):
        impl = type_.load_dialect_impl(ctx.dialect)
        if isinstance(impl, m.SchemaType) and not isinstance(impl, m.TypeDecorator):
            # its CREATE TYPE / CHECK must not be lost: carry the impl it stands for
            return sql_type(impl, ctx, what, table_schema)
    elif isinstance(type_, m.SchemaType):
        raise _refuse(
            what,
            f"the type {type_!r} creates database objects of its own (a SchemaType) and "
            "alembic-rs's Op model does not know it",
        )
    try:
        sql = type_.compile(dialect=ctx.dialect)
    except Exception as e:
        # a type without DDL of its own (a bare TypeEngine): only SQLAlchemy knows what the
        # op makes of it (Alembic compiles the DDL, or renders values, and fails or not)
        raise _refuse(what, f"the type {type_!r} has no DDL ({type(e).__name__}: {e})") from e
    return {"type": "custom", "sql": sql}
