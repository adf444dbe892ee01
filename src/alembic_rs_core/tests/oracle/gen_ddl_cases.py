"""Generate ddl_postgresql_cases.json: real Alembic's PostgreSQL SQL for the Rust DDL compiler.

Run with the oracle interpreter (Alembic 1.20.1 + SQLAlchemy 2.1.9 installed):

    /tmp/oracle/bin/python src/alembic_rs_core/tests/oracle/gen_ddl_cases.py

Each case is written once, as the JSON shape the Rust `Op` model deserialises from. This
script turns that JSON into the equivalent SQLAlchemy objects and `op.*` call (the Python
source of the call is recorded in the fixture for readability), runs it through real
Alembic's offline mode (`MigrationContext.configure(dialect_name="postgresql",
opts={"as_sql": True, ...})` + `Operations`) and records:

* ``statements``: each statement exactly as SQLAlchemy compiled it (what Alembic would send
  to the database online; offline mode then writes ``text.replace("\\t", "    ").strip()``
  followed by ``;`` and a blank line);
* ``offline``: the complete offline output buffer, so the Rust test also checks that the
  offline rendering of its statements is byte-identical;
* or ``error``: the exception real Alembic raised for the case.

A case lists several ops when the behaviour depends on what ran before in the same
migration context (e.g. an ENUM type is created once per context).

Cases whose statement order depends on Python set iteration order (``Table.indexes`` and
``Table.constraints`` are sets) are marked ``"ordered": false``: their statements are
written sorted, without the offline text, and the Rust test compares them as multisets.
(``Column.constraints`` is a set too: two CHECK constraints on one column come out in
arbitrary order, so no case has that.) Running the script twice gives the same file.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import os
import re
import sys
import uuid
import warnings

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.dialects.postgresql.base import RESERVED_WORDS
from sqlalchemy.sql.elements import conv

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "ddl_postgresql_cases.json")


# --------------------------------------------------------------------------------------
# JSON model -> SQLAlchemy objects (+ the Python source of the equivalent expression)
# --------------------------------------------------------------------------------------


class Py:
    """A Python value together with the source text that builds it."""

    def __init__(self, obj, src):
        self.obj = obj
        self.src = src


def lit(value):
    return Py(value, repr(value))


def call(_fn, _name, *args, **kwargs):
    def unwrap(v):
        if isinstance(v, Py):
            return v.obj
        if isinstance(v, list):
            return [unwrap(x) for x in v]
        if isinstance(v, tuple):
            return tuple(unwrap(x) for x in v)
        if isinstance(v, dict):
            return {k: unwrap(x) for k, x in v.items()}
        return v

    def source(v):
        if isinstance(v, Py):
            return v.src
        if isinstance(v, list):
            return "[" + ", ".join(source(x) for x in v) + "]"
        if isinstance(v, tuple):
            return "(" + ", ".join(source(x) for x in v) + ("," if len(v) == 1 else "") + ")"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k!r}: {source(x)}" for k, x in v.items()) + "}"
        return repr(v)

    parts = [source(a) for a in args] + [f"{k}={source(v)}" for k, v in kwargs.items()]
    src = f"{_name}({', '.join(parts)})"
    return Py(lambda: _fn(*unwrap(list(args)), **unwrap(kwargs)), src)


def now(p):
    """Evaluate a deferred call built by `call`."""
    return Py(p.obj(), p.src)


def opt(d, key, default=None):
    return d.get(key, default)


def nm(v):
    """A constraint / index name: a plain str, or {"conv": name} for op.f(name)."""
    if isinstance(v, dict):
        (tag, text), = v.items()
        assert tag == "conv"
        return Py(conv(text), f"op.f({text!r})")
    return lit(v)


def kw_from(d, mapping):
    """Keyword arguments for the keys of `d` that are present (not None)."""
    out = {}
    for jkey, pykey in mapping:
        if d.get(jkey) is not None:
            out[pykey] = nm(d[jkey]) if jkey == "name" else d[jkey]
    return out


def build_type(t):
    k = t["type"]
    simple = {
        "integer": ("sa.Integer", sa.Integer),
        "big_integer": ("sa.BigInteger", sa.BigInteger),
        "small_integer": ("sa.SmallInteger", sa.SmallInteger),
        "boolean": ("sa.Boolean", sa.Boolean),
        "date": ("sa.Date", sa.Date),
        "double": ("sa.Double", sa.Double),
        "real": ("sa.REAL", sa.REAL),
        "large_binary": ("sa.LargeBinary", sa.LargeBinary),
        "json": ("sa.JSON", sa.JSON),
        "jsonb": ("postgresql.JSONB", pg.JSONB),
        "inet": ("postgresql.INET", pg.INET),
        "cidr": ("postgresql.CIDR", pg.CIDR),
        "tsvector": ("postgresql.TSVECTOR", pg.TSVECTOR),
        "citext": ("postgresql.CITEXT", pg.CITEXT),
    }
    if k in simple:
        name, cls = simple[k]
        return now(call(cls, name))
    if k in ("string", "text", "char"):
        cls, name = {
            "string": (sa.String, "sa.String"),
            "text": (sa.Text, "sa.Text"),
            "char": (sa.CHAR, "sa.CHAR"),
        }[k]
        if t.get("unicode"):
            cls, name = {"string": (sa.Unicode, "sa.Unicode"), "text": (sa.UnicodeText, "sa.UnicodeText")}[k]
        return now(call(cls, name, **kw_from(t, [("length", "length"), ("collation", "collation")])))
    if k == "date_time":
        if t.get("precision") is not None:
            return now(call(pg.TIMESTAMP, "postgresql.TIMESTAMP", timezone=t.get("timezone", False), precision=t["precision"]))
        return now(call(sa.DateTime, "sa.DateTime", **kw_from(t, [("timezone", "timezone")])))
    if k == "time":
        if t.get("precision") is not None:
            return now(call(pg.TIME, "postgresql.TIME", timezone=t.get("timezone", False), precision=t["precision"]))
        return now(call(sa.Time, "sa.Time", **kw_from(t, [("timezone", "timezone")])))
    if k == "interval":
        if t.get("fields") is not None or t.get("precision") is not None:
            return now(call(pg.INTERVAL, "postgresql.INTERVAL", **kw_from(t, [("fields", "fields"), ("precision", "precision")])))
        return now(call(sa.Interval, "sa.Interval"))
    if k == "numeric":
        return now(call(sa.Numeric, "sa.Numeric", **kw_from(t, [("precision", "precision"), ("scale", "scale")])))
    if k == "float":
        return now(call(sa.Float, "sa.Float", **kw_from(t, [("precision", "precision")])))
    if k == "uuid":
        return now(call(sa.Uuid, "sa.Uuid", **kw_from(t, [("as_uuid", "as_uuid"), ("native_uuid", "native_uuid")])))
    if k == "array":
        return now(call(pg.ARRAY, "postgresql.ARRAY", build_type(t["item_type"]), **kw_from(t, [("dimensions", "dimensions")])))
    if k == "enum":
        kw = kw_from(
            t,
            [
                ("name", "name"),
                ("schema", "schema"),
                ("native_enum", "native_enum"),
                ("length", "length"),
                ("create_constraint", "create_constraint"),
            ],
        )
        if t.get("create_type") is False:
            return now(call(pg.ENUM, "postgresql.ENUM", *t["values"], create_type=False, **kw))
        return now(call(sa.Enum, "sa.Enum", *t["values"], **kw))
    if k == "custom":
        # A type the native compiler does not know: SQLAlchemy compiles it, Rust carries
        # the text. Here: a UserDefinedType whose col spec is that text.
        sql = t["sql"]

        class Custom(sa.types.UserDefinedType):
            cache_ok = True

            def get_col_spec(self, **kw):
                return sql

        return Py(Custom(), f"Custom({sql!r})")
    raise KeyError(k)


def build_value(v):
    """A LiteralValue (bulk_insert rows, literal server defaults)."""
    if isinstance(v, dict):
        (tag, s), = v.items()
        if tag == "decimal":
            return Py(decimal.Decimal(s), f"Decimal({s!r})")
        if tag == "date":
            d = datetime.date.fromisoformat(s)
            return Py(d, repr(d))
        if tag == "date_time":
            d = datetime.datetime.fromisoformat(s)
            return Py(d, repr(d))
        if tag == "time":
            d = datetime.time.fromisoformat(s)
            return Py(d, repr(d))
        if tag == "uuid":
            u = uuid.UUID(s)
            return Py(u, repr(u))
        raise KeyError(tag)
    return lit(v)


def build_server_default(d):
    k = d["kind"]
    if k == "string":
        return lit(d["value"])
    if k == "text":
        return now(call(sa.text, "sa.text", d["sql"]))
    if k == "function":
        fn = getattr(sa.func, d["name"])
        return now(call(fn, f"sa.func.{d['name']}"))
    if k == "literal":
        v = d["value"]
        if v is None:
            return now(call(sa.null, "sa.null"))
        if v is True:
            return now(call(sa.true, "sa.true"))
        if v is False:
            return now(call(sa.false, "sa.false"))
        return now(call(sa.literal, "sa.literal", build_value(v)))
    raise KeyError(k)


IDENTITY_KEYS = ["always", "start", "increment", "minvalue", "maxvalue", "nominvalue", "nomaxvalue", "cycle", "cache"]


def build_identity(d):
    return now(call(sa.Identity, "sa.Identity", **kw_from(d, [(k, k) for k in IDENTITY_KEYS])))


def build_computed(d):
    return now(call(sa.Computed, "sa.Computed", d["sqltext"], **kw_from(d, [("persisted", "persisted")])))


FK_OPTS = [
    ("name", "name"),
    ("onupdate", "onupdate"),
    ("ondelete", "ondelete"),
    ("deferrable", "deferrable"),
    ("initially", "initially"),
    ("match", "match"),
    ("use_alter", "use_alter"),
]


def dotted_target(schema, table, column):
    return ".".join(x for x in (schema, table, column) if x is not None)


def build_column(c):
    args = [lit(c["name"])]
    if c.get("type") is not None:
        args.append(build_type(c["type"]))
    for fk in c.get("foreign_keys", []):
        target = dotted_target(fk.get("referent_schema"), fk["referent_table"], fk["referent_column"])
        args.append(now(call(sa.ForeignKey, "sa.ForeignKey", target, **kw_from(fk, FK_OPTS))))
    for ck in c.get("checks", []):
        args.append(
            now(call(sa.CheckConstraint, "sa.CheckConstraint", ck["sqltext"], **kw_from(ck, [("name", "name"), ("deferrable", "deferrable"), ("initially", "initially")])))
        )
    if c.get("identity") is not None:
        args.append(build_identity(c["identity"]))
    if c.get("computed") is not None:
        args.append(build_computed(c["computed"]))
    kw = kw_from(
        c,
        [
            ("nullable", "nullable"),
            ("comment", "comment"),
        ],
    )
    if c.get("primary_key"):
        kw["primary_key"] = True
    if c.get("unique"):
        kw["unique"] = True
    if c.get("index"):
        kw["index"] = True
    if c.get("autoincrement", "auto") != "auto":
        kw["autoincrement"] = c["autoincrement"]
    if c.get("server_default") is not None:
        kw["server_default"] = build_server_default(c["server_default"])
    if c.get("client_default"):
        kw["default"] = lit(0)
    return now(call(sa.Column, "sa.Column", *args, **kw))


def build_constraint(c):
    k = c["kind"]
    common = [("name", "name"), ("deferrable", "deferrable"), ("initially", "initially")]
    if k == "primary_key":
        kw = kw_from(c, common)
        if c.get("include"):
            kw["postgresql_include"] = c["include"]
        return now(call(sa.PrimaryKeyConstraint, "sa.PrimaryKeyConstraint", *c["columns"], **kw))
    if k == "unique":
        kw = kw_from(c, common)
        if c.get("include"):
            kw["postgresql_include"] = c["include"]
        if c.get("nulls_not_distinct") is not None:
            kw["postgresql_nulls_not_distinct"] = c["nulls_not_distinct"]
        return now(call(sa.UniqueConstraint, "sa.UniqueConstraint", *c["columns"], **kw))
    if k == "foreign_key":
        refs = [dotted_target(c.get("referent_schema"), c["referent_table"], col) for col in c["referent_columns"]]
        kw = kw_from(c, FK_OPTS)
        if c.get("not_valid"):
            kw["postgresql_not_valid"] = True
        return now(call(sa.ForeignKeyConstraint, "sa.ForeignKeyConstraint", c["columns"], refs, **kw))
    if k == "check":
        kw = kw_from(c, common)
        if c.get("not_valid"):
            kw["postgresql_not_valid"] = True
        return now(call(sa.CheckConstraint, "sa.CheckConstraint", c["sqltext"], **kw))
    raise KeyError(k)


def build_index_column(e):
    (tag, v), = e.items()
    if tag == "column":
        return lit(v)
    if tag == "text":
        return now(call(sa.text, "sa.text", v))
    raise KeyError(tag)


def build_table_clause(t):
    cols = [now(call(sa.column, "sa.column", c["name"], build_type(c["type"]))) for c in t["columns"]]
    kw = kw_from(t, [("schema", "schema")])
    return now(call(sa.table, "sa.table", t["name"], *cols, **kw))


def table_kw(o):
    return kw_from(o, [("schema", "schema")])


def pg_index_kw(o):
    kw = {}
    for key in ("where", "using", "include", "ops", "with", "tablespace", "nulls_not_distinct", "concurrently"):
        v = o.get("postgresql_" + key)
        if v is None or v is False and key == "concurrently" or v in ([], {}):
            continue
        kw["postgresql_" + key] = v
    return kw


def build_op(o):
    """Return a Py whose obj is a callable taking the `op` object."""
    k = o["op"]
    if k == "create_table":
        items = [build_column(c) for c in o["columns"]] + [build_constraint(c) for c in o.get("constraints", [])]
        kw = table_kw(o)
        if o.get("comment") is not None:
            kw["comment"] = o["comment"]
        if o.get("prefixes"):
            kw["prefixes"] = o["prefixes"]
        if o.get("if_not_exists") is not None:
            kw["if_not_exists"] = o["if_not_exists"]
        return bind("create_table", o["table_name"], *items, **kw)
    if k == "drop_table":
        return bind("drop_table", o["table_name"], **table_kw(o), **kw_from(o, [("if_exists", "if_exists")]))
    if k == "rename_table":
        return bind("rename_table", o["old_table_name"], o["new_table_name"], **table_kw(o))
    if k == "add_column":
        kw = table_kw(o)
        kw.update(kw_from(o, [("if_not_exists", "if_not_exists"), ("inline_references", "inline_references"), ("inline_primary_key", "inline_primary_key")]))
        return bind("add_column", o["table_name"], build_column(o["column"]), **kw)
    if k == "drop_column":
        return bind("drop_column", o["table_name"], o["column_name"], **table_kw(o), **kw_from(o, [("if_exists", "if_exists")]))
    if k == "alter_column":
        kw = table_kw(o)
        kw.update(kw_from(o, [("nullable", "nullable"), ("new_column_name", "new_column_name"), ("existing_nullable", "existing_nullable"), ("existing_comment", "existing_comment"), ("postgresql_using", "postgresql_using")]))
        if o.get("type") is not None:
            kw["type_"] = build_type(o["type"])
        if o.get("existing_type") is not None:
            kw["existing_type"] = build_type(o["existing_type"])
        for key in ("server_default", "existing_server_default"):
            change = o.get(key)
            if change is None:
                continue
            if change == "drop":
                kw[key] = lit(None)
            else:
                (tag, v), = change.items()
                kw[key] = {"set": build_server_default, "identity": build_identity, "computed": build_computed}[tag](v)
        if "comment" in o:
            change = o["comment"]
            kw["comment"] = lit(None) if change == "drop" else lit(change["set"])
        return bind("alter_column", o["table_name"], o["column_name"], **kw)
    if k == "create_index":
        kw = table_kw(o)
        if o.get("unique"):
            kw["unique"] = True
        kw.update(kw_from(o, [("if_not_exists", "if_not_exists")]))
        kw.update(pg_index_kw(o))
        return bind("create_index", nm(o["index_name"]), o["table_name"], [build_index_column(c) for c in o["columns"]], **kw)
    if k == "drop_index":
        kw = table_kw(o)
        kw.update(kw_from(o, [("table_name", "table_name"), ("if_exists", "if_exists")]))
        kw.update(pg_index_kw(o))
        return bind("drop_index", nm(o["index_name"]), **kw)
    if k == "create_unique_constraint":
        kw = table_kw(o)
        kw.update(kw_from(o, [("deferrable", "deferrable"), ("initially", "initially")]))
        kw.update(pg_index_kw(o))
        return bind("create_unique_constraint", nm(o["constraint_name"]), o["table_name"], o["columns"], **kw)
    if k == "create_primary_key":
        kw = table_kw(o)
        return bind("create_primary_key", nm(o["constraint_name"]), o["table_name"], o["columns"], **kw)
    if k == "create_foreign_key":
        kw = kw_from(o, [(x, x) for x in ("onupdate", "ondelete", "deferrable", "initially", "match", "source_schema", "referent_schema")])
        if o.get("postgresql_not_valid"):
            kw["postgresql_not_valid"] = True
        return bind("create_foreign_key", nm(o["constraint_name"]), o["source_table"], o["referent_table"], o["local_cols"], o["remote_cols"], **kw)
    if k == "create_check_constraint":
        kw = table_kw(o)
        kw.update(kw_from(o, [("deferrable", "deferrable"), ("initially", "initially")]))
        if o.get("postgresql_not_valid"):
            kw["postgresql_not_valid"] = True
        return bind("create_check_constraint", nm(o["constraint_name"]), o["table_name"], o["condition"], **kw)
    if k == "create_exclude_constraint":
        kw = table_kw(o)
        kw.update(kw_from(o, [("where", "where"), ("using", "using"), ("deferrable", "deferrable"), ("initially", "initially")]))
        elements = [tuple(e) for e in o["elements"]]
        return bind("create_exclude_constraint", nm(o["constraint_name"]), o["table_name"], *elements, **kw)
    if k == "drop_constraint":
        kw = table_kw(o)
        kw.update(kw_from(o, [("type_", "type_"), ("if_exists", "if_exists")]))
        return bind("drop_constraint", nm(o["constraint_name"]), o["table_name"], **kw)
    if k == "create_table_comment":
        kw = table_kw(o)
        kw.update(kw_from(o, [("existing_comment", "existing_comment")]))
        return bind("create_table_comment", o["table_name"], o["comment"], **kw)
    if k == "drop_table_comment":
        kw = table_kw(o)
        kw.update(kw_from(o, [("existing_comment", "existing_comment")]))
        return bind("drop_table_comment", o["table_name"], **kw)
    if k == "execute":
        return bind("execute", o["sqltext"])
    if k == "bulk_insert":
        rows = [{name: build_value(v) for name, v in row.items()} for row in o["rows"]]
        kw = {}
        if o.get("multiinsert") is False:
            kw["multiinsert"] = False
        return bind("bulk_insert", build_table_clause(o["table"]), rows, **kw)
    raise KeyError(k)


def bind(method, *args, **kwargs):
    """Py(callable(op), "op.method(...)")."""
    holder = call(lambda *a, **k: (a, k), "op." + method, *args, **kwargs)

    def run(op):
        a, k = holder.obj()
        return getattr(op, method)(*a, **k)

    return Py(run, holder.src)


# --------------------------------------------------------------------------------------
# Running a case through real Alembic
# --------------------------------------------------------------------------------------


def run_ops(ops, naming_convention=None):
    buf = io.StringIO()
    opts = {"as_sql": True, "output_buffer": buf}
    if naming_convention is not None:
        # Alembic builds its op tables in a MetaData with target_metadata's convention
        opts["target_metadata"] = sa.MetaData(naming_convention=naming_convention)
    ctx = MigrationContext.configure(dialect_name="postgresql", opts=opts)
    impl = ctx.impl
    raw = []
    orig_exec = impl._exec

    def recording_exec(construct, *a, **k):
        c = sa.text(construct) if isinstance(construct, str) else construct
        if impl.literal_binds and not isinstance(c, sa.schema.DDLElement):
            compile_kw = dict(compile_kwargs={"literal_binds": True})
        else:
            compile_kw = {}
        try:
            raw.append(str(c.compile(dialect=impl.dialect, **compile_kw)))
        except Exception:
            pass  # the real _exec raises the same error right below
        return orig_exec(construct, *a, **k)

    impl._exec = recording_exec
    op = Operations(ctx)
    sources = [build_op(o) for o in ops]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            for s in sources:
                s.obj(op)
        except Exception as e:  # noqa: BLE001 - the oracle's error is the expected value
            return sources, {"error": f"{type(e).__name__}: {e}"}, caught
    offline = buf.getvalue()
    rebuilt = "".join(r.replace("\t", "    ").strip() + ";\n\n" for r in raw)
    assert rebuilt == offline, (rebuilt, offline)
    return sources, {"statements": raw, "offline": offline}, caught


CASES = []


def case(name, *ops, ordered=True, unsupported=None, naming_convention=None):
    """Register a case. `unsupported` names the option the Rust compiler must reject;
    `naming_convention` (string keys) is target_metadata's."""
    CASES.append(
        {"name": name, "ops": list(ops), "ordered": ordered, "unsupported": unsupported, "naming_convention": naming_convention}
    )


