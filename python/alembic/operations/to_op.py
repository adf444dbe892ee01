"""SQLAlchemy objects -> alembic-rs's Op model (its JSON form).

The one place the ``op`` proxy reads SQLAlchemy objects (Boundary 5): ``sa.Column``, types,
constraints, ``ForeignKey``, ``Identity``, ``Computed``, server defaults, index expressions,
``sa.table()`` / ``sa.Table`` and literal values. Each function turns one operation object of
``alembic.operations.ops`` into one plain dict, shaped exactly as serde serializes the Rust
``Op`` (``src/alembic_rs_core/src/ops``): fields at their default are left out, as
``skip_serializing_if`` does, so the dict equals what the static evaluator produces for the
same call.

Rules:

- A type the model does not know (a ``TypeDecorator``, a third-party or dialect-specific
  type) becomes ``{"type": "custom", "sql": <SQLAlchemy's DDL for the dialect>}``: never
  dropped, never guessed. A type that creates database objects of its own (a ``SchemaType``
  such as ``postgresql.DOMAIN``) is refused, since its DDL would be lost.
- An SQL expression the model has no structure for (``sa.func.coalesce(...)``,
  ``sa.literal_column``, a ``sa.text()`` with bound values, an index expression) is compiled
  by SQLAlchemy exactly as SQLAlchemy's DDL compiler would (``literal_binds``) and carried
  as ``sa.text()`` semantics, escaped so that the native compiler reproduces it verbatim.
- A Core statement given to ``op.execute`` is compiled by SQLAlchemy for the context's
  dialect, as Alembic's ``DefaultImpl._exec`` does, and carried with ``"compiled": true``.
- Keyword options the model has no field for travel in ``other_options``; where the model
  has no such field (inside a column or a table constraint) they are refused here, by name.

Refusals raise ``NotImplementedError("alembic-rs: <op>: ...")``. SQLAlchemy is imported on
first use; plain-string arguments cost nothing beyond building the dict.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# SQLAlchemy, loaded on first use


class _SA:
    """The SQLAlchemy names this module uses (see :func:`_sa`)."""


_loaded: _SA | None = None


def _sa() -> _SA:
    global _loaded
    if _loaded is not None:
        return _loaded
    import sqlalchemy
    from sqlalchemy import types as sa_types
    from sqlalchemy.dialects import postgresql as pg
    from sqlalchemy.sql import base, ddl, elements, functions, schema, sqltypes

    from ._literal import _literal_bindparam

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
    m.types = _type_table(sqltypes, pg)
    _loaded = m
    return m


def _refuse(what: str, detail: str) -> NotImplementedError:
    # not a refusal to the user: the operation is compiled by SQLAlchemy instead
    # (operations._sqla.run)
    from ._sqla import Unmodelled

    return Unmodelled(f"alembic-rs: {what}: {detail}")


# ---------------------------------------------------------------------------------------------
# names


def _ident(value, what: str, arg: str):
    """A table / column / schema name: a plain ``str`` (or ``None``)."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, str):
        if getattr(value, "quote", None) is not None:
            raise _refuse(
                what,
                f"`{arg}` is a quoted_name with quote={value.quote!r}; alembic-rs quotes "
                "names by SQLAlchemy's rules only",
            )
        return str(value)
    raise TypeError(f"{what}: `{arg}` must be a str, not {type(value).__name__}")


def _object_name(value, what: str, arg: str):
    """A constraint / index name: ``"name"``, ``{"conv": "name"}`` (``op.f()``) or ``None``."""
    if value is None or type(value) is str:
        return value
    m = _sa()
    if isinstance(value, m.conv):
        return {"conv": str(value)}
    if isinstance(value, m.NoneName):
        return None
    return _ident(value, what, arg)


def _names(values, what: str, arg: str) -> list:
    """A list of column names (``str`` or Column objects)."""
    if values is None:
        return []
    if isinstance(values, str):
        raise TypeError(f"{what}: `{arg}` must be a list of column names, not a str")
    out = []
    for v in values:
        if type(v) is str:
            out.append(v)
        elif isinstance(v, str):
            out.append(_ident(v, what, arg))
        else:
            name = getattr(v, "name", None)
            if not isinstance(name, str) or not isinstance(v, _sa().ColumnClause):
                raise TypeError(f"{what}: `{arg}` holds {v!r}, not a column name")
            out.append(_ident(name, what, arg))
    return out


