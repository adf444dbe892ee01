"""Options SQLAlchemy accepts run as Alembic runs them (issue 8, item 7).

Where alembic-rs's native compiler does not model something SQLAlchemy accepts, the
operation is compiled by SQLAlchemy as Alembic compiles it (python/alembic/operations/
_sqla.py); only what Alembic itself refuses is refused, with Alembic's error.

- `test_every_postgresql_keyword`: every `postgresql_*` keyword SQLAlchemy's PostgreSQL
  dialect declares for `Table`, `Index` and the constraints (read from the dialect's
  `construct_arguments` in the oracle's interpreter), one op each, offline and online
  (upgrade then downgrade), static and `ALEMBIC_RS_NO_STATIC=1`, against real Alembic.
- `test_named_case`: the cases of the issue, and siblings found in to_op.py's refusals and
  the native compiler's `DdlError::Unsupported` list.
"""

from __future__ import annotations

import json
import subprocess

import op_diff
import oracle
import pytest
from op_diff import Case

pytestmark = pytest.mark.usefixtures("oracle_venv", "ours_alembic")


def _declared_keywords() -> set[str]:
    """`construct:keyword` for every PostgreSQL dialect keyword of Table, Index and the
    constraints, as the oracle's SQLAlchemy declares them."""
    code = (
        "import json\n"
        "from sqlalchemy.dialects.postgresql.base import PGDialect\n"
        "out = []\n"
        "for cls, args in PGDialect.construct_arguments:\n"
        "    name = getattr(cls, '__name__', str(cls))\n"
        "    if name == 'CreateView':\n"
        "        continue\n"
        "    out += [f'{name}:{k}' for k in args]\n"
        "print(json.dumps(out))\n"
    )
    out = subprocess.run(
        [str(oracle.oracle_bin() / "python"), "-c", code],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(json.loads(out))


# one op per keyword, on the tables BASE creates; each is valid for PostgreSQL 15 (the
# keywords Alembic / PostgreSQL reject are in ERRORS)
BASE = """
op.create_table("t", sa.Column("id", sa.Integer, nullable=False), sa.Column("a", sa.Integer),
                sa.Column("b", sa.Integer), sa.Column("d", sa.Date))
op.create_table("parent", sa.Column("id", sa.Integer, primary_key=True))
"""
BASE_DOWN = """
op.drop_table("parent")
op.drop_table("t")
"""

KEYWORDS = {
    "Index:using": 'op.create_index("ix_using", "t", ["a"], postgresql_using="hash")',
    "Index:include": 'op.create_index("ix_include", "t", ["a"], postgresql_include=["b"])',
    "Index:where": 'op.create_index("ix_where", "t", ["a"], postgresql_where=sa.text("a > 0"))',
    "Index:ops": 'op.create_index("ix_ops", "t", ["a"], postgresql_ops={"a": "int4_ops"})',
    "Index:concurrently": (
        "with op.get_context().autocommit_block():\n"
        '    op.create_index("ix_conc", "t", ["b"], postgresql_concurrently=True)'
    ),
    "Index:with": 'op.create_index("ix_with", "t", ["a"], postgresql_with={"fillfactor": 50})',
    "Index:tablespace": (
        'op.create_index("ix_ts", "t", ["a"], postgresql_tablespace="pg_default")'
    ),
    # reflection-only: SQLAlchemy accepts it and renders nothing
    "Index:invalid": 'op.create_index("ix_invalid", "t", ["a"], postgresql_invalid=True)',
    "Index:nulls_not_distinct": (
        'op.create_index("ix_nnd", "t", ["a"], unique=True, postgresql_nulls_not_distinct=True)'
    ),
    "Table:ignore_search_path": (
        'op.create_table("k_isp", sa.Column("id", sa.Integer), postgresql_ignore_search_path=True)'
    ),
    "Table:tablespace": (
        'op.create_table("k_ts", sa.Column("id", sa.Integer), postgresql_tablespace="pg_default")'
    ),
    "Table:partition_by": (
        'op.create_table("k_part", sa.Column("id", sa.Integer), sa.Column("d", sa.Date),\n'
        '                postgresql_partition_by="RANGE (d)")'
    ),
    "Table:with_oids": (
        'op.create_table("k_oids", sa.Column("id", sa.Integer), postgresql_with_oids=False)'
    ),
    "Table:with": (
        'op.create_table("k_with", sa.Column("id", sa.Integer), postgresql_with={"fillfactor": 70})'
    ),
    "Table:on_commit": (
        'op.create_table("k_tmp", sa.Column("id", sa.Integer), prefixes=["TEMPORARY"],\n'
        '                postgresql_on_commit="DROP")'
    ),
    "Table:inherits": (
        'op.create_table("k_inh", sa.Column("x", sa.Integer), postgresql_inherits="parent")'
    ),
    "Table:using": (
        'op.create_table("k_using", sa.Column("id", sa.Integer), postgresql_using="heap")'
    ),
    "CheckConstraint:not_valid": (
        'op.create_check_constraint("ck_nv", "t", "a > 0", postgresql_not_valid=True)'
    ),
    "ForeignKeyConstraint:not_valid": (
        'op.create_foreign_key("fk_nv", "t", "parent", ["a"], ["id"], postgresql_not_valid=True)'
    ),
    # op.create_primary_key takes no dialect keywords (Alembic: TypeError)
    "PrimaryKeyConstraint:include": (
        'op.create_table("k_pk", sa.Column("id", sa.Integer), sa.Column("b", sa.Integer),\n'
        '                sa.PrimaryKeyConstraint("id", postgresql_include=["b"]))'
    ),
    # SQLAlchemy's KeyError: Alembic's table holds the constraint's columns only
    "UniqueConstraint:include": (
        'op.create_unique_constraint("uq_inc", "t", ["a"], postgresql_include=["b"])'
    ),
    "UniqueConstraint:nulls_not_distinct": (
        'op.create_unique_constraint("uq_nnd", "t", ["b"], postgresql_nulls_not_distinct=True)'
    ),
}

# the same keywords inside op.create_table (table-level constraints and indexes)
IN_CREATE_TABLE = """
op.create_table(
    "k_inline",
    sa.Column("id", sa.Integer, nullable=False),
    sa.Column("a", sa.Integer),
    sa.Column("b", sa.Integer),
    sa.PrimaryKeyConstraint("id", postgresql_include=["b"]),
    sa.UniqueConstraint("a", postgresql_include=["b"]),
    sa.UniqueConstraint("b", postgresql_nulls_not_distinct=True),
    sa.CheckConstraint("a > 0", name="ck_inline"),
    sa.ForeignKeyConstraint(["a"], ["parent.id"], name="fk_inline"),
    sa.Index("ix_inline", "a", postgresql_using="hash", postgresql_with={"fillfactor": 60}),
    postgresql_with={"fillfactor": 80},
)
"""

# keywords Alembic / SQLAlchemy / PostgreSQL reject: the same error from both tools
ERRORS = {
    "concurrently in a transaction": (
        'op.create_index("ix_conc_tx", "t", ["a"], postgresql_concurrently=True)'
    ),
    "CheckConstraint:not_valid in create_table": (
        'op.create_table("k_ckt", sa.Column("a", sa.Integer),\n'
        '                sa.CheckConstraint("a > 0", postgresql_not_valid=True))'
    ),
    "ForeignKey(postgresql_ignore_search_path=)": (
        'op.add_column("t", sa.Column("ref", sa.Integer,\n'
        '              sa.ForeignKey("parent.id", postgresql_ignore_search_path=True)))'
    ),
    "unknown postgresql_ keyword": (
        'op.create_table("k_unknown", sa.Column("id", sa.Integer), postgresql_nonsense=1)'
    ),
}


def test_keyword_list_is_the_dialects() -> None:
    """KEYWORDS covers exactly what the dialect declares."""
    assert set(KEYWORDS) == _declared_keywords()


def _compare(case: Case, tmp_path, pg_server: str) -> None:
    report = op_diff.compare(case, tmp_path, pg_server)
    if report:
        pytest.fail(report, pytrace=False)


@pytest.mark.parametrize("keyword", sorted(KEYWORDS))
def test_every_postgresql_keyword(keyword: str, tmp_path, pg_server: str) -> None:
    _compare(Case(BASE + KEYWORDS[keyword], BASE_DOWN), tmp_path, pg_server)


def test_keywords_in_create_table(tmp_path, pg_server: str) -> None:
    _compare(
        Case(BASE + IN_CREATE_TABLE, 'op.drop_table("k_inline")\n' + BASE_DOWN),
        tmp_path,
        pg_server,
    )


@pytest.mark.parametrize("keyword", sorted(ERRORS))
def test_rejected_keyword(keyword: str, tmp_path, pg_server: str) -> None:
    _compare(Case(BASE + ERRORS[keyword], BASE_DOWN), tmp_path, pg_server)


BARE_TYPE = """
class Bare(sa.types.TypeEngine):
    pass
"""

NAMED = {
    "prefixes_unlogged": Case(
        'op.create_table("u", sa.Column("id", sa.Integer), prefixes=["UNLOGGED"])',
        'op.drop_table("u")',
    ),
    "quoted_name_schema": Case(
        "op.execute('CREATE SCHEMA \"Sch\"')\n"
        'op.create_table("q", sa.Column("id", sa.Integer), sa.Column("v", sa.Integer),\n'
        '                schema=sa.sql.quoted_name("Sch", quote=True))\n'
        'op.add_column("q", sa.Column("w", sa.Integer), schema=sa.sql.quoted_name("Sch", True))\n'
        'op.create_index("ix_q", "q", ["v"], schema=sa.sql.quoted_name("Sch", quote=True))',
        'op.drop_index("ix_q", "q", schema=sa.sql.quoted_name("Sch", quote=True))\n'
        'op.drop_table("q", schema=sa.sql.quoted_name("Sch", quote=True))\n'
        "op.execute('DROP SCHEMA \"Sch\"')",
    ),
    "drop_column_existing_type": Case(
        'op.create_table("dc", sa.Column("id", sa.Integer), sa.Column("x", sa.String(5)))\n'
        'op.drop_column("dc", "x", existing_type=sa.String(5))',
        'op.drop_table("dc")',
    ),
    "bulk_insert_inline_literal_bare_type": Case(
        'op.create_table("bt", sa.Column("v", sa.Text), sa.Column("n", sa.Integer))\n'
        'op.bulk_insert(sa.table("bt", sa.column("v", Bare()), sa.column("n", sa.Integer)),\n'
        '               [{"v": op.inline_literal("x"), "n": 1}])',
        'op.drop_table("bt")',
        BARE_TYPE,
    ),
    "bulk_insert_bare_type_plain_value": Case(
        'op.create_table("bt", sa.Column("v", sa.Text))\n'
        'op.bulk_insert(sa.table("bt", sa.column("v", Bare())), [{"v": "x"}])',
        'op.drop_table("bt")',
        BARE_TYPE,
    ),
    "bulk_insert_big_int": Case(
        'op.create_table("bi", sa.Column("v", sa.Numeric(30)))\n'
        'op.bulk_insert(sa.table("bi", sa.column("v", sa.Numeric(30))), [{"v": 2**70}])',
        'op.drop_table("bi")',
    ),
    "identity_order_on_null": Case(
        'op.create_table("idt", sa.Column("id", sa.Integer, sa.Identity(start=3, cycle=True,\n'
        "                 cache=5, order=True, on_null=True)))",
        'op.drop_table("idt")',
    ),
    "enum_collation": Case(
        'op.create_table("ec", sa.Column("e", sa.Enum("a", "b", name="ec_e", collation="C")))',
        'op.drop_table("ec")\nop.execute("DROP TYPE ec_e")',
    ),
    "several_primary_keys": Case(
        'op.create_table("pk2", sa.Column("a", sa.Integer), sa.Column("b", sa.Integer),\n'
        '                sa.PrimaryKeyConstraint("a"), sa.PrimaryKeyConstraint("b"))',
        'op.drop_table("pk2")',
    ),
    "fk_dialect_options": Case(
        'op.create_table("p1", sa.Column("id", sa.Integer, primary_key=True))\n'
        'op.create_table("c1", sa.Column("pid", sa.Integer,\n'
        '                sa.ForeignKey("p1.id", match="FULL", deferrable=True,\n'
        '                              initially="DEFERRED")))',
        'op.drop_table("c1")\nop.drop_table("p1")',
    ),
    "exclude_ops_in_create_table": Case(
        'op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")\n'
        "from sqlalchemy.dialects.postgresql import ExcludeConstraint\n"
        'op.create_table("ex", sa.Column("r", sa.Integer),\n'
        '                ExcludeConstraint(("r", "="), name="ex_r", ops={"r": "gist_int4_ops"},\n'
        '                                  using="gist"))',
        'op.drop_table("ex")',
    ),
    "server_default_literal_list": Case(
        'op.create_table("sl", sa.Column("v", sa.ARRAY(sa.Integer),\n'
        "                server_default=sa.literal([1, 2], sa.ARRAY(sa.Integer))))",
        'op.drop_table("sl")',
    ),
    "domain_type": Case(
        "from sqlalchemy.dialects.postgresql import DOMAIN\n"
        'op.create_table("dm", sa.Column("v", DOMAIN("posint", sa.Integer, check="VALUE > 0")))',
        'op.drop_table("dm")\nop.execute("DROP DOMAIN posint")',
    ),
    "array_of_nulltype": Case(
        'op.create_table("an", sa.Column("v", sa.ARRAY(sa.types.NullType())))',
        'op.drop_table("an")',
    ),
    "add_column_fk_use_alter": Case(
        'op.create_table("ua", sa.Column("id", sa.Integer, primary_key=True))\n'
        'op.add_column("ua", sa.Column("p", sa.Integer, sa.ForeignKey("ua.id", use_alter=True)))',
        'op.drop_table("ua")',
    ),
    # an ENUM is created once per context, whichever path compiled the op that created it
    "enum_native_then_sqlalchemy": Case(
        'op.create_table("e1", sa.Column("s", sa.Enum("a", "b", name="mood")))\n'
        'op.create_table("e2", sa.Column("s", sa.Enum("a", "b", name="mood")),\n'
        '                postgresql_with={"fillfactor": 70})',
        'op.drop_table("e2")\nop.drop_table("e1")\nop.execute("DROP TYPE mood")',
    ),
    "enum_sqlalchemy_then_native": Case(
        'op.create_table("e2", sa.Column("s", sa.Enum("a", "b", name="mood")),\n'
        '                postgresql_with={"fillfactor": 70})\n'
        'op.create_table("e1", sa.Column("s", sa.Enum("a", "b", name="mood")))',
        'op.drop_table("e1")\nop.drop_table("e2")\nop.execute("DROP TYPE mood")',
    ),
    # alter_column: what the native compiler leaves to SQLAlchemy, and Alembic's errors
    "alter_column_using_without_type": Case(
        'op.create_table("ac", sa.Column("a", sa.String(5)))\n'
        'op.alter_column("ac", "a", postgresql_using="a::integer")',
        'op.drop_table("ac")',
    ),
    "alter_column_default_to_identity": Case(
        'op.create_table("ac", sa.Column("a", sa.Integer, nullable=False, server_default="0"))\n'
        'op.alter_column("ac", "a", server_default=sa.Identity(start=5),\n'
        '                existing_server_default="0")',
        'op.drop_table("ac")',
    ),
    "alter_column_identity_to_default": Case(
        'op.create_table("ac", sa.Column("a", sa.Integer, sa.Identity(), nullable=False))\n'
        'op.alter_column("ac", "a", server_default="7", existing_server_default=sa.Identity())',
        'op.drop_table("ac")',
    ),
    "alter_column_identity_options": Case(
        'op.create_table("ac", sa.Column("a", sa.Integer, sa.Identity(), nullable=False))\n'
        'op.alter_column("ac", "a", server_default=sa.Identity(always=True, increment=2),\n'
        "                existing_server_default=sa.Identity())",
        'op.drop_table("ac")',
    ),
    "alter_column_unknown_option": Case(
        'op.create_table("ac", sa.Column("a", sa.Integer))\n'
        'op.alter_column("ac", "a", nullable=False, mysql_whatever=1)',
        'op.drop_table("ac")',
    ),
    "drop_index_concurrently": Case(
        'op.create_table("di", sa.Column("a", sa.Integer))\n'
        'op.create_index("ix_di", "di", ["a"])\n'
        "with op.get_context().autocommit_block():\n"
        '    op.drop_index("ix_di", "di", postgresql_concurrently=True)',
        'op.drop_table("di")',
    ),
    "exclude_expression_element": Case(
        'op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")\n'
        'op.create_table("ee", sa.Column("a", sa.Integer), sa.Column("b", sa.Integer))\n'
        'op.create_exclude_constraint("ex_ee", "ee", (sa.text("int4range(a, b)"), "&&"),\n'
        '                             using="gist")',
        'op.drop_table("ee")',
    ),
    "column_fk_not_valid": Case(
        'op.create_table("p2", sa.Column("id", sa.Integer, primary_key=True))\n'
        'op.create_table("c2", sa.Column("a", sa.Integer))\n'
        'op.add_column("c2", sa.Column("pid", sa.Integer,\n'
        '              sa.ForeignKey("p2.id", postgresql_not_valid=True)))',
        'op.drop_table("c2")\nop.drop_table("p2")',
    ),
    "unique_quoted_column_name": Case(
        'op.create_table("qc", sa.Column(sa.sql.quoted_name("A", True), sa.Integer))',
        'op.drop_table("qc")',
    ),
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_case(name: str, tmp_path, pg_server: str) -> None:
    _compare(NAMED[name], tmp_path, pg_server)


def test_debug_log_names_the_op(tmp_path, pg_server: str) -> None:
    """The op that leaves the native path is logged (debug, alembic.runtime.migration)."""
    case = Case(KEYWORDS["Table:partition_by"], 'op.drop_table("k_part")')
    root = op_diff.make_project(tmp_path, case, pg_server)
    ini = root / "alembic.ini"
    ini.write_text(
        ini.read_text().replace("[logger_alembic]\nlevel = INFO", "[logger_alembic]\nlevel = DEBUG")
    )
    r = oracle.run_ours(["upgrade", "head", "--sql"], root, op_diff.NO_STATIC)
    assert r.returncode == 0, r.stderr
    assert "op.create_table leaves the native compiler and is compiled by SQLAlchemy" in r.stderr
    assert "postgresql_partition_by" in r.stderr
