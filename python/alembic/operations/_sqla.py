"""Operations compiled by SQLAlchemy, exactly as Alembic compiles them.

alembic-rs compiles operations natively (``to_op`` -> the Rust compiler). Where the native
path does not model something SQLAlchemy accepts (a ``postgresql_*`` option, a table
prefix, a ``quoted_name``, a value or type the Op model has no form for...), the operation
leaves the native path and is compiled here instead: the same SQLAlchemy constructs
Alembic's ``toimpl`` / ``DefaultImpl`` / ``PostgresqlImpl`` build, compiled with the
context's dialect, so the statements (or SQLAlchemy's own error) are Alembic's. Only what
Alembic itself refuses is refused.

Online, the dialect is the connection's, which knows the server: what SQLAlchemy compiles
differently for it (``sa.Computed`` without ``persisted`` before PostgreSQL 18) is compiled
here as well (see :func:`online_difference`).

Each operation that leaves the native path is logged at debug level on
``alembic.runtime.migration`` with the reason.
"""

from __future__ import annotations

from typing import Any


class Unmodelled(NotImplementedError):
    """The native path does not model an operation's argument (``to_op``'s refusals)."""


def _native_refusal(error: BaseException) -> bool:
    """The native compiler's ``NotImplementedError`` (``DdlError::Unsupported``)."""
    return isinstance(error, NotImplementedError) and str(error).startswith("alembic-rs: ")


# ---------------------------------------------------------------------------------------------
# dispatch


def run(operations, operation, convert, compile_sqla, immediate: bool = False) -> Any:
    """Run ``operation``: natively when ``convert`` (a ``to_op`` function) gives an Op the
    native compiler compiles, otherwise through ``compile_sqla`` (Alembic's way).
    ``immediate``: run now even inside ``batch_alter_table`` (``execute``)."""
    ctx = operations.migration_context
    reason: str | None
    op: Any = None
    try:
        op = convert(operation, ctx)
    except Unmodelled as refused:
        reason = str(refused)
    else:
        reason = online_difference(op, ctx)

    def emit() -> Any:
        nonlocal reason
        if reason is None:
            try:
                return ctx.impl.emit_op(op)
            except NotImplementedError as refused:
                if not _native_refusal(refused):
                    raise
                reason = str(refused)
        import logging

        logging.getLogger("alembic.runtime.migration").debug(
            "%s leaves the native compiler and is compiled by SQLAlchemy: %s",
            _op_name(operation),
            reason,
        )
        target = ctx.impl
        name = _op_name(operation)
        caller = getattr(target, "_caller_in_script", None)
        where = caller() if caller is not None and not ctx.as_sql else None
        previous = getattr(target, "_sqla_op", None)
        target._sqla_op = f"{name} at {where}" if where else name
        try:
            return compile_sqla(target, operation, ctx)
        finally:
            target._sqla_op = previous

    impl = operations.impl
    if not immediate and impl is not ctx.impl and hasattr(impl, "batch"):
        # batch_alter_table: the block's operations run, in order, when it ends
        impl.batch.append(emit)
        return None
    return emit()


def _op_name(operation) -> str:
    """``op.add_column`` for an ``AddColumnOp`` (the op's method name)."""
    import re

    name = type(operation).__name__
    if name == "ExecuteSQLOp":
        return "op.execute"
    return "op." + re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Op")).lower()


def online_difference(op: dict, ctx) -> str | None:
    """Why SQLAlchemy compiles ``op`` differently online (for the connection's server) than
    the native compiler does, or ``None``."""
    if getattr(ctx, "as_sql", True):
        return None
    columns = []
    if op.get("op") == "create_table":
        columns = op.get("columns", [])
    elif op.get("op") == "add_column":
        columns = [op.get("column", {})]
    if any("computed" in c and "persisted" not in c["computed"] for c in columns) and not getattr(
        ctx.impl.dialect, "supports_virtual_generated_columns", True
    ):
        return (
            "sa.Computed() without persisted= is compiled for the server's version "
            "(STORED before PostgreSQL 18)"
        )
    return None