# ---------------------------------------------------------------------------------------------
# SQL expressions


def _is_word(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def _escape_text(sql: str) -> str:
    """Text that ``sa.text()`` rendering (``:name`` binds, ``\\:`` escapes) turns back into
    exactly ``sql``: every ``:name`` that would read as a bind gets a backslash, and every
    backslash that would be read as an escape gets another."""
    if ":" not in sql:
        return sql
    out: list[str] = []
    n = len(sql)
    for i, ch in enumerate(sql):
        if ch != ":":
            out.append(ch)
            continue
        j = i + 1
        while j < n and _is_word(sql[j]):
            j += 1
        follows_colon = j < n and sql[j] == ":"
        prev = sql[i - 1] if i else ""
        if prev == "\\":
            if not follows_colon:
                out[-1] = "\\\\"
        elif prev != ":" and not (prev and _is_word(prev)) and j > i + 1 and not follows_colon:
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _compile_expression(expr, ctx, **kw) -> str:
    """``expr`` as SQLAlchemy's DDL compiler renders it (``literal_binds``), in ``sa.text``
    semantics for the Op model: ``%`` as written (the native compiler doubles it for
    format/pyformat drivers, as SQLAlchemy did here) and ``:`` escaped."""
    dialect = ctx.dialect
    compiler = dialect.statement_compiler(dialect, None)
    sql = compiler.process(expr, literal_binds=True, **kw)
    if dialect.identifier_preparer._double_percents:
        sql = sql.replace("%%", "%")
    return _escape_text(sql)


def _text_is_plain(clause, for_statement: bool) -> bool:
    """A ``sa.text()`` whose bind parameters carry nothing: the native compiler renders it
    as SQLAlchemy would (``NULL`` under ``literal_binds``, the placeholder otherwise)."""
    for bp in clause._bindparams.values():
        if bp.value is not None or bp.callable is not None:
            return False
        if for_statement and not bp.type._isnull:
            return False
    return True


def _sql_text(value, ctx, what: str, arg: str, **kw) -> str:
    """A condition / expression argument (``str``, ``sa.text()`` or any SQL expression) as
    SQL text with ``sa.text`` semantics."""
    if isinstance(value, str):
        return value
    m = _sa()
    if isinstance(value, m.TextClause) and _text_is_plain(value, False):
        return value.text
    if isinstance(value, m.ClauseElement):
        return _compile_expression(value, ctx, **kw)
    raise TypeError(f"{what}: `{arg}` must be a str or an SQL expression, not {value!r}")


def _server_default(value, ctx, what: str) -> dict:
    """A server default (``DefaultClause.arg`` or what ``alter_column`` was given)."""
    if isinstance(value, str):
        return {"kind": "string", "value": value}
    m = _sa()
    if isinstance(value, m.DefaultClause):
        return _server_default(value.arg, ctx, what)
    if isinstance(value, m.TextClause):
        if _text_is_plain(value, False):
            return {"kind": "text", "sql": value.text}
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    if isinstance(value, m.FunctionElement):
        if (
            isinstance(value, (m.Function, m.GenericFunction))
            and not value.packagenames
            and not value.clauses.clauses
        ):
            return {"kind": "function", "name": value.name}
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    if isinstance(value, m.True_):
        return {"kind": "literal", "value": True}
    if isinstance(value, m.False_):
        return {"kind": "literal", "value": False}
    if isinstance(value, m.Null):
        return {"kind": "literal", "value": None}
    if type(value) is m.BindParameter and value.callable is None:
        v = value.value
        if _plain_scalar(v) and type(value.type) is type(m.resolve_value_to_type(v)):
            return {"kind": "literal", "value": v}
    if isinstance(value, m.ClauseElement):
        return {"kind": "text", "sql": _compile_expression(value, ctx)}
    raise TypeError(f"{what}: a server default that is not a str or SQL expression: {value!r}")


def _plain_scalar(v) -> bool:
    """A value the static evaluator reads as a literal (JSON has a scalar for it)."""
    t = type(v)
    if v is None or t is bool or t is str:
        return True
    if t is int:
        return -(2**63) <= v < 2**63
    if t is float:
        return v == v and v not in (float("inf"), float("-inf"))
    return False


def _identity(identity, what: str) -> dict:
    if _dialect_kw(identity):
        raise _refuse(
            what,
            f"Identity options {sorted(_dialect_kw(identity))} are not in alembic-rs's Op model",
        )
    for attr in ("on_null", "order"):
        if getattr(identity, attr, None) is not None:
            raise _refuse(what, f"Identity({attr}=...) is not in alembic-rs's Op model")
    d = {}
    if identity.always:
        d["always"] = True
    for key in ("start", "increment", "minvalue", "maxvalue"):
        v = getattr(identity, key)
        if v is not None:
            d[key] = _int(v, what, f"Identity({key}=)")
    for key in ("nominvalue", "nomaxvalue", "cycle"):
        v = getattr(identity, key)
        if v is not None:
            d[key] = bool(v)
    if identity.cache is not None:
        d["cache"] = _int(identity.cache, what, "Identity(cache=)")
    return d


def _int(v, what: str, arg: str) -> int:
    if type(v) is bool or not isinstance(v, int) or not -(2**63) <= v < 2**63:
        raise _refuse(what, f"{arg} {v!r} is not a 64-bit int")
    return int(v)


def _computed(computed, ctx, what: str) -> dict:
    d = {"sqltext": _sql_text(computed.sqltext, ctx, what, "Computed", include_table=False)}
    if computed.persisted is not None:
        d["persisted"] = bool(computed.persisted)
    return d


def _dialect_kw(item) -> dict:
    """The ``<dialect>_<option>`` keywords an item was given."""
    try:
        return dict(item.dialect_kwargs)
    except AttributeError:
        return {}


def _check_dialect_kw(item, allowed: dict, what: str, thing: str) -> dict:
    """``{model field: value}`` for the allowed dialect keywords; any other is refused."""
    out = {}
    for key, value in _dialect_kw(item).items():
        field = allowed.get(key)
        if field is None:
            raise _refuse(
                what,
                f"{thing} option `{key}` is not in alembic-rs's Op model",
            )
        out[field] = value
    return out


# ---------------------------------------------------------------------------------------------
# types


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


def _enum(t, what: str, table_schema) -> dict:
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


def sql_type(type_, ctx, what: str, table_schema=None):
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
    conv = m.types.get(type(type_))
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


# ---------------------------------------------------------------------------------------------
# columns and constraints


def column_spec(col, ctx, what: str, table_schema=None) -> dict:
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


def _column_foreign_key(fk, what: str) -> dict:
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


def _deferrability(constraint, d: dict) -> None:
    if constraint.deferrable is not None:
        d["deferrable"] = bool(constraint.deferrable)
    if constraint.initially is not None:
        d["initially"] = constraint.initially


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


def _check_spec(ck, ctx, what: str) -> dict:
    opts = _check_dialect_kw(ck, {"postgresql_not_valid": "not_valid"}, what, "CheckConstraint")
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


def constraint_spec(constraint, ctx, what: str) -> dict:
    """A table constraint of ``create_table`` -> ConstraintSpec."""
    m = _sa()
    if isinstance(constraint, m.CheckConstraint):
        return {"kind": "check", **_check_spec(constraint, ctx, what)}
    name = _object_name(constraint.name, what, "constraint name")
    if isinstance(constraint, m.PrimaryKeyConstraint):
        opts = _check_dialect_kw(
            constraint, {"postgresql_include": "include"}, what, "PrimaryKeyConstraint"
        )
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
        opts = _check_dialect_kw(
            constraint,
            {
                "postgresql_include": "include",
                "postgresql_nulls_not_distinct": "nulls_not_distinct",
            },
            what,
            "UniqueConstraint",
        )
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
        opts = _check_dialect_kw(
            constraint, {"postgresql_not_valid": "not_valid"}, what, "ForeignKeyConstraint"
        )
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


def _exclude_class():
    import sys

    module = sys.modules.get("sqlalchemy.dialects.postgresql")
    return getattr(module, "ExcludeConstraint", None) if module is not None else None


def _exclude_spec(constraint, name, ctx, what: str) -> dict:
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


# ---------------------------------------------------------------------------------------------
# literal values


def _options_value(value):
    """An option value for ``other_options`` / ``execution_options`` (JSON)."""
    if value is None or type(value) in (bool, int, str):
        return value
    if type(value) is float:
        return value if value == value and abs(value) != float("inf") else repr(value)
    if isinstance(value, (list, tuple)):
        return [_options_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _options_value(v) for k, v in value.items()}
    return repr(value)


def _other_options(kw: dict) -> dict:
    return {k: _options_value(v) for k, v in kw.items()}


def literal_value(value, what: str, arg: str):
    """A Python scalar -> LiteralValue JSON."""
    if value is None or type(value) in (bool, str):
        return value
    if type(value) is int:
        if -(2**63) <= value < 2**63:
            return value
        raise _refuse(what, f"{arg}: the int {value!r} does not fit in 64 bits")
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _refuse(what, f"{arg}: the float {value!r} has no JSON form")
        return value
    import datetime
    import decimal
    import enum
    import uuid

    if isinstance(value, enum.Enum) and isinstance(value, (str, int)):
        value = value.value
        return literal_value(value, what, arg)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return literal_value(int(value), what, arg)
    if isinstance(value, float):
        return literal_value(float(value), what, arg)
    if isinstance(value, decimal.Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"date_time": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"time": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, datetime.timedelta):
        return {"interval": repr(value.total_seconds())}
    if isinstance(value, (list, tuple)):
        return [literal_value(v, what, arg) for v in value]
    raise _refuse(
        what,
        f"{arg}: a {type(value).__name__} value ({value!r}); alembic-rs's Op model carries "
        "None, bool, int, float, str, Decimal, date, datetime, time, UUID, timedelta and "
        "list values",
    )


# ---------------------------------------------------------------------------------------------
# operations


def _put(d: dict, key: str, value) -> None:
    if value is not None:
        d[key] = value


def create_table(op, ctx) -> dict:
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


def _table_index(index, op, ctx) -> dict:
    """An ``sa.Index`` given to ``create_table``: what ``create_index`` would emit for it."""
    from . import ops

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


def naming_convention(target_metadata):
    """The ``naming_convention`` Alembic's op tables get (``SchemaObjects.metadata()``: the
    one of ``target_metadata`` when it has one), resolved per kind of constraint by
    SQLAlchemy's own lookup (keys given as strings or as classes), as the JSON the native
    compiler reads; ``None`` when there is none (SQLAlchemy's default)."""
    convention = getattr(target_metadata, "naming_convention", None)
    if convention is None:
        return None
    import json

    from sqlalchemy.dialects.postgresql import ExcludeConstraint
    from sqlalchemy.sql.naming import _get_convention

    m = _sa()

    # MetaData(naming_convention={}) falls back to the default convention
    convention = m.sa.MetaData(naming_convention=convention).naming_convention
    kinds = {
        "ix": m.sa.Index,
        "pk": m.PrimaryKeyConstraint,
        "uq": m.UniqueConstraint,
        "ck": m.sa.CheckConstraint,
        "fk": m.ForeignKeyConstraint,
        "exclude": ExcludeConstraint,
        "constraint": m.Constraint,
    }
    out: dict = {"dict_tokens": sorted(k for k in convention if isinstance(k, str))}
    opaque = []
    for kind, cls in kinds.items():
        template = _get_convention(convention, cls)
        if template is None:
            continue
        if type(template) is str:
            out[kind] = template
        else:
            opaque.append(kind)
    if opaque:
        out["opaque"] = opaque
    return json.dumps(out)


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


def drop_table(op, ctx) -> dict:
    what = "op.drop_table"
    d = {"op": "drop_table", "table_name": _ident(op.table_name, what, "table_name")}
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    if op.table_kw:
        d["other_options"] = _other_options(op.table_kw)
    return d


def rename_table(op, ctx) -> dict:
    what = "op.rename_table"
    d = {
        "op": "rename_table",
        "old_table_name": _ident(op.table_name, what, "old_table_name"),
        "new_table_name": _ident(op.new_table_name, what, "new_table_name"),
    }
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d


def add_column(op, ctx) -> dict:
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


def drop_column(op, ctx) -> dict:
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


def _column_default(value, ctx, what: str, drop_for_none: bool):
    """``server_default`` / ``existing_server_default`` of ``alter_column`` (Alembic's "not
    given" is ``False``): ``None`` when absent."""
    if value is False:
        return None
    if value is None:
        return "drop" if drop_for_none else None
    m = _sa()
    if isinstance(value, m.Identity):
        return {"identity": _identity(value, what)}
    if isinstance(value, m.Computed):
        return {"computed": _computed(value, ctx, what)}
    return {"set": _server_default(value, ctx, what)}


def alter_column(op, ctx) -> dict:
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
    using = kw.pop("postgresql_using", None)
    _put(d, "postgresql_using", using)
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
    autoincrement = kw.pop("autoincrement", None)
    existing_autoincrement = kw.pop("existing_autoincrement", None)
    if autoincrement is not None or existing_autoincrement is not None:
        # DefaultImpl.alter_column: MySQL-only options, ignored elsewhere with a warning
        # (from where Alembic's points: its PostgresqlImpl module)
        from ..ddl.postgresql import _warn_autoincrement

        _warn_autoincrement()
    if kw:
        d["other_options"] = _other_options(kw)
    return d


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


def _index_element(expr, ctx, what: str) -> dict:
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


def create_index(op, ctx) -> dict:
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
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def drop_index(op, ctx) -> dict:
    what = "op.drop_index"
    d = {"op": "drop_index", "index_name": _object_name(op.index_name, what, "index_name")}
    if d["index_name"] is None:
        raise TypeError(f"{what}: `index_name` is required")
    _put(d, "table_name", _ident(op.table_name, what, "table_name"))
    _put(d, "schema", _ident(op.schema, what, "schema"))
    if op.if_exists is not None:
        d["if_exists"] = bool(op.if_exists)
    kw = dict(op.kw)
    if kw.pop("postgresql_concurrently", False):
        d["postgresql_concurrently"] = True
    # the index's other PostgreSQL options (autogenerate repeats them in drop_index) are
    # accepted by SQLAlchemy's Index and not read by DROP INDEX
    for key in _INDEX_OPTIONS:
        kw.pop(key, None)
    if kw:
        d["other_options"] = _other_options(kw)
    return d


_CONSTRAINT_TYPES = {
    None: None,
    "foreignkey": "foreignkey",
    "primary": "primary",
    "unique": "unique",
    "check": "check",
}


def drop_constraint(op, ctx) -> dict:
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


def add_constraint(op, ctx) -> dict:
    """Any ``AddConstraintOp``: primary key, unique, foreign key, check, exclude."""
    from . import ops

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


def _create_primary_key(op, ctx) -> dict:
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


def _create_unique_constraint(op, ctx) -> dict:
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
    include = _names(kw.pop("postgresql_include", None), what, "postgresql_include")
    if include:
        d["postgresql_include"] = include
    nnd = kw.pop("postgresql_nulls_not_distinct", None)
    if nnd is not None:
        d["postgresql_nulls_not_distinct"] = bool(nnd)
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def _create_foreign_key(op, ctx) -> dict:
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
    if kw.pop("postgresql_not_valid", False):
        d["postgresql_not_valid"] = True
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def _create_check_constraint(op, ctx) -> dict:
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
    if kw.pop("postgresql_not_valid", False):
        d["postgresql_not_valid"] = True
    if kw:
        d["other_options"] = _other_options(kw)
    return d


def _create_exclude_constraint(op, ctx) -> dict:
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


def create_table_comment(op, ctx) -> dict:
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


def drop_table_comment(op, ctx) -> dict:
    what = "op.drop_table_comment"
    d = {"op": "drop_table_comment", "table_name": _ident(op.table_name, what, "table_name")}
    _put(d, "existing_comment", op.existing_comment)
    _put(d, "schema", _ident(op.schema, what, "schema"))
    return d


def _context_literal_binds(ctx) -> bool:
    impl = getattr(ctx, "impl", None)
    value = getattr(impl, "literal_binds", None)
    if value is None:
        value = (getattr(ctx, "opts", None) or {}).get("literal_binds", False)
    return bool(value)


def execute(op, ctx) -> dict:
    return execute_sql(op.sqltext, ctx, op.execution_options)


def execute_sql(sqltext, ctx, execution_options=None) -> dict:
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


def bulk_insert(op, ctx) -> dict:
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