# --------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------


def col(name, type_=None, **kw):
    c = {"name": name}
    if type_ is not None:
        c["type"] = type_
    c.update(kw)
    return c


def T(kind, **kw):
    d = {"type": kind}
    d.update(kw)
    return d


INT = T("integer")
BIGINT = T("big_integer")
SMALLINT = T("small_integer")
STR50 = T("string", length=50)
TEXT = T("text")
BOOL = T("boolean")


def create_table(name, *columns, constraints=(), **kw):
    o = {"op": "create_table", "table_name": name, "columns": list(columns), "constraints": list(constraints)}
    o.update(kw)
    return o


def add_column(table, column, **kw):
    o = {"op": "add_column", "table_name": table, "column": column}
    o.update(kw)
    return o


def alter(table, column, **kw):
    o = {"op": "alter_column", "table_name": table, "column_name": column}
    o.update(kw)
    return o


def sd_string(v):
    return {"kind": "string", "value": v}


def sd_text(v):
    return {"kind": "text", "sql": v}


def sd_func(v):
    return {"kind": "function", "name": v}


def sd_literal(v):
    return {"kind": "literal", "value": v}


TYPES = [
    ("integer", INT),
    ("big_integer", BIGINT),
    ("small_integer", SMALLINT),
    ("string", T("string")),
    ("string_50", STR50),
    ("string_collation", T("string", length=50, collation="C")),
    ("string_collation_lower", T("string", collation="en_US")),
    ("string_collation_plain", T("string", length=5, collation="posix")),
    ("unicode", T("string", length=10, unicode=True)),
    ("text", TEXT),
    ("text_collation", T("text", collation="C")),
    ("unicode_text", T("text", unicode=True)),
    ("char", T("char", length=3)),
    ("boolean", BOOL),
    ("date", T("date")),
    ("datetime", T("date_time")),
    ("datetime_tz", T("date_time", timezone=True)),
    ("timestamp_precision", T("date_time", precision=3)),
    ("timestamp_tz_precision", T("date_time", timezone=True, precision=0)),
    ("time", T("time")),
    ("time_tz", T("time", timezone=True)),
    ("time_precision", T("time", timezone=True, precision=2)),
    ("interval", T("interval")),
    ("interval_fields", T("interval", fields="DAY TO SECOND", precision=3)),
    ("interval_fields_only", T("interval", fields="YEAR")),
    ("numeric", T("numeric")),
    ("numeric_p", T("numeric", precision=10)),
    ("numeric_ps", T("numeric", precision=10, scale=2)),
    ("float", T("float")),
    ("float_53", T("float", precision=53)),
    ("float_10", T("float", precision=10)),
    ("double", T("double")),
    ("real", T("real")),
    ("large_binary", T("large_binary")),
    ("json", T("json")),
    ("jsonb", T("jsonb")),
    ("uuid", T("uuid")),
    ("uuid_as_str", T("uuid", as_uuid=False)),
    ("uuid_not_native", T("uuid", native_uuid=False)),
    ("array_int", T("array", item_type=INT)),
    ("array_dims", T("array", item_type=T("string", length=5), dimensions=3)),
    ("array_collation", T("array", item_type=T("string", length=5, collation="C"), dimensions=2)),
    ("inet", T("inet")),
    ("cidr", T("cidr")),
    ("tsvector", T("tsvector")),
    ("citext", T("citext")),
    ("enum_non_native", T("enum", values=["a", "bbb"], native_enum=False)),
    ("enum_non_native_length", T("enum", values=["a", "bbb"], native_enum=False, length=20)),
    ("custom", T("custom", sql="GEOMETRY(POINT, 4326)")),
]