# ---------------------------------------------------------------------------------------------
# statements


def _exec(impl, construct) -> None:
    """``DefaultImpl._exec`` of a DDL construct: offline written, online sent in order with
    the natively compiled statements (compiled for the connection's dialect, as
    SQLAlchemy's execution compiles it)."""
    sql = str(construct.compile(dialect=impl.dialect))
    impl._exec_text(sql, _provenance(impl))


def _provenance(impl) -> str:
    """The op (and its line) the statements come from, for error messages."""
    return getattr(impl, "_sqla_op", None) or "op"


def _compiler(impl):
    dialect = impl.dialect
    return dialect.ddl_compiler(dialect, None)


def _quote_dotted(name, quote):
    from sqlalchemy.sql.elements import quoted_name

    if isinstance(name, quoted_name):
        return quote(name)
    return ".".join(quote(x) for x in name.split("."))


def _table_name(compiler, name, schema) -> str:
    quote = compiler.preparer.quote
    if schema:
        return _quote_dotted(schema, quote) + "." + quote(name)
    return quote(name)


def _alter_table(compiler, name, schema) -> str:
    return "ALTER TABLE %s" % _table_name(compiler, name, schema)


class _EnumMemo:
    """SQLAlchemy's ENUM memo (``impl.memo["pg_enum"]``) and the native compiler's, kept
    equal around an operation compiled by SQLAlchemy: an ENUM is created once per context,
    whichever compiled the op that created it first."""

    def __init__(self, impl) -> None:
        self.impl = impl
        self.native = getattr(impl, "_native", None)

    def __enter__(self):
        if self.native is not None and hasattr(self.native, "created_types"):
            memo = self.impl.memo.setdefault("pg_enum", set())
            memo.update(tuple(t) for t in self.native.created_types())
        return self

    def __exit__(self, *exc) -> None:
        if self.native is not None and hasattr(self.native, "note_created_type"):
            for schema, name in self.impl.memo.get("pg_enum", ()):
                if name is not None:
                    self.native.note_created_type(schema, name)


# ---------------------------------------------------------------------------------------------
# schema objects (Alembic's SchemaObjects)


def _metadata(ctx):
    from sqlalchemy import MetaData

    kw = {}
    opts = getattr(ctx, "opts", None) or {}
    if "target_metadata" in opts:
        target = opts["target_metadata"]
        if hasattr(target, "naming_convention"):
            kw["naming_convention"] = target.naming_convention
    return MetaData(**kw)


def _table(ctx, name, *columns, **kw):
    from sqlalchemy.sql.schema import Column, Constraint, Index, Table

    m = _metadata(ctx)
    cols = [c._copy() if c.table is not None else c for c in columns if isinstance(c, Column)]
    if kw.pop("_constraints_included", False):
        for c in cols:
            c.unique = c.index = False
    t = Table(name, m, *cols, **kw)
    constraints = []
    for elem in columns:
        if isinstance(elem, Index) or (isinstance(elem, Constraint) and not elem._type_bound):
            parent = getattr(elem, "parent", None)
            if parent is not t and parent is not None:
                elem = elem._copy(target_table=t)
            constraints.append(elem)
    for const in constraints:
        t.append_constraint(const)
    for f in t.foreign_keys:
        _ensure_table_for_fk(m, f)
    return t


def _ensure_table_for_fk(metadata, fk) -> None:
    from sqlalchemy import Column, Table
    from sqlalchemy.types import NULLTYPE

    if fk.target_column is None:
        sname, tname, cname = fk.target_tokens
        key = tname if sname is None else sname + "." + tname
        if key not in metadata.tables:
            rel_t = Table(tname, metadata, schema=sname)
        else:
            rel_t = metadata.tables[key]
        if cname is not None and cname not in rel_t.c:
            rel_t.append_column(Column(cname, NULLTYPE))


def _index(ctx, name, tablename, columns, schema=None, **kw):
    from sqlalchemy import Index, Table

    t = Table(tablename or "no_table", _metadata(ctx), schema=schema)
    kw["_table"] = t
    return Index(name, *[_index_column(t, n) for n in columns], **kw)


