"""Online runs compile what Alembic's online runs compile (issue 8, item 12).

Offline, Alembic compiles for a dialect that knows no server; online, for the connection's,
which knows the server's version, and it executes each statement through the connection with
the execution options the migration set on it. The native compiler reproduces the offline
compilation, so what depends on the server or the connection is run as Alembic runs it:

- `sa.Computed(...)` without `persisted=`: offline no keyword; online, before PostgreSQL 18,
  `STORED` and SQLAlchemy's warning (without it PostgreSQL rejects the column);
- `op.execute(..., execution_options=...)`: Alembic sets the options on the connection, where
  they stay for the rest of the run; `no_parameters=True` makes the driver leave `%%` doubled
  in this and every later statement, so the rows stored differ.
- `op.bulk_insert` with a float: the driver binds it (psycopg 3 as `float8`, which the server
  casts to the column's type), so a `Numeric` column stores a rounded value where the literal
  stores its full text.

Each case runs through real Alembic and alembic-rs (as installed, and with
`ALEMBIC_RS_NO_STATIC=1`): offline SQL, then online upgrade and downgrade with
`pg_dump --schema-only`, the rows of every table and stderr compared (tests/op_diff.py).
"""

from __future__ import annotations

import op_diff
import pytest
from op_diff import Case

pytestmark = pytest.mark.usefixtures("oracle_venv", "ours_alembic")

CASES = {
    "computed_create_table": Case(
        'op.create_table("t", sa.Column("a", sa.Integer), sa.Column("b", sa.Integer),\n'
        '                sa.Column("c", sa.Integer, sa.Computed("a + b")))\n'
        'op.execute("INSERT INTO t (a, b) VALUES (1, 2)")',
        'op.drop_table("t")',
    ),
    "computed_add_column": Case(
        'op.create_table("t", sa.Column("a", sa.Integer), sa.Column("b", sa.Integer))\n'
        'op.execute("INSERT INTO t (a, b) VALUES (1, 2)")\n'
        'op.add_column("t", sa.Column("d", sa.Integer, sa.Computed("a * b")))',
        'op.drop_column("t", "d")\nop.drop_table("t")',
    ),
    "computed_persisted": Case(
        'op.create_table("t", sa.Column("a", sa.Integer),\n'
        '                sa.Column("c", sa.Integer, sa.Computed("a + 1", persisted=True)))',
        'op.drop_table("t")',
    ),
    "execute_options_percent": Case(
        'op.create_table("k", sa.Column("v", sa.Text))\n'
        "op.execute(\"INSERT INTO k VALUES ('1 100%% raw')\")\n"
        "op.execute(\"INSERT INTO k VALUES ('2 100%% raw')\",\n"
        '           execution_options={"no_parameters": True})\n'
        "op.execute(\"INSERT INTO k VALUES ('3 100% raw')\")\n"
        "op.execute(sa.text(\"INSERT INTO k VALUES ('4 100% raw')\"))\n"
        'op.create_table("k2", sa.Column("v", sa.Text, server_default="5 100%"))\n'
        'op.execute("INSERT INTO k2 DEFAULT VALUES")',
        'op.drop_table("k2")\nop.drop_table("k")',
    ),
    # a float bulk_insert value: psycopg 3 binds it as float8, which a Numeric column stores
    # rounded (0.300000000000000000), not as its literal text (0.30000000000000004)
    "bulk_insert_floats": Case(
        'op.create_table("f", sa.Column("n", sa.Numeric(20, 18)), sa.Column("r", sa.REAL()),\n'
        '                sa.Column("d", sa.Float()))\n'
        'op.bulk_insert(sa.table("f", sa.column("n", sa.Numeric(20, 18)),\n'
        '                        sa.column("r", sa.REAL()), sa.column("d", sa.Float())),\n'
        '               [{"n": 0.30000000000000004, "r": 0.30000000000000004, "d": 1e-07},\n'
        '                {"n": 1.1, "r": 16777217.0, "d": 0.1}])',
        'op.drop_table("f")',
    ),
    "execute_options_other": Case(
        'op.create_table("k", sa.Column("v", sa.Text))\n'
        "op.execute(\"INSERT INTO k VALUES ('1 100%% raw')\",\n"
        '           execution_options={"isolation_level": "READ COMMITTED"})\n'
        "op.execute(\"INSERT INTO k VALUES ('2 100%% raw')\")",
        'op.drop_table("k")',
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_online_as_alembic(name: str, tmp_path, pg_server: str) -> None:
    report = op_diff.compare(CASES[name], tmp_path, pg_server)
    if report:
        pytest.fail(report, pytrace=False)