def type_cases():
    for name, ty in TYPES:
        case(f"add_column/type/{name}", add_column("t", col("c", ty)))
        case(f"alter_column/type/{name}", alter("t", "c", type=ty))
    # Named types: ENUM creation and naming
    case("create_table/enum/native", create_table("t", col("e", T("enum", values=["a", "b"], name="myenum"))))
    case(
        "create_table/enum/schema_and_quoting",
        create_table("t", col("e", T("enum", values=["x", "it's", "100%"], name="Mood", schema="s")), schema="other"),
    )
    case("create_table/enum/create_type_false", create_table("t", col("e", T("enum", values=["a"], name="e", create_type=False))))
    case(
        "create_table/enum/twice_in_table",
        create_table("t", col("a", T("enum", values=["a"], name="e")), col("b", T("enum", values=["a"], name="e"))),
    )
    case(
        "create_table/enum/once_per_context",
        create_table("t1", col("a", T("enum", values=["a"], name="e"))),
        create_table("t2", col("a", T("enum", values=["a"], name="e")), col("b", T("enum", values=["z"], name="e", schema="s"))),
    )
    case("create_table/enum/array_of_enum", create_table("t", col("a", T("array", item_type=T("enum", values=["a"], name="e")))))
    case("create_table/enum/reserved_name", create_table("t", col("a", T("enum", values=["a"], name="user"))))
    case("create_table/enum/builtin_name_error", create_table("t", col("a", T("enum", values=["a"], name="text"))))
    case("create_table/enum/builtin_name_with_schema", create_table("t", col("a", T("enum", values=["a"], name="text", schema="public"))))
    case("create_table/enum/no_name_error", create_table("t", col("a", T("enum", values=["a"]))))
    case(
        "create_table/enum/non_native_check",
        create_table("t", col("a", T("enum", values=["x", "y'"], name="ck_e", native_enum=False, create_constraint=True))),
    )
    case(
        "create_table/enum/non_native_check_unnamed",
        create_table("t", col("a", T("enum", values=["x"], native_enum=False, create_constraint=True))),
    )
    case("add_column/enum/no_create_type", add_column("t", col("e", T("enum", values=["a"], name="e"))))
    case("alter_column/enum/native", alter("t", "c", type=T("enum", values=["a"], name="e"), postgresql_using="c::e"))
    case("alter_column/enum/no_name_error", alter("t", "c", type=T("enum", values=["a"])))
    case(
        "alter_column/enum/non_native_check_added",
        alter("t", "c", type=T("enum", values=["a", "b"], name="ck", native_enum=False, create_constraint=True)),
    )
    case(
        "alter_column/enum/non_native_check_dropped",
        alter("t", "c", type=BOOL, existing_type=T("enum", values=["a", "b"], name="ck", native_enum=False, create_constraint=True)),
    )
    case(
        "alter_column/enum/non_native_check_replaced",
        alter(
            "t",
            "c",
            type=T("enum", values=["a", "b", "c"], name="ck2", native_enum=False, create_constraint=True),
            existing_type=T("enum", values=["a", "b"], name="ck", native_enum=False, create_constraint=True),
            schema="s",
        ),
    )
    case(
        "alter_column/enum/non_native_unnamed_check_dropped_error",
        alter("t", "c", type=BOOL, existing_type=T("enum", values=["a"], native_enum=False, create_constraint=True)),
    )