def _index_column(table, text_):
    from sqlalchemy import Column
    from sqlalchemy.sql.elements import ColumnElement, TextClause
    from sqlalchemy.types import NULLTYPE

    if isinstance(text_, str):
        c = Column(text_, NULLTYPE)
        table.append_column(c)
        return c
    if isinstance(text_, TextClause):
        return _textual_index_element()(table, text_)
    if isinstance(text_, _textual_index_element()):
        return _index_column(table, text_.text)
    if isinstance(text_, ColumnElement):
        return _copy_expression(text_, table)
    raise ValueError("String or text() construct expected")


def _copy_expression(expression, target_table):
    from sqlalchemy import Column
    from sqlalchemy.sql import visitors

    def replace(col):
        if isinstance(col, Column) and col.table is not None and col.table is not target_table:
            if col.name in target_table.c:
                return target_table.c[col.name]
            c = col._copy()
            target_table.append_column(c)
            return c
        return None

    return visitors.replacement_traverse(expression, {}, replace)


_TEXTUAL: Any = None


def _textual_index_element():
    """A ``text()`` index element that keeps an Index's columns and expressions aligned
    (what Alembic's ``_textual_index_element`` does for SQLAlchemy issue 3174)."""
    global _TEXTUAL
    if _TEXTUAL is not None:
        return _TEXTUAL
    from sqlalchemy import Column
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.sql.elements import ColumnElement
    from sqlalchemy.types import NULLTYPE

    class _TextualIndexElement(ColumnElement):
        __visit_name__ = "_alembic_rs_textual_idx_element"
        inherit_cache = False

        def __init__(self, table, text) -> None:
            self.table = table
            self.text = text
            self.key = text.text
            self.fake_column = Column(self.text.text, NULLTYPE)
            table.append_column(self.fake_column)

        def get_children(self, **kw):
            return [self.fake_column]

    @compiles(_TextualIndexElement)
    def _render(element, compiler, **kw):
        return compiler.process(element.text, **kw)

    _TEXTUAL = _TextualIndexElement
    return _TEXTUAL


# ---------------------------------------------------------------------------------------------
# the operations (Alembic's toimpl + DefaultImpl + PostgresqlImpl)


def create_table(impl, operation, ctx):
    from sqlalchemy import schema

    table = _table(
        ctx,
        operation.table_name,
        *operation.columns,
        schema=operation.schema,
        prefixes=list(operation.prefixes) if operation.prefixes else [],
        comment=operation.comment,
        info=dict(operation.info) if operation.info else {},
        _constraints_included=getattr(operation, "_constraints_included", False),
        **operation.kw,
    )
    kw = {}
    if operation.if_not_exists is not None:
        kw["if_not_exists"] = operation.if_not_exists
    with _EnumMemo(impl):
        table.dispatch.before_create(table, impl.connection, checkfirst=False, _ddl_runner=impl)
        _exec(impl, schema.CreateTable(table, **kw))
        table.dispatch.after_create(table, impl.connection, checkfirst=False, _ddl_runner=impl)
    for index in table.indexes:
        _exec(impl, schema.CreateIndex(index))
    dialect = impl.dialect
    with_comment = dialect.supports_comments and not dialect.inline_comments
    if table.comment is not None and with_comment:
        _exec(impl, schema.SetTableComment(table))
    for column in table.columns:
        if column.comment is not None and with_comment:
            _exec(impl, schema.SetColumnComment(column))
    return table