def create_table_cases():
    case("create_table/minimal", create_table("account", col("id", INT, primary_key=True), col("name", STR50, nullable=False)))
    case("create_table/no_columns", create_table("t"))
    case("create_table/schema", create_table("t", col("id", INT, primary_key=True), schema="app"))
    case("create_table/schema_quoted", create_table("t", col("id", INT), schema="My Schema"))
    case("create_table/schema_dotted", create_table("t", col("id", INT, comment="c"), schema="db.sch", comment="x"))
    case("create_table/if_not_exists", create_table("t", col("id", INT), if_not_exists=True))
    case("create_table/temporary", create_table("t", col("id", INT), prefixes=["TEMPORARY"]))
    case("create_table/serial", create_table("t", col("id", INT, primary_key=True)))
    case("create_table/bigserial", create_table("t", col("id", BIGINT, primary_key=True)))
    case("create_table/smallserial", create_table("t", col("id", SMALLINT, primary_key=True)))
    case("create_table/serial_autoincrement_true", create_table("t", col("id", INT, primary_key=True, autoincrement=True)))
    case("create_table/no_serial_autoincrement_false", create_table("t", col("id", INT, primary_key=True, autoincrement=False)))
    case("create_table/no_serial_composite", create_table("t", col("a", INT, primary_key=True), col("b", INT, primary_key=True)))
    case(
        "create_table/serial_composite_explicit",
        create_table("t", col("a", INT, primary_key=True), col("b", INT, primary_key=True, autoincrement=True)),
    )
    case(
        "create_table/serial_composite_two_explicit_error",
        create_table("t", col("a", INT, primary_key=True, autoincrement=True), col("b", INT, primary_key=True, autoincrement=True)),
    )
    case("create_table/no_serial_server_default", create_table("t", col("id", INT, primary_key=True, server_default=sd_string("5"))))
    case(
        "create_table/serial_server_default_autoincrement_true",
        create_table("t", col("id", INT, primary_key=True, autoincrement=True, server_default=sd_text("7"))),
    )
    case("create_table/no_serial_client_default", create_table("t", col("id", INT, primary_key=True, client_default=True)))
    case(
        "create_table/no_serial_foreign_key",
        create_table("t", col("id", INT, primary_key=True, foreign_keys=[{"referent_table": "o", "referent_column": "id"}])),
    )
    case(
        "create_table/serial_foreign_key_ignore_fk",
        create_table(
            "t", col("id", INT, primary_key=True, autoincrement="ignore_fk", foreign_keys=[{"referent_table": "o", "referent_column": "id"}])
        ),
    )
    case("create_table/no_serial_string_pk", create_table("t", col("id", STR50, primary_key=True)))
    case("create_table/serial_numeric_scale0", create_table("t", col("id", T("numeric", precision=10, scale=0), primary_key=True, autoincrement=True)))
    case("create_table/no_serial_numeric_auto", create_table("t", col("id", T("numeric", precision=10, scale=0), primary_key=True)))
    case("create_table/autoincrement_true_string_error", create_table("t", col("id", STR50, primary_key=True, autoincrement=True)))
    case("create_table/autoincrement_true_float_error", create_table("t", col("id", T("float"), primary_key=True, autoincrement=True)))
    case("create_table/serial_not_pk_ignored", create_table("t", col("id", INT, autoincrement=True)))
    # a table-level ForeignKeyConstraint puts its elements in Column.foreign_keys too
    fk_id = {"kind": "foreign_key", "columns": ["id"], "referent_table": "o", "referent_columns": ["id"]}
    case("create_table/no_serial_table_foreign_key", create_table("t", col("id", INT, primary_key=True), constraints=[fk_id]))
    case(
        "create_table/no_serial_table_foreign_key_use_alter",
        create_table("t", col("id", INT, primary_key=True), constraints=[dict(fk_id, use_alter=True)]),
    )
    case(
        "create_table/no_serial_table_foreign_key_composite",
        create_table(
            "t",
            col("id", INT, primary_key=True),
            col("x", INT),
            constraints=[{"kind": "foreign_key", "columns": ["x", "id"], "referent_table": "o", "referent_columns": ["a", "b"]}],
        ),
    )
    case(
        "create_table/no_serial_table_foreign_key_explicit_pk",
        create_table("t", col("id", INT), constraints=[{"kind": "primary_key", "columns": ["id"]}, fk_id]),
    )
    case(
        "create_table/serial_table_foreign_key_ignore_fk",
        create_table("t", col("id", INT, primary_key=True, autoincrement="ignore_fk"), constraints=[fk_id]),
    )
    case(
        "create_table/serial_table_foreign_key_autoincrement_true",
        create_table("t", col("id", BIGINT, primary_key=True, autoincrement=True), constraints=[fk_id]),
    )
    case(
        "create_table/serial_composite_table_foreign_key_other",
        create_table("t", col("o_id", INT, primary_key=True), col("seq", SMALLINT, primary_key=True, autoincrement=True), constraints=[dict(fk_id, columns=["o_id"])]),
    )
    case(
        "create_table/serial_identity_table_foreign_key",
        create_table("t", col("id", INT, primary_key=True, identity={"always": True}), constraints=[fk_id]),
    )
    case("create_table/pk_nullable_true", create_table("t", col("id", STR50, primary_key=True, nullable=True)))
    case("create_table/nullable_false", create_table("t", col("a", INT, nullable=False), col("b", INT, nullable=True)))
    case(
        "create_table/identity",
        create_table(
            "t",
            col("id", INT, primary_key=True, identity={"start": 5, "increment": 2}),
            col("x", BIGINT, identity={"always": True}, nullable=True),
            col("y", INT, identity={"minvalue": 1, "maxvalue": 100, "cycle": True, "cache": 10}),
            col("z", INT, identity={"nominvalue": True, "nomaxvalue": True, "cycle": False}, nullable=False),
        ),
    )
    case(
        "create_table/computed",
        create_table("t", col("a", INT), col("b", INT, computed={"sqltext": "a * 2"}), col("c", INT, computed={"sqltext": "a + 1", "persisted": True}), col("d", INT, computed={"sqltext": "a", "persisted": False}, nullable=False)),
    )
    case(
        "create_table/server_defaults",
        create_table(
            "t",
            col("a", STR50, server_default=sd_string("it's 100%")),
            col("b", T("date_time"), server_default=sd_func("now")),
            col("c", T("date_time", timezone=True), server_default=sd_func("current_timestamp")),
            col("d", T("uuid"), server_default=sd_func("gen_random_uuid")),
            col("e", INT, server_default=sd_text("0")),
            col("f", BOOL, server_default=sd_literal(False)),
            col("g", BOOL, server_default=sd_literal(True)),
            col("h", INT, server_default=sd_literal(5)),
            col("i", T("float"), server_default=sd_literal(1.5)),
            col("j", STR50, server_default=sd_literal("x'y")),
            col("k", INT, server_default=sd_literal(None)),
            col("l", T("jsonb"), server_default=sd_text("'{}'::jsonb")),
            col("m", TEXT, server_default=sd_text("'a%' || :x")),
            col("n", T("date"), server_default=sd_func("CURRENT_DATE")),
            col("o", T("date_time"), server_default=sd_func("Now")),
            col("p", TEXT, server_default=sd_string("back\\slash")),
        ),
    )
    case(
        "create_table/comments",
        create_table("t", col("id", INT, primary_key=True, comment="the id"), col("x", TEXT, comment="it's 50%"), comment="a table", schema="s"),
    )
    case("create_table/comment_empty", create_table("t", col("x", INT, comment=""), comment=""))
    case(
        "create_table/constraints",
        create_table(
            "t",
            col("id", INT),
            col("a", INT),
            col("b", STR50),
            constraints=[
                {"kind": "primary_key", "name": "pk_t", "columns": ["id"]},
                {"kind": "unique", "name": "uq_t_b", "columns": ["b"], "deferrable": True, "initially": "DEFERRED"},
                {"kind": "unique", "columns": ["a", "b"]},
                {"kind": "check", "name": "ck_a", "sqltext": "a > 0 AND b <> '%'"},
                {"kind": "check", "sqltext": "a < 100", "deferrable": False},
                {
                    "kind": "foreign_key",
                    "name": "fk_a",
                    "columns": ["a"],
                    "referent_table": "other",
                    "referent_columns": ["id"],
                    "ondelete": "CASCADE",
                    "onupdate": "SET NULL",
                    "deferrable": True,
                    "initially": "IMMEDIATE",
                    "match": "FULL",
                },
                {"kind": "foreign_key", "columns": ["a", "b"], "referent_schema": "s", "referent_table": "User", "referent_columns": ["x", "Y"]},
            ],
        ),
    )
    case(
        "create_table/pk_constraint_makes_serial",
        create_table("t", col("id", INT), col("x", INT), constraints=[{"kind": "primary_key", "columns": ["id"]}]),
    )
    case(
        "create_table/pk_constraint_order_and_nullable",
        create_table("t", col("a", INT), col("b", STR50, nullable=True), constraints=[{"kind": "primary_key", "name": "pk", "columns": ["b", "a"], "deferrable": True}]),
    )
    case(
        "create_table/pk_constraint_include",
        create_table("t", col("a", INT), col("b", INT), constraints=[{"kind": "primary_key", "columns": ["a"], "include": ["b"]}]),
    )
    case(
        "create_table/unique_constraint_pg_options",
        create_table("t", col("a", INT), col("b", INT), constraints=[{"kind": "unique", "name": "u", "columns": ["a"], "include": ["b"], "nulls_not_distinct": True}]),
    )
    case(
        "create_table/unique_nulls_distinct_false",
        create_table("t", col("a", INT), constraints=[{"kind": "unique", "columns": ["a"], "nulls_not_distinct": False}]),
    )
    case(
        "create_table/not_valid",
        create_table(
            "t",
            col("a", INT),
            constraints=[
                {"kind": "check", "name": "c", "sqltext": "a > 0", "not_valid": True},
                {"kind": "foreign_key", "columns": ["a"], "referent_table": "o", "referent_columns": ["id"], "not_valid": True},
            ],
        ),
    )
    case(
        "create_table/column_constraints_order",
        create_table(
            "t",
            col("a", INT, unique=True, foreign_keys=[{"referent_table": "o", "referent_column": "id", "name": "fk_a"}]),
            col("b", INT, foreign_keys=[{"referent_table": "o", "referent_column": "id", "ondelete": "CASCADE"}, {"referent_schema": "s", "referent_table": "p", "referent_column": "id"}]),
            col("c", T("enum", values=["x"], name="ck_c", native_enum=False, create_constraint=True), unique=True, foreign_keys=[{"referent_table": "o", "referent_column": "c"}]),
            # Column.constraints is a set: two CHECKs on one column render in arbitrary order.
            col("d", INT, checks=[{"sqltext": "d > 0"}]),
            col("e", INT, checks=[{"sqltext": "e < 10", "name": "ck_e", "deferrable": True}]),
            constraints=[{"kind": "unique", "name": "uq", "columns": ["d"]}, {"kind": "check", "sqltext": "a > b"}],
        ),
    )
    case(
        "create_table/use_alter_fk_omitted",
        create_table("t", col("a", INT, foreign_keys=[{"referent_table": "o", "referent_column": "id", "use_alter": True}])),
    )
    case("create_table/column_index", create_table("t", col("a", INT, index=True), schema="s"))
    case("create_table/column_unique_index", create_table("t", col("a", INT, index=True, unique=True)))
    case(
        "create_table/column_indexes_unordered",
        create_table("t", col("a", INT, index=True), col("b", INT, index=True, unique=True), schema="s.x"),
        ordered=False,
    )
    case(
        "create_table/quoting",
        create_table(
            "User",
            col("select", INT, primary_key=True),
            col("Name", STR50),
            col("1st", INT),
            col("a b", INT),
            col('q"uote', INT),
            col("pct%", INT),
            col("dollar$", INT),
            col("order", INT, comment="o"),
            constraints=[{"kind": "unique", "name": "Uq", "columns": ["Name", "order"]}],
            schema="Order",
        ),
    )
    case("create_table/null_type_error", create_table("t", col("a")))
    case("create_table/constraint_name_too_long_error", create_table("t", col("a", INT), constraints=[{"kind": "unique", "name": "u" * 64, "columns": ["a"]}]))
    case("create_table/constraint_name_63", create_table("t", col("a", INT), constraints=[{"kind": "unique", "name": "u" * 63, "columns": ["a"]}]))
    case(
        "create_table/fk_referent_schema_dotted",
        create_table("t", col("a", INT), constraints=[{"kind": "foreign_key", "columns": ["a"], "referent_schema": "db.sch", "referent_table": "o", "referent_columns": ["id"]}]),
    )
    case(
        "create_table/fk_bad_ondelete_error",
        create_table("t", col("a", INT), constraints=[{"kind": "foreign_key", "columns": ["a"], "referent_table": "o", "referent_columns": ["id"], "ondelete": "CASCADE; DROP"}]),
    )
    case(
        "create_table/fk_ondelete_set_null_columns",
        create_table("t", col("a", INT), col("b", INT), constraints=[{"kind": "foreign_key", "columns": ["a", "b"], "referent_table": "o", "referent_columns": ["x", "y"], "ondelete": 'SET NULL (a, "b")'}]),
    )
    case(
        "create_table/bad_initially_error",
        create_table("t", col("a", INT), constraints=[{"kind": "unique", "columns": ["a"], "initially": "DEFERRED'"}]),
    )


def add_drop_column_cases():
    case("add_column/simple", add_column("t", col("x", STR50, nullable=False, server_default=sd_string("n/a"))))
    case("add_column/schema", add_column("t", col("x", INT), schema="s"))
    case("add_column/schema_dotted", add_column("t", col("x", INT, comment="hi"), schema="db.sch"))
    case("add_column/if_not_exists", add_column("t", col("x", INT), if_not_exists=True))
    case("add_column/comment", add_column("t", col("x", INT, comment="it's"), schema="s"))
    case("add_column/serial_pk", add_column("t", col("id", INT, primary_key=True)))
    case("add_column/inline_pk", add_column("t", col("id", BIGINT, primary_key=True), inline_primary_key=True))
    case(
        "add_column/foreign_key",
        add_column("t", col("o_id", INT, foreign_keys=[{"referent_table": "o", "referent_column": "id", "ondelete": "CASCADE", "name": "fk_o"}]), schema="s"),
    )
    case(
        "add_column/inline_references",
        add_column(
            "t",
            col("o_id", INT, foreign_keys=[{"referent_schema": "s", "referent_table": "o", "referent_column": "id", "ondelete": "CASCADE", "deferrable": True, "match": "SIMPLE"}]),
            inline_references=True,
        ),
    )
    case("add_column/unique", add_column("t", col("x", INT, unique=True)))
    case("add_column/index", add_column("t", col("x", INT, index=True), schema="s"))
    case("add_column/unique_index", add_column("t", col("x", INT, index=True, unique=True)))
    case("add_column/column_check", add_column("t", col("x", INT, checks=[{"sqltext": "x > 0", "name": "ck_x"}])))
    case("add_column/identity", add_column("t", col("x", INT, identity={"always": True, "start": 10})))
    case("add_column/computed", add_column("t", col("x", INT, computed={"sqltext": "a + b", "persisted": True})))
    case(
        "add_column/fk_and_unique_unordered",
        add_column("t", col("x", INT, unique=True, foreign_keys=[{"referent_table": "o", "referent_column": "id"}])),
        ordered=False,
    )
    case(
        "add_column/enum_non_native_check",
        add_column("t", col("x", T("enum", values=["a"], name="ck_x", native_enum=False, create_constraint=True))),
    )
    case("add_column/quoting", add_column("Order", col("Group", INT), schema="Sales"))
    case("drop_column/simple", {"op": "drop_column", "table_name": "t", "column_name": "x"})
    case("drop_column/schema_if_exists", {"op": "drop_column", "table_name": "t", "column_name": "x", "schema": "s", "if_exists": True})
    case("drop_column/quoting", {"op": "drop_column", "table_name": "user", "column_name": "Name", "schema": "a.b"})


def alter_column_cases():
    case("alter_column/nullable_false", alter("t", "c", nullable=False))
    case("alter_column/nullable_true", alter("t", "c", nullable=True, existing_type=INT))
    case("alter_column/server_default_string", alter("t", "c", server_default={"set": sd_string("x'y")}))
    case("alter_column/server_default_text", alter("t", "c", server_default={"set": sd_text("now()")}))
    case("alter_column/server_default_func", alter("t", "c", server_default={"set": sd_func("now")}))
    case("alter_column/server_default_literal", alter("t", "c", server_default={"set": sd_literal(0)}))
    case("alter_column/server_default_false", alter("t", "c", server_default={"set": sd_literal(False)}))
    case("alter_column/server_default_drop", alter("t", "c", server_default="drop", existing_server_default={"set": sd_string("x")}))
    case("alter_column/type_using", alter("t", "c", type=INT, postgresql_using="c::integer", existing_type=STR50))
    case("alter_column/using_without_type_error", alter("t", "c", postgresql_using="c::integer"))
    case("alter_column/rename", alter("t", "c", new_column_name="d"))
    case("alter_column/rename_quoting", alter("User", "Old Name", new_column_name="select", schema="S"))
    case("alter_column/comment_set", alter("t", "c", comment={"set": "it's 100%"}, existing_comment="old"))
    case("alter_column/comment_drop", alter("t", "c", comment="drop"))
    case(
        "alter_column/everything",
        alter(
            "t",
            "c",
            schema="s.x",
            type=T("string", length=100),
            postgresql_using="c::varchar",
            nullable=False,
            server_default={"set": sd_text("'x'")},
            comment={"set": "c"},
            new_column_name="d",
            existing_type=STR50,
            existing_nullable=True,
            existing_server_default={"set": sd_string("y")},
            existing_comment="old",
        ),
    )
    case("alter_column/no_changes", alter("t", "c", existing_type=INT, existing_nullable=False))
    case("alter_column/identity_add", alter("t", "c", server_default={"identity": {"start": 3}}))
    case("alter_column/identity_drop", alter("t", "c", server_default="drop", existing_server_default={"identity": {"start": 3}}))
    case(
        "alter_column/identity_alter",
        alter("t", "c", server_default={"identity": {"start": 3, "always": True}}, existing_server_default={"identity": {"start": 2}}),
    )
    case("alter_column/computed_error", alter("t", "c", server_default={"computed": {"sqltext": "a + 1"}}))
    case("alter_column/computed_drop_error", alter("t", "c", server_default="drop", existing_server_default={"computed": {"sqltext": "a"}}))


def index_cases():
    def ci(name, table, columns, **kw):
        o = {"op": "create_index", "index_name": name, "table_name": table, "columns": [{"column": c} if isinstance(c, str) else c for c in columns]}
        o.update(kw)
        return o

    def di(name, **kw):
        o = {"op": "drop_index", "index_name": name}
        o.update(kw)
        return o

    case("create_index/simple", ci("ix_t_a", "t", ["a"]))
    case("create_index/multi", ci("ix_t_ab", "t", ["a", "b"], schema="s"))
    case("create_index/unique", ci("ux", "t", ["a"], unique=True))
    case("create_index/if_not_exists", ci("ix", "t", ["a"], if_not_exists=True))
    case("create_index/text_expression", ci("ix", "t", [{"text": "lower(name)"}, "b", {"text": "created_at DESC"}]))
    case("create_index/string_is_column_name", ci("ix", "t", ["lower(name)"]))
    case("create_index/where", ci("ix", "t", ["a"], postgresql_where="deleted_at IS NULL AND kind = 'x%'"))
    case("create_index/using", ci("ix", "t", ["doc"], postgresql_using="GIN"))
    case("create_index/using_error", ci("ix", "t", ["doc"], postgresql_using="gin; drop"))
    case("create_index/include", ci("ix", "t", ["a"], postgresql_include=["b", "Order"]))
    case("create_index/concurrently", ci("ix", "t", ["a"], postgresql_concurrently=True))
    case("create_index/ops", ci("ix", "t", ["a", {"text": "lower(b)"}, "c"], postgresql_ops={"a": "text_pattern_ops", "c": "jsonb_path_ops"}))
    case("create_index/nulls_not_distinct", ci("ix", "t", ["a"], unique=True, postgresql_nulls_not_distinct=True))
    case("create_index/nulls_distinct", ci("ix", "t", ["a"], postgresql_nulls_not_distinct=False))
    case("create_index/with", ci("ix", "t", ["a"], postgresql_with={"fillfactor": 50, "deduplicate_items": False, "buffering": "auto", "fastupdate": True}))
    case("create_index/tablespace", ci("ix", "t", ["a"], postgresql_tablespace="Fast Disk"))
    case(
        "create_index/everything",
        ci(
            "ix_all",
            "t",
            ["a", {"text": "lower(b)"}],
            schema="s",
            unique=True,
            if_not_exists=True,
            postgresql_concurrently=True,
            postgresql_using="btree",
            postgresql_include=["c"],
            postgresql_nulls_not_distinct=True,
            postgresql_with={"fillfactor": 70},
            postgresql_tablespace="ts",
            postgresql_where="a > 0",
            postgresql_ops={"a": "int4_ops"},
        ),
    )
    case("create_index/no_name", ci(None, "t", ["a", "b"]))
    case("create_index/no_name_schema", ci(None, "t", ["a"], schema="s.x"))
    case("create_index/no_name_expression", ci(None, "t", [{"text": "lower(a)"}]))
    case("create_index/no_name_quoted", ci(None, "User", ["Name"]))
    case("create_index/name_too_long_error", ci("i" * 64, "t", ["a"]))
    case("create_index/quoting", ci("Ix", "Order", ["Group", "user"], schema="Sch"))
    case("create_index/schema_dotted", ci("ix", "t", ["a"], schema="db.sch"))
    case("create_index/empty_columns", ci("ix", "t", []))
    case("drop_index/simple", di("ix"))
    case("drop_index/table_and_schema", di("ix", table_name="t", schema="s"))
    case("drop_index/if_exists", di("ix", if_exists=True))
    case("drop_index/concurrently", di("ix", postgresql_concurrently=True, if_exists=True, schema="s"))
    case("drop_index/quoting", di("Ix", schema="My Schema"))
    case("drop_index/schema_dotted", di("ix", schema="db.sch"))
    case("drop_index/name_too_long_error", di("i" * 64))