def drop_table(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    reverse = getattr(operation, "_reverse", None)
    table = _table(
        ctx,
        operation.table_name,
        *(reverse.columns if reverse else []),
        comment=operation.comment,
        info=dict(operation.info) if operation.info else {},
        prefixes=list(operation.prefixes) if operation.prefixes else [],
        schema=operation.schema,
        _constraints_included=(
            getattr(reverse, "_constraints_included", False) if reverse else False
        ),
        **operation.table_kw,
    )
    kw = {}
    if operation.if_exists is not None:
        kw["if_exists"] = operation.if_exists
    with _EnumMemo(impl):
        table.dispatch.before_drop(table, impl.connection, checkfirst=False, _ddl_runner=impl)
        _exec(impl, schema.DropTable(table, **kw))
        table.dispatch.after_drop(table, impl.connection, checkfirst=False, _ddl_runner=impl)


def add_column(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    column = operation.column
    if column.table is not None:
        column = column._copy()
    t = _table(ctx, operation.table_name, column, schema=operation.schema)
    compiler = _compiler(impl)
    text = "ADD COLUMN %s%s" % (
        "IF NOT EXISTS " if operation.if_not_exists else "",
        compiler.get_column_specification(column),
    )
    inline_references = operation.inline_references
    if operation.inline_primary_key and column.primary_key:
        text += " PRIMARY KEY"
    fks = list(column.foreign_keys)
    if (
        inline_references
        and len(fks) == 1
        and fks[0].constraint is not None
        and len(fks[0].constraint.columns) == 1
    ):
        fk = fks[0]
        ref_col = fk.column
        ref_table = ref_col.table
        preparer = compiler.preparer
        if ref_table.schema:
            name = "%s.%s" % (
                preparer.quote_schema(ref_table.schema),
                preparer.quote(ref_table.name),
            )
        else:
            name = preparer.quote(ref_table.name)
        text += " REFERENCES %s (%s)" % (name, preparer.quote(ref_col.name))
        text += compiler.define_constraint_match(fk.constraint)
        text += compiler.define_constraint_cascades(fk.constraint)
        text += compiler.define_constraint_deferrability(fk.constraint)
    const = " ".join(compiler.process(c) for c in column.constraints)
    if const:
        text += " " + const
    impl._exec_text(
        "%s %s" % (_alter_table(compiler, operation.table_name, operation.schema), text),
        _provenance(impl),
    )
    for constraint in t.constraints:
        if isinstance(constraint, schema.PrimaryKeyConstraint):
            continue
        if (
            inline_references
            and isinstance(constraint, schema.ForeignKeyConstraint)
            and len(column.foreign_keys) == 1
            and len(constraint.columns) == 1
        ):
            continue
        _add_constraint(impl, constraint)
    for index in t.indexes:
        _create_index(impl, index)
    dialect = impl.dialect
    if column.comment is not None and dialect.supports_comments and not dialect.inline_comments:
        _exec(impl, schema.SetColumnComment(column))


def drop_column(impl, operation, ctx) -> None:
    reverse = getattr(operation, "_reverse", None)
    name = reverse.column.name if reverse is not None else operation.column_name
    compiler = _compiler(impl)
    impl._exec_text(
        "%s DROP COLUMN %s%s"
        % (
            _alter_table(compiler, operation.table_name, operation.schema),
            "IF EXISTS " if operation.if_exists else "",
            compiler.preparer.quote(name),
        ),
        _provenance(impl),
    )


def _create_index(impl, index, **kw) -> None:
    from sqlalchemy import Column, schema
    from sqlalchemy.sql import sqltypes

    # PostgresqlImpl.create_index
    for col in index.kwargs.get("postgresql_include", None) or ():
        if col not in index.table.c:
            index.table.append_column(Column(col, sqltypes.NullType))
    _exec(impl, schema.CreateIndex(index, **kw))


def create_index(impl, operation, ctx) -> None:
    idx = _index(
        ctx,
        operation.index_name,
        operation.table_name,
        operation.columns,
        schema=operation.schema,
        unique=operation.unique,
        **operation.kw,
    )
    kw = {}
    if operation.if_not_exists is not None:
        kw["if_not_exists"] = operation.if_not_exists
    _create_index(impl, idx, **kw)


def drop_index(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    reverse = getattr(operation, "_reverse", None)
    idx = _index(
        ctx,
        operation.index_name,
        operation.table_name,
        reverse.columns if reverse else ["x"],
        schema=operation.schema,
        **operation.kw,
    )
    kw = {}
    if operation.if_exists is not None:
        kw["if_exists"] = operation.if_exists
    _exec(impl, schema.DropIndex(idx, **kw))


def _add_constraint(impl, const) -> None:
    from sqlalchemy import schema

    if const._create_rule is None or const._create_rule(impl):
        _exec(impl, schema.AddConstraint(const, isolate_from_table=True))


def to_constraint(operation, ctx):
    """The constraint of an ``op.create_*`` constraint operation (Alembic's
    ``to_constraint``)."""
    from sqlalchemy import Column, Integer, Table, schema
    from sqlalchemy.types import NULLTYPE

    from . import ops

    m = _metadata(ctx)
    kw = dict(operation.kw)
    if isinstance(operation, ops.CreatePrimaryKeyOp):
        cols = operation.columns
        t = Table(
            operation.table_name, m, *[Column(n, NULLTYPE) for n in cols], schema=operation.schema
        )
        return schema.PrimaryKeyConstraint(
            *[t.c[n] for n in cols], name=operation.constraint_name, **kw
        )
    if isinstance(operation, ops.CreateUniqueConstraintOp):
        cols = operation.columns
        t = Table(
            operation.table_name, m, *[Column(n, NULLTYPE) for n in cols], schema=operation.schema
        )
        kw["name"] = operation.constraint_name
        uq = schema.UniqueConstraint(*[t.c[n] for n in cols], **kw)
        t.append_constraint(uq)
        return uq
    if isinstance(operation, ops.CreateForeignKeyOp):
        source, referent = operation.source_table, operation.referent_table
        local_cols, remote_cols = list(operation.local_cols), list(operation.remote_cols)
        source_schema = kw.pop("source_schema", None)
        referent_schema = kw.pop("referent_schema", None)
        if source == referent and source_schema == referent_schema:
            t1_cols = local_cols + remote_cols
        else:
            t1_cols = local_cols
            Table(referent, m, *[Column(n, NULLTYPE) for n in remote_cols], schema=referent_schema)
        seen: list = []
        for n in t1_cols:
            if n not in seen:
                seen.append(n)
        t1 = Table(source, m, *[Column(n, NULLTYPE) for n in seen], schema=source_schema)
        tname = "%s.%s" % (referent_schema, referent) if referent_schema else referent
        kw["match"] = kw.pop("match", None)
        f = schema.ForeignKeyConstraint(
            local_cols,
            ["%s.%s" % (tname, n) for n in remote_cols],
            name=operation.constraint_name,
            **kw,
        )
        t1.append_constraint(f)
        return f
    if isinstance(operation, ops.CreateCheckConstraintOp):
        t = Table(operation.table_name, m, Column("x", Integer), schema=operation.schema)
        ck = schema.CheckConstraint(operation.condition, name=operation.constraint_name, **kw)
        t.append_constraint(ck)
        return ck
    if isinstance(operation, ops.CreateExcludeConstraintOp):
        if operation._orig_constraint is not None:
            return operation._orig_constraint
        from sqlalchemy.dialects.postgresql import ExcludeConstraint

        t = _table(ctx, operation.table_name, schema=operation.schema)
        excl = ExcludeConstraint(
            *operation.elements, name=operation.constraint_name, where=operation.where, **kw
        )
        for _expr, name, _oper in excl._render_exprs:
            t.append_column(Column(name, NULLTYPE))
        t.append_constraint(excl)
        return excl
    return operation.to_constraint(ctx)


def add_constraint(impl, operation, ctx) -> None:
    _add_constraint(impl, to_constraint(operation, ctx))


def drop_constraint(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    t = _table(ctx, operation.table_name, schema=operation.schema)
    types = {
        "foreignkey": lambda name: schema.ForeignKeyConstraint([], [], name=name),
        "primary": schema.PrimaryKeyConstraint,
        "unique": schema.UniqueConstraint,
        "check": lambda name: schema.CheckConstraint("", name=name),
        None: schema.Constraint,
    }
    try:
        const = types[operation.constraint_type]
    except KeyError as ke:
        raise TypeError(
            "'type' can be one of %s" % ", ".join(sorted(repr(x) for x in types))
        ) from ke
    const = const(name=operation.constraint_name)
    t.append_constraint(const)
    kw = {}
    if operation.if_exists is not None:
        kw["if_exists"] = operation.if_exists
    _exec(impl, schema.DropConstraint(const, **kw))


def rename_table(impl, operation, ctx) -> None:
    compiler = _compiler(impl)
    impl._exec_text(
        "%s RENAME TO %s"
        % (
            _alter_table(compiler, operation.table_name, operation.schema),
            # PostgreSQL's RENAME TO takes no schema
            _table_name(compiler, operation.new_table_name, None),
        ),
        _provenance(impl),
    )


def create_table_comment(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    t = _table(ctx, operation.table_name, schema=operation.schema, comment=operation.comment)
    _exec(impl, schema.SetTableComment(t))


def drop_table_comment(impl, operation, ctx) -> None:
    from sqlalchemy import schema

    t = _table(ctx, operation.table_name, schema=operation.schema)
    _exec(impl, schema.DropTableComment(t))


def bulk_insert(impl, operation, ctx) -> None:
    """``DefaultImpl.bulk_insert`` offline (online it always runs through SQLAlchemy)."""
    from ._literal import _literal_bindparam

    table, rows = operation.table, operation.rows
    if not isinstance(rows, list):
        raise TypeError("List expected")
    elif rows and not isinstance(rows[0], dict):
        raise TypeError("List of dictionaries expected")
    for row in rows:
        impl._exec(
            table.insert()
            .inline()
            .values(
                **{
                    k: (
                        _literal_bindparam(k, v, type_=table.c[k].type)
                        if not isinstance(v, _literal_bindparam)
                        else v
                    )
                    for k, v in row.items()
                }
            )
        )


def _identity_diff(metadata_identity, inspector_identity) -> set:
    """``DefaultImpl._compare_identity_default``'s set of differing attributes."""
    from sqlalchemy import schema

    def as_dict(io):
        if io is None:
            return {}
        assert hasattr(io, "_as_dict")  # as Alembic's _get_identity_options_dict
        return io._as_dict()

    default = schema.Identity()
    diff: set = set()

    def check(meta_d, insp_d, default_d, attrs) -> None:
        for attr in set(attrs).difference({"always"}):
            meta_value = meta_d.get(attr)
            if insp_d.get(attr) != meta_value and meta_value != default_d.get(attr):
                diff.add(attr)

    meta_d, insp_d = as_dict(metadata_identity), as_dict(inspector_identity)
    check(meta_d, insp_d, as_dict(default), set(meta_d).union(insp_d))
    insp_kw = getattr(inspector_identity, "dialect_kwargs", {})
    check(
        getattr(metadata_identity, "dialect_kwargs", {}),
        insp_kw,
        default.dialect_kwargs,
        insp_kw,
    )
    if bool(getattr(metadata_identity, "always", None)) != bool(
        getattr(inspector_identity, "always", None)
    ):
        diff.add("always")
    return diff - {"order", "on_null"}


def execute(impl, operation, ctx) -> None:
    """``DefaultImpl._exec`` of ``op.execute``: text through SQLAlchemy's ``text()``."""
    from sqlalchemy import text

    sqltext = operation.sqltext
    if isinstance(sqltext, str):
        sqltext = text(sqltext)
    impl._exec(sqltext, operation.execution_options)


def alter_column(impl, operation, ctx) -> None:
    """Alembic's ``toimpl.alter_column`` + ``PostgresqlImpl.alter_column`` +
    ``DefaultImpl.alter_column``."""
    from sqlalchemy import Column, schema
    from sqlalchemy.sql import sqltypes

    from .. import util

    compiler = _compiler(impl)
    existing_type = operation.existing_type
    type_ = operation.modify_type
    table_name, column_name, tschema = (
        operation.table_name,
        operation.column_name,
        operation.schema,
    )
    server_default = operation.modify_server_default
    existing_server_default = operation.existing_server_default
    comment = operation.modify_comment
    kw = dict(operation.kw)

    def count(constraint) -> bool:
        return not isinstance(constraint, schema.PrimaryKeyConstraint) and (
            not constraint._create_rule or constraint._create_rule(compiler)
        )

    if existing_type and type_:
        t = _table(ctx, table_name, Column(column_name, existing_type), schema=tschema)
        for constraint in t.constraints:
            if count(constraint):
                _exec(impl, schema.DropConstraint(constraint))

    alter = "%s ALTER COLUMN %s" % (
        _alter_table(compiler, table_name, tschema),
        compiler.preparer.quote(column_name),
    )
    # PostgresqlImpl.alter_column
    using = kw.pop("postgresql_using", None)
    if using is not None and type_ is None:
        raise util.CommandError("postgresql_using must be used with the type_ parameter")
    if type_ is not None:
        type_ = sqltypes.to_instance(type_)
        impl._exec_text(
            "%s %s %s"
            % (
                alter,
                "TYPE %s" % compiler.dialect.type_compiler.process(type_),
                "USING %s" % using if using else "",
            ),
            _provenance(impl),
        )
    # DefaultImpl.alter_column
    if kw.get("autoincrement") is not None or kw.get("existing_autoincrement") is not None:
        util.warn("autoincrement and existing_autoincrement only make sense for MySQL")
    if operation.modify_nullable is not None:
        impl._exec_text(
            "%s %s" % (alter, "DROP NOT NULL" if operation.modify_nullable else "SET NOT NULL"),
            _provenance(impl),
        )
    if server_default is not False:
        computed = any(
            isinstance(sd, schema.Computed) for sd in (server_default, existing_server_default)
        )
        identity = any(
            isinstance(sd, schema.Identity) for sd in (server_default, existing_server_default)
        )
        if computed:
            from sqlalchemy import exc

            raise exc.CompileError(
                'Adding or removing a "computed" construct, e.g. GENERATED '
                "ALWAYS AS, to or from an existing column is not supported."
            )
        if identity:
            if server_default is None:
                impl._exec_text(alter + " DROP IDENTITY", _provenance(impl))
            elif existing_server_default in (None, False):
                impl._exec_text(
                    alter + " ADD " + compiler.visit_identity_column(server_default),
                    _provenance(impl),
                )
            else:
                # alter identity (Alembic's visit_identity_column for PostgreSQL)
                text = alter + " "
                for attr in sorted(_identity_diff(server_default, existing_server_default)):
                    if attr == "always":
                        text += "SET GENERATED %s " % (
                            "ALWAYS" if server_default.always else "BY DEFAULT"
                        )
                    else:
                        text += "SET %s " % compiler.get_identity_options(
                            schema.Identity(**{attr: getattr(server_default, attr)})
                        )
                impl._exec_text(text, _provenance(impl))
        elif server_default is None:
            impl._exec_text(alter + " DROP DEFAULT", _provenance(impl))
        else:
            from sqlalchemy import Integer

            default = compiler.get_column_default_string(
                Column("x", Integer, server_default=server_default)
            )
            impl._exec_text(alter + " SET DEFAULT %s" % default, _provenance(impl))
    if comment is not False:
        rendered = (
            compiler.sql_compiler.render_literal_value(comment, sqltypes.String())
            if comment is not None
            else "NULL"
        )
        impl._exec_text(
            "COMMENT ON COLUMN %s.%s IS %s"
            % (
                _table_name(compiler, table_name, tschema),
                compiler.preparer.quote(column_name),
                rendered,
            ),
            _provenance(impl),
        )
    if operation.modify_name is not None:
        impl._exec_text(
            "%s RENAME %s TO %s"
            % (
                _alter_table(compiler, table_name, tschema),
                compiler.preparer.quote(column_name),
                compiler.preparer.quote(operation.modify_name),
            ),
            _provenance(impl),
        )
    if type_ is not None:
        t = _table(ctx, table_name, Column(column_name, type_), schema=tschema)
        for constraint in t.constraints:
            if count(constraint):
                _add_constraint(impl, constraint)