def constraint_cases():
    def uq(name, table, columns, **kw):
        o = {"op": "create_unique_constraint", "constraint_name": name, "table_name": table, "columns": columns}
        o.update(kw)
        return o

    def pk(name, table, columns, **kw):
        o = {"op": "create_primary_key", "constraint_name": name, "table_name": table, "columns": columns}
        o.update(kw)
        return o

    def fk(name, src, ref, local, remote, **kw):
        o = {"op": "create_foreign_key", "constraint_name": name, "source_table": src, "referent_table": ref, "local_cols": local, "remote_cols": remote}
        o.update(kw)
        return o

    def ck(name, table, cond, **kw):
        o = {"op": "create_check_constraint", "constraint_name": name, "table_name": table, "condition": cond}
        o.update(kw)
        return o

    def ex(name, table, elements, **kw):
        o = {"op": "create_exclude_constraint", "constraint_name": name, "table_name": table, "elements": elements}
        o.update(kw)
        return o

    def dc(name, table, **kw):
        o = {"op": "drop_constraint", "constraint_name": name, "table_name": table}
        o.update(kw)
        return o

    case("create_unique_constraint/simple", uq("uq_t_a", "t", ["a"]))
    case("create_unique_constraint/unnamed", uq(None, "t", ["a", "b"]))
    case("create_unique_constraint/schema_deferrable", uq("uq", "t", ["a"], schema="s", deferrable=True, initially="DEFERRED"))
    case("create_unique_constraint/not_deferrable", uq("uq", "t", ["a"], deferrable=False))
    case("create_unique_constraint/nulls_not_distinct", uq("uq", "t", ["a"], postgresql_nulls_not_distinct=True))
    case("create_unique_constraint/include_own_column", uq("uq", "t", ["a", "b"], postgresql_include=["b"]))
    case("create_unique_constraint/include_other_column_error", uq("uq", "t", ["a"], postgresql_include=["b"]))
    case("create_unique_constraint/quoting", uq("Uq", "User", ["Name", "select"], schema="S"))
    case("create_unique_constraint/schema_dotted", uq("uq", "t", ["a"], schema="db.sch"))
    case("create_unique_constraint/name_too_long_error", uq("u" * 64, "t", ["a"]))
    case("create_primary_key/simple", pk("pk_t", "t", ["id"]))
    case("create_primary_key/composite_schema", pk("pk", "t", ["b", "a"], schema="s"))
    case("create_primary_key/unnamed", pk(None, "t", ["id"]))
    case("create_primary_key/quoting", pk("Pk", "Order", ["Id", "user"], schema="db.sch"))
    case("create_foreign_key/simple", fk("fk_t_o", "t", "o", ["o_id"], ["id"]))
    case("create_foreign_key/unnamed", fk(None, "t", "o", ["o_id"], ["id"]))
    case(
        "create_foreign_key/everything",
        fk("fk", "src", "ref", ["a", "b"], ["x", "y"], ondelete="CASCADE", onupdate="SET NULL", deferrable=True, initially="DEFERRED", match="FULL", source_schema="s1", referent_schema="s2"),
    )
    case("create_foreign_key/self_referential", fk("fk", "node", "node", ["parent_id"], ["id"], deferrable=False))
    case("create_foreign_key/self_referential_schema", fk("fk", "node", "node", ["parent_id"], ["id"], source_schema="s", referent_schema="s"))
    case("create_foreign_key/same_name_other_schema", fk("fk", "node", "node", ["parent_id"], ["id"], source_schema="a", referent_schema="b"))
    case("create_foreign_key/not_valid", fk("fk", "t", "o", ["a"], ["id"], postgresql_not_valid=True))
    case("create_foreign_key/quoting", fk("Fk", "Order", "User", ["userId"], ["Id"], source_schema="A", referent_schema="b c"))
    case("create_foreign_key/schema_dotted", fk("fk", "t", "o", ["a"], ["id"], source_schema="db.s1", referent_schema="db.s2"))
    case("create_foreign_key/ondelete_restrict", fk("fk", "t", "o", ["a"], ["id"], ondelete="RESTRICT", onupdate="NO ACTION"))
    case("create_foreign_key/bad_onupdate_error", fk("fk", "t", "o", ["a"], ["id"], onupdate="CASCADE)"))
    case("create_check_constraint/simple", ck("ck_positive", "t", "amount > 0"))
    case("create_check_constraint/percent_and_quote", ck("ck", "t", "name LIKE 'a%' AND kind <> 'it''s'", schema="s"))
    case("create_check_constraint/unnamed", ck(None, "t", "a <> b"))
    case("create_check_constraint/not_valid", ck("ck", "t", "a > 0", postgresql_not_valid=True))
    case("create_check_constraint/deferrable", ck("ck", "t", "a > 0", deferrable=True, initially="IMMEDIATE"))
    case("create_check_constraint/bind_param_renders_null", ck("ck", "t", "a = :x"))
    case("create_check_constraint/escaped_colon", ck("ck", "t", "a = '\\:x' AND b::text = 'y' AND c = '10:30'"))
    case("create_exclude_constraint/simple", ex("ex", "t", [["period", "&&"], ["group", "="]]))
    case(
        "create_exclude_constraint/everything",
        ex("ex", "t", [["room", "="], ["during", "&&"]], where="cancelled = false AND kind <> '%'", using="gist", deferrable=True, initially="DEFERRED", schema="s"),
    )
    case("create_exclude_constraint/unnamed", ex(None, "t", [["a", "="]]))
    case("create_exclude_constraint/using_error", ex("ex", "t", [["a", "="]], using="gist("))
    case("create_exclude_constraint/quoting", ex("Ex", "Order", [["Group", "="]], schema="S"))
    for type_ in ["foreignkey", "primary", "unique", "check", None]:
        case(f"drop_constraint/type_{type_}", dc("c_name", "t", type_=type_))
    case("drop_constraint/schema_if_exists", dc("c", "t", schema="s", if_exists=True))
    case("drop_constraint/bad_type_error", dc("c", "t", type_="exclude"))
    case("drop_constraint/quoting", dc("Uq", "user", schema="A B"))
    case("drop_constraint/schema_dotted", dc("c", "t", schema="db.sch"))
    case("drop_constraint/name_too_long_error", dc("c" * 64, "t"))


def table_level_cases():
    case("drop_table/simple", {"op": "drop_table", "table_name": "t"})
    case("drop_table/schema_if_exists", {"op": "drop_table", "table_name": "t", "schema": "s", "if_exists": True})
    case("drop_table/quoting", {"op": "drop_table", "table_name": "User", "schema": "db.sch"})
    case("rename_table/simple", {"op": "rename_table", "old_table_name": "a", "new_table_name": "b"})
    case("rename_table/schema", {"op": "rename_table", "old_table_name": "a", "new_table_name": "b", "schema": "s"})
    case("rename_table/quoting", {"op": "rename_table", "old_table_name": "Order", "new_table_name": "user", "schema": "db.Sch"})
    case("create_table_comment/simple", {"op": "create_table_comment", "table_name": "t", "comment": "it's 100%", "existing_comment": "old"})
    case("create_table_comment/schema", {"op": "create_table_comment", "table_name": "T", "comment": "c", "schema": "s.x"})
    case("drop_table_comment/simple", {"op": "drop_table_comment", "table_name": "t", "existing_comment": "x"})
    case("drop_table_comment/schema", {"op": "drop_table_comment", "table_name": "t", "schema": "S"})


def execute_cases():
    for name, sql in [
        ("plain", "UPDATE t SET a = 1"),
        ("percent", "UPDATE t SET a = 'x%' WHERE b LIKE '%y'"),
        ("bind_param", "UPDATE t SET a = :value WHERE id = :id"),
        ("escaped_colon", "SELECT '\\:not_a_bind', '10:30', x::text, 'a:b'"),
        ("whitespace", "\n\tSELECT 1\n  "),
        ("multiline", "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n\tRETURN NEW;\nEND;\n$$ LANGUAGE plpgsql"),
        ("unicode", "INSERT INTO t VALUES ('héllo wörld ✓')"),
        ("bind_unicode_name", "SELECT :név"),
        ("colon_after_word", "SELECT a:b, :a:b, :1x"),
    ]:
        case(f"execute/{name}", {"op": "execute", "sqltext": sql})


def bulk_insert_cases():
    table = {
        "name": "t",
        "columns": [
            {"name": "id", "type": INT},
            {"name": "name", "type": STR50},
            {"name": "flag", "type": BOOL},
            {"name": "amount", "type": T("numeric", precision=10, scale=2)},
            {"name": "ratio", "type": T("float")},
            {"name": "born", "type": T("date")},
            {"name": "seen", "type": T("date_time", timezone=True)},
            {"name": "at", "type": T("time")},
            {"name": "uid", "type": T("uuid")},
            {"name": "big", "type": BIGINT},
            {"name": "note", "type": TEXT},
            {"name": "mood", "type": T("enum", values=["ok"], name="mood")},
        ],
    }

    def bi(rows, **kw):
        o = {"op": "bulk_insert", "table": table, "rows": rows}
        o.update(kw)
        return o

    case("bulk_insert/basic", bi([{"id": 1, "name": "a"}, {"id": 2, "name": "it's 100%"}]))
    case("bulk_insert/multiinsert_false", bi([{"id": 1, "name": "a"}, {"id": 2, "name": None}], multiinsert=False))
    case("bulk_insert/column_order_is_table_order", bi([{"name": "x", "flag": True, "id": 3}]))
    case("bulk_insert/empty", bi([]))
    case(
        "bulk_insert/all_types",
        bi(
            [
                {
                    "id": 7,
                    "name": "back\\slash",
                    "flag": False,
                    "amount": {"decimal": "12.50"},
                    "ratio": 0.25,
                    "born": {"date": "1999-12-31"},
                    "seen": {"date_time": "2020-01-02T03:04:05.000006+00:00"},
                    "at": {"time": "13:14:15"},
                    "uid": {"uuid": "12345678-1234-5678-1234-567812345678"},
                    "big": 9007199254740993,
                    "note": "line\nbreak",
                    "mood": "ok",
                }
            ]
        ),
    )
    case("bulk_insert/naive_datetime", bi([{"seen": {"date_time": "2020-01-02T03:04:05"}}]))
    case(
        "bulk_insert/floats",
        bi([{"ratio": x} for x in [1.0, 0.1, 1e16, 1e15, 1e-5, 0.0001, -0.0, 123456789.123, 1.5e300, 2.5e-300]] + [{"ratio": 3}, {"amount": 2}, {"amount": 1.5}]),
    )
    case("bulk_insert/decimals", bi([{"amount": {"decimal": s}} for s in ["1E+3", "-0.00", "3.14159265358979323846"]]))
    case("bulk_insert/nulls", bi([{"id": None, "name": None, "flag": None, "born": None}]))
    case("bulk_insert/bool_as_int_column", bi([{"id": True}]))
    case("bulk_insert/schema", {"op": "bulk_insert", "table": {"name": "User", "schema": "s", "columns": [{"name": "Id", "type": INT}]}, "rows": [{"Id": 1}]})
    case("bulk_insert/unknown_column_error", bi([{"nope": 1}]))
    case("bulk_insert/string_for_integer_error", bi([{"id": "x"}]))
    case("bulk_insert/json_error", {"op": "bulk_insert", "table": {"name": "t", "columns": [{"name": "j", "type": T("jsonb")}]}, "rows": [{"j": {"uuid": "12345678-1234-5678-1234-567812345678"}}]})


def quoting_cases():
    names = [
        "plain", "user", "User", "USER", "1abc", "a b", 'a"b', "a%b", "select", "order", "_x", "$x", "x$",
        "café", "\u017f", "\u212a", "\u0131", "\u0130", "a-b", "ab.c", "analyse", "primary", "name", "type", "value",
        "limit", "Abc_1", "current_user", "all", "check", "colUMN", "x9", "9", "\u00e9t\u00e9",
    ]
    for n in names:
        case(f"quoting/rename_table/{n}", {"op": "rename_table", "old_table_name": n, "new_table_name": n, "schema": n})
    case("quoting/empty_names", {"op": "rename_table", "old_table_name": "", "new_table_name": "", "schema": ""})
    case("quoting/collation", add_column("t", col("c", T("string", collation="de-DE-x-icu"))))


def edge_cases():
    case("edge/string_length_zero", add_column("t", col("c", T("string", length=0))))
    case("edge/float_precision_zero", add_column("t", col("c", T("float", precision=0))))
    case("edge/numeric_scale_without_precision", add_column("t", col("c", T("numeric", scale=2))))
    case("edge/array_of_custom", add_column("t", col("c", T("array", item_type=T("custom", sql="ltree")))))
    case("edge/array_dimensions_zero", add_column("t", col("c", T("array", item_type=INT, dimensions=0))))
    case("edge/enum_no_values_native", create_table("t", col("c", T("enum", values=[], name="empty"))))
    case("edge/enum_no_values_non_native", add_column("t", col("c", T("enum", values=[], native_enum=False))))
    case("edge/enum_unicode_length", add_column("t", col("c", T("enum", values=["é", "ñññ"], native_enum=False))))
    case("edge/enum_schema_table_schema", create_table("t", col("c", T("enum", values=["a"], name="e")), schema="s"))
    case("edge/tab_in_default_text", add_column("t", col("c", TEXT, server_default=sd_text("'a\tb'"))))
    case("edge/tab_in_comment", add_column("t", col("c", TEXT, comment="a\tb\nc")))
    case("edge/percent_in_computed", add_column("t", col("c", TEXT, computed={"sqltext": "a || '%'"})))
    case("edge/constraint_name_63_non_ascii", create_table("t", col("a", INT), constraints=[{"kind": "unique", "name": "é" * 63, "columns": ["a"]}]))
    case("edge/constraint_name_64_non_ascii_error", create_table("t", col("a", INT), constraints=[{"kind": "unique", "name": "é" * 64, "columns": ["a"]}]))
    case("edge/table_name_long_is_fine", {"op": "drop_table", "table_name": "t" * 80})
    case(
        "edge/explicit_pk_and_column_flags",
        create_table("t", col("a", INT, primary_key=True), col("b", INT, primary_key=True), col("c", INT), constraints=[{"kind": "primary_key", "name": "pk", "columns": ["c"]}]),
    )
    case(
        "edge/identity_alter_options",
        alter(
            "t",
            "c",
            server_default={"identity": {"always": False, "cycle": True, "nominvalue": True, "increment": 5, "cache": 3, "maxvalue": 99, "minvalue": 2, "nomaxvalue": False}},
            existing_server_default={"identity": {"always": True, "increment": 5}},
        ),
    )
    case(
        "edge/identity_alter_nothing_changes",
        alter("t", "c", server_default={"identity": {"start": 1}}, existing_server_default={"identity": {"start": 1}}),
    )
    case("edge/bulk_insert_empty_row", {"op": "bulk_insert", "table": {"name": "t", "columns": [{"name": "a", "type": INT}]}, "rows": [{}, {"a": 1}]})
    case("edge/index_text_percent_and_bind", {"op": "create_index", "index_name": "ix", "table_name": "t", "columns": [{"text": "(data->>'%k')"}, {"text": "coalesce(a, :x)"}]})
    case("edge/index_ops_on_text_ignored", {"op": "create_index", "index_name": "ix", "table_name": "t", "columns": [{"text": "lower(a)"}], "postgresql_ops": {"lower(a)": "text_pattern_ops"}})
    case("edge/server_default_empty_string", add_column("t", col("c", TEXT, server_default=sd_string(""))))
    case("edge/server_default_literal_decimal", add_column("t", col("c", T("numeric"), server_default=sd_literal({"decimal": "1.50"}))))
    case("edge/server_default_literal_date", add_column("t", col("c", T("date"), server_default=sd_literal({"date": "2020-01-02"}))))
    case("edge/server_default_literal_datetime", add_column("t", col("c", T("date_time"), server_default=sd_literal({"date_time": "2020-01-02T03:04:05"}))))
    case("edge/inline_references_two_fks", add_column("t", col("c", INT, foreign_keys=[{"referent_table": "a", "referent_column": "id"}, {"referent_table": "b", "referent_column": "id"}]), inline_references=True), ordered=False)
    case("edge/inline_pk_not_primary", add_column("t", col("c", INT), inline_primary_key=True))
    case("edge/drop_index_table_without_schema", {"op": "drop_index", "index_name": "ix", "table_name": "t"})
    case("edge/rename_table_new_name_quoted", {"op": "rename_table", "old_table_name": "a", "new_table_name": "New", "schema": "s"})
    case("edge/unique_include_with_nulls", {"op": "create_unique_constraint", "constraint_name": "u", "table_name": "t", "columns": ["a", "b"], "postgresql_include": ["b"], "postgresql_nulls_not_distinct": False, "deferrable": True})
    case("edge/check_deferrable_false_initially", {"op": "create_check_constraint", "constraint_name": "c", "table_name": "t", "condition": "a > 0", "deferrable": False, "initially": "DEFERRED"})
    case("edge/fk_match_error", {"op": "create_foreign_key", "constraint_name": "f", "source_table": "t", "referent_table": "o", "local_cols": ["a"], "remote_cols": ["id"], "match": "FULL;"})
    case("edge/initially_trailing_newline", {"op": "create_check_constraint", "constraint_name": "c", "table_name": "t", "condition": "a > 0", "initially": "DEFERRED\n"})


def conv_name_cases():
    long = "ix_" + "abcdefghij" * 7
    case("op_f/short_is_plain", {"op": "create_index", "index_name": {"conv": "ix_t_a"}, "table_name": "t", "columns": [{"column": "a"}]})
    case("op_f/long_index_truncated", {"op": "create_index", "index_name": {"conv": long}, "table_name": "t", "columns": [{"column": "a"}]})
    case("op_f/long_drop_index_truncated", {"op": "drop_index", "index_name": {"conv": "Ab" * 40}, "schema": "s"})
    case("op_f/long_drop_constraint_non_ascii", {"op": "drop_constraint", "constraint_name": {"conv": "é" * 70}, "table_name": "t"})
    case("op_f/long_plain_error", {"op": "drop_constraint", "constraint_name": "é" * 70, "table_name": "t"})
    case(
        "op_f/create_table_constraints",
        create_table(
            "t",
            col("id", INT),
            col("o_id", INT, foreign_keys=[{"referent_table": "o", "referent_column": "id", "name": {"conv": "fk_t_o_id_o_" + "x" * 60}}]),
            col("v", INT, checks=[{"sqltext": "v > 0", "name": {"conv": "ck_t_v"}}]),
            constraints=[
                {"kind": "primary_key", "name": {"conv": "pk_t"}, "columns": ["id"]},
                {"kind": "unique", "name": {"conv": "uq_t_" + "v" * 70}, "columns": ["v"]},
                {"kind": "check", "name": {"conv": "ck_t_id"}, "sqltext": "id > 0"},
            ],
        ),
    )
    case("op_f/create_foreign_key", {"op": "create_foreign_key", "constraint_name": {"conv": "fk_" + "y" * 70}, "source_table": "t", "referent_table": "o", "local_cols": ["a"], "remote_cols": ["id"]})
    case("op_f/create_unique_constraint", {"op": "create_unique_constraint", "constraint_name": {"conv": "uq_t_a"}, "table_name": "t", "columns": ["a"]})
    case("op_f/create_primary_key", {"op": "create_primary_key", "constraint_name": {"conv": "pk_" + "Z" * 70}, "table_name": "t", "columns": ["id"]})
    case("op_f/create_check_constraint", {"op": "create_check_constraint", "constraint_name": {"conv": "ck_t_a"}, "table_name": "t", "condition": "a > 0"})
    case("index_name/default_long_truncated", {"op": "create_index", "index_name": None, "table_name": "averyveryveryverylongtablename" + "e" * 30, "columns": [{"column": "acolumnname"}]})
    case("index_name/column_index_long_truncated", add_column("t" * 40, col("c" * 40, INT, index=True)))


def unsupported_cases():
    # Valid for Alembic; the Rust compiler must refuse them by name rather than emit less.
    case(
        "unsupported/create_index_other_option",
        {"op": "create_index", "index_name": "ix", "table_name": "t", "columns": [{"column": "a"}], "other_options": {"postgresql_foo": 1}},
        unsupported="postgresql_foo",
    )
    case(
        "unsupported/create_table_other_option",
        {"op": "create_table", "table_name": "t", "columns": [col("a", INT)], "other_options": {"postgresql_partition_by": "RANGE (a)"}},
        unsupported="postgresql_partition_by",
    )
    case(
        "unsupported/server_default_function_unknown_registry",
        alter("t", "c", server_default={"set": sd_func("count")}),
        unsupported="count",
    )
    case(
        "unsupported/bulk_insert_str_for_integer",
        {"op": "bulk_insert", "table": {"name": "t", "columns": [{"name": "i", "type": INT}]}, "rows": [{"i": "5"}]},
        unsupported="a str value for a column of type INTEGER",
    )
    case(
        "unsupported/alter_column_other_option",
        alter("t", "c", nullable=False, other_options={"postgresql_frobnicate": "x"}),
        unsupported="postgresql_frobnicate",
    )


def function_cases():
    for name in ["now", "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "current_user",
                 "session_user", "user", "sysdate", "random", "gen_random_uuid", "uuid_generate_v4", "clock_timestamp",
                 "NOW", "Current_Timestamp", "statement_timestamp", "pow", "CamelCase"]:
        case(f"server_default_function/{name}", alter("t", "c", server_default={"set": sd_func(name)}))


def naming_convention_cases():
    """target_metadata with a naming_convention: Alembic's op tables carry it."""
    full = {
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
    tokens = {
        "ix": "ix_%(table_name)s_%(column_0N_name)s",
        "uq": "uq_%(column_0_key)s_%(column_0_label)s_%(column_1_name)s",
        "ck": "ck_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(column_0_N_name)s__%(referred_column_0N_name)s",
        "pk": "pk_%(table_name).6s_%(column_0N_name)s",
    }
    fk_o = {"referent_table": "o", "referent_column": "id"}
    enum_named = T("enum", values=["a", "b"], name="mood", native_enum=False, create_constraint=True)
    enum_unnamed = T("enum", values=["a", "b"], native_enum=False, create_constraint=True)

    def nc(name, *ops, convention=full, **kw):
        case("naming/" + name, *ops, naming_convention=convention, **kw)

    nc(
        "create_table_every_kind",
        create_table(
            "child",
            col("id", INT, primary_key=True),
            col("code", STR50, unique=True),
            col("pid", INT, foreign_keys=[fk_o]),
            col("n", INT, index=True),
            col("e", enum_named),
            col("price", INT, checks=[{"sqltext": "price > 0", "name": "price"}]),
            constraints=[
                {"kind": "check", "sqltext": "n > 0", "name": "positive"},
                {"kind": "unique", "columns": ["n", "code"]},
                {"kind": "foreign_key", "columns": ["n"], "referent_table": "p", "referent_columns": ["x"]},
                {"kind": "unique", "columns": ["pid"], "name": "named_uq"},
                {"kind": "unique", "columns": ["price"], "name": {"conv": "conv_uq"}},
            ],
            schema="s",
        ),
    )
    nc("create_table_unnamed_check_error", create_table("t", col("id", INT), constraints=[{"kind": "check", "sqltext": "id > 0"}]))
    nc("create_table_unnamed_enum_check_error", create_table("t", col("e", enum_unnamed)))
    nc("create_table_unnamed_column_check_error", create_table("t", col("e", INT, checks=[{"sqltext": "e > 0"}])))
    nc(
        "create_table_tokens",
        create_table(
            "measurements",
            col("a", INT, primary_key=True),
            col("b", INT, primary_key=True),
            col("c", INT, unique=True),
            col("e", enum_unnamed),
            col("f", enum_named),
            constraints=[
                {"kind": "unique", "columns": ["b", "c"]},
                {"kind": "check", "sqltext": "a > 0"},
                {"kind": "foreign_key", "columns": ["a", "b"], "referent_table": "o", "referent_columns": ["x", "y"], "referent_schema": "r"},
            ],
            schema="sch.x",
        ),
        convention={k: v for k, v in tokens.items() if k != "fk"},
    )
    nc("create_table_referred_column_error", create_table("t", col("a", INT, foreign_keys=[fk_o])), convention=tokens)
    nc(
        "create_table_referred_column_table_level_error",
        create_table("t", col("a", INT), constraints=[{"kind": "foreign_key", "columns": ["a"], "referent_schema": "s", "referent_table": "o", "referent_columns": ["x"]}]),
        convention=tokens,
    )
    nc(
        "create_table_use_alter_named_error",
        create_table("t", col("a", INT, foreign_keys=[dict(fk_o, use_alter=True)])),
        convention=tokens,
    )
    nc(
        "create_table_use_alter_table_level_named_error",
        create_table("t", col("a", INT), constraints=[{"kind": "foreign_key", "columns": ["a"], "referent_table": "o", "referent_columns": ["x"], "use_alter": True}]),
        convention=tokens,
    )
    nc("create_table_use_alter_not_rendered", create_table("t", col("a", INT, foreign_keys=[dict(fk_o, use_alter=True)])))
    nc("add_column_referred_column_error", add_column("t", col("a", INT, foreign_keys=[fk_o])), convention=tokens)
    nc("add_column_every_kind", add_column("t", col("a", INT, foreign_keys=[fk_o], index=True, checks=[{"sqltext": "a > 1", "name": "cc"}]), schema="s"))
    nc("add_column_unique", add_column("t", col("a", INT, unique=True)), convention=tokens)
    nc(
        "create_table_long_names_truncated",
        create_table(
            "measurement_readings_for_sensor_calibration",
            col("reading_identifier", BIGINT, primary_key=True),
            col("calibration_reference_code", STR50, unique=True),
            col("calibration_sensor_identifier", INT, index=True),
            schema="public",
        ),
    )
    nc("create_table_empty_convention_is_default", create_table("t", col("a", INT, index=True, unique=True)), convention={})
    nc("create_table_no_ix_assertion", create_table("t", col("a", INT, index=True)), convention={"uq": "uq_%(table_name)s"})
    nc("create_index_no_ix_assertion", {"op": "create_index", "index_name": None, "table_name": "t", "columns": [{"column": "a"}]}, convention={"uq": "uq_%(table_name)s"})
    for kind, convention in (("pk", full), ("tokens", tokens)):
        nc(
            f"constraint_ops_none_{kind}",
            {"op": "create_unique_constraint", "constraint_name": None, "table_name": "t", "columns": ["a", "b"], "schema": "s"},
            {"op": "create_primary_key", "constraint_name": None, "table_name": "t", "columns": ["a", "b"]},
            {"op": "create_foreign_key", "constraint_name": None, "source_table": "t", "referent_table": "o", "local_cols": ["a", "b"], "remote_cols": ["x", "y"], "source_schema": "ss", "referent_schema": "rs"},
            {"op": "create_check_constraint", "constraint_name": "positive", "table_name": "t", "condition": "a > 0"},
            {"op": "create_index", "index_name": None, "table_name": "t", "columns": [{"column": "a"}, {"text": "lower(b)"}], "schema": "x.y"},
            {"op": "create_index", "index_name": "named_ix", "table_name": "t", "columns": [{"column": "a"}]},
            {"op": "create_index", "index_name": {"conv": "conv_ix"}, "table_name": "t", "columns": [{"column": "a"}]},
            convention=convention,
        )
    renaming = {k: f"{k}_%(table_name)s_%(constraint_name)s" for k in ("ix", "uq", "ck", "fk")}
    nc(
        "constraint_name_renames_named",
        {"op": "create_unique_constraint", "constraint_name": "a_key", "table_name": "t", "columns": ["a"]},
        {"op": "create_foreign_key", "constraint_name": "a_fk", "source_table": "t", "referent_table": "o", "local_cols": ["a"], "remote_cols": ["x"]},
        {"op": "create_index", "index_name": "a_idx", "table_name": "t", "columns": [{"column": "a"}]},
        {"op": "drop_index", "index_name": "a_idx", "table_name": "t"},
        {"op": "drop_index", "index_name": "a_idx"},
        {"op": "drop_index", "index_name": {"conv": "a_idx"}, "table_name": "t"},
        {"op": "drop_constraint", "constraint_name": "x", "table_name": "t", "type_": "unique"},
        {"op": "drop_constraint", "constraint_name": "x", "table_name": "t", "type_": "check"},
        {"op": "drop_constraint", "constraint_name": "x", "table_name": "t", "type_": "foreignkey"},
        {"op": "drop_constraint", "constraint_name": "x", "table_name": "t", "type_": "primary"},
        {"op": "drop_constraint", "constraint_name": "x", "table_name": "t"},
        {"op": "drop_constraint", "constraint_name": {"conv": "x"}, "table_name": "t", "type_": "unique"},
        convention=renaming,
    )
    pk_name = {"pk": "pk_%(constraint_name)s"}
    nc("pk_constraint_name_create_table_error", create_table("t", col("a", INT, primary_key=True)), convention=pk_name)
    nc("pk_constraint_name_create_table_named_error", create_table("t", col("a", INT), constraints=[{"kind": "primary_key", "columns": ["a"], "name": "mypk"}]), convention=pk_name)
    nc("pk_constraint_name_drop_table_error", {"op": "drop_table", "table_name": "t"}, convention=pk_name)
    nc("pk_constraint_name_create_index_error", {"op": "create_index", "index_name": "x", "table_name": "t", "columns": [{"column": "a"}]}, convention=pk_name)
    nc("pk_constraint_name_unique_error", {"op": "create_unique_constraint", "constraint_name": "x", "table_name": "t", "columns": ["a"]}, convention=pk_name)
    nc("pk_constraint_name_drop_column_ok", {"op": "drop_column", "table_name": "t", "column_name": "x"}, convention=pk_name)
    nc("unknown_token_key_error", {"op": "create_unique_constraint", "constraint_name": None, "table_name": "t", "columns": ["a"]}, convention={"uq": "uq_%(column_0_nam)s"})
    nc("unknown_token_multiple_key_error", {"op": "create_unique_constraint", "constraint_name": None, "table_name": "t", "columns": ["a"]}, convention={"uq": "uq_%(column_0N_nam)s"})
    nc("unknown_pk_token_create_table_error", create_table("t", col("a", INT)), convention={"pk": "pk_%(foo)s"})
    nc(
        "format_specs",
        {"op": "create_unique_constraint", "constraint_name": None, "table_name": "tablename", "columns": ["a"]},
        convention={"uq": "uq_%(table_name).3s_%(column_0_name)-5s|100%%_%(column_0_name)4s"},
    )
    nc("column_index_beyond_columns_is_empty", {"op": "create_unique_constraint", "constraint_name": None, "table_name": "t", "columns": ["a"]}, convention={"uq": "uq_%(column_3_name)s_%(column_0_name)s"})
    nc(
        "alter_column_enum_check",
        alter("t", "c", type=enum_unnamed, existing_type=T("enum", values=["x"], native_enum=False, create_constraint=True)),
        convention={"ck": "ck_%(table_name)s_%(column_0_name)s"},
    )
    nc("alter_column_enum_check_constraint_name_error", alter("t", "c", type=enum_unnamed, existing_type=BOOL), convention=full)


def main():
    type_cases()
    create_table_cases()
    add_drop_column_cases()
    alter_column_cases()
    index_cases()
    constraint_cases()
    table_level_cases()
    execute_cases()
    bulk_insert_cases()
    quoting_cases()
    function_cases()
    edge_cases()
    conv_name_cases()
    naming_convention_cases()
    unsupported_cases()

    out = []
    seen = set()
    for c in CASES:
        assert c["name"] not in seen, c["name"]
        seen.add(c["name"])
        try:
            sources, expected, caught = run_ops(c["ops"], c["naming_convention"])
        except Exception as e:  # building the Python objects failed: a generator bug
            raise RuntimeError(f"case {c['name']}: {e}") from e
        entry = {
            "name": c["name"],
            "python": [s.src for s in sources],
            "ops": c["ops"],
            "ordered": c["ordered"],
        }
        if c["naming_convention"] is not None:
            entry["naming_convention"] = c["naming_convention"]
        if "error" in expected:
            # object addresses in reprs differ between runs
            expected["error"] = re.sub(r"0x[0-9a-f]+", "0x...", expected["error"])
        elif not c["ordered"]:
            # set iteration order: keep the fixture stable, the test compares multisets
            expected = {"statements": sorted(expected["statements"]), "offline": None}
        entry.update(expected)
        if c["unsupported"]:
            entry["unsupported"] = c["unsupported"]
        out.append(entry)

    doc = {
        "generator": "tests/oracle/gen_ddl_cases.py",
        "alembic": __import__("alembic").__version__,
        "sqlalchemy": sa.__version__,
        "reserved_words": sorted(RESERVED_WORDS),
        "ischema_names": sorted(pg.dialect.ischema_names),
        "cases": out,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    errors = sum(1 for e in out if "error" in e)
    print(f"wrote {len(out)} cases ({errors} expected errors) to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
