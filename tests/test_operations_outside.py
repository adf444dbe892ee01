"""Operations used outside ``run_migrations()``, and what a call leaves behind (issue 8, 1-4).

Alembic documents ``Operations(MigrationContext.configure(conn))`` for running operations
outside a migration: each op is sent when it is called, in the caller's transaction
(SQLAlchemy 2 autobegin; the caller commits), and ``batch_alter_table`` on a connection
outside a transaction runs in a transaction of its own. alembic-rs batches statements
inside a run only. Every test runs one script with real Alembic and with alembic-rs, each
against a fresh database, and compares what the script prints (the database as another
session sees it: ``to_regclass``, advisory locks in ``pg_locks``, sessions left ``idle in
transaction``) and the schema left behind (``pg_dump --schema-only``).
"""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import oracle
import pytest
from online_support import Server, fresh_database, schema_dump

pytestmark = pytest.mark.skipif(not oracle.ours_available(), reason="alembic-rs not installed")

# what every script can use: the database URL (argv[1]) and a monitor session
PRELUDE = '''
import gc, io, sys
from sqlalchemy import Column, Integer, String, create_engine, pool, text
from sqlalchemy.sql import column, table
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

URL = sys.argv[1]
mon = create_engine(URL, poolclass=pool.NullPool)


def show(label, *tables):
    """What another session sees now."""
    with mon.connect() as m:
        locks = m.execute(text(
            "select count(*) from pg_locks where locktype = 'advisory' and database = "
            "(select oid from pg_database where datname = current_database())")).scalar()
        idle = m.execute(text(
            "select count(*) from pg_stat_activity where datname = current_database() "
            "and state like 'idle in transaction%'")).scalar()
        regs = [m.execute(text("select to_regclass(:t)::text"), {"t": t}).scalar()
                for t in tables]
    print(f"{label}: advisory locks {locks}, idle in transaction {idle}, tables {regs}")


def can_lock(name):
    """Whether another session gets the table's lock at once (nothing holds it)."""
    with mon.connect() as m:
        m.execute(text("set lock_timeout = '1s'"))
        try:
            m.execute(text(f"lock table {name} in access exclusive mode"))
            return True
        except Exception as error:
            return type(error).__name__
'''

SCRIPTS = {
    # Alembic's documented use: ops sent when called, in the caller's transaction
    "standalone_ops_then_commit": """
eng = create_engine(URL, pool_size=1, max_overflow=0)
with eng.connect() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("account", Column("id", Integer, primary_key=True),
                    Column("name", String(50)))
    print("in transaction", conn.in_transaction())
    show("after create_table, uncommitted", "account")
    op.add_column("account", Column("email", String(100)))
    op.create_index("ix_account_email", "account", ["email"])
    op.execute("insert into account (name) values ('a')")
    op.bulk_insert(table("account", column("name", String)), [{"name": "b"}])
    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("name", existing_type=String(50), nullable=False)
    print("rows", conn.execute(text("select name from account order by 1")).all())
    conn.commit()
    show("after commit", "account")
# a second command on the pooled connection; closed without commit: rolled back
with eng.connect() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.drop_index("ix_account_email", table_name="account")
    op.create_table("scratch", Column("id", Integer))
    op.get_bind()
    show("second, uncommitted", "account", "scratch", "ix_account_email")
show("second, closed", "account", "scratch", "ix_account_email")
""",
    # `with conn.begin():` around standalone ops: committed at the block's end
    "standalone_ops_in_begin_block": """
eng = create_engine(URL)
with eng.connect() as conn:
    with conn.begin():
        op = Operations(MigrationContext.configure(conn))
        op.create_table("t", Column("id", Integer))
        MigrationContext.configure(conn).execute("create table u (id int)")
    show("after the block", "t", "u")
""",
    # Alembic's BatchOperationsImpl.flush: `_ensure_scope_for_ddl` begins and commits
    "batch_on_connection_outside_transaction": """
eng = create_engine(URL, pool_size=1, max_overflow=0)
with eng.begin() as conn:
    conn.execute(text("create table t (id int)"))
with eng.connect() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("t") as batch_op:
        batch_op.add_column(Column("x", Integer))
        batch_op.create_index("ix_t_x", ["x"])
    print("in transaction", conn.in_transaction())
    show("after the batch, connection still open", "t", "ix_t_x")
    print("another session locks t:", can_lock("t"))
""",
    # inside a transaction the batch stays in it (rolled back here)
    "batch_inside_transaction": """
eng = create_engine(URL)
with eng.connect() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("t", Column("id", Integer))
    with op.batch_alter_table("t") as batch_op:
        batch_op.add_column(Column("x", Integer))
    print("in transaction", conn.in_transaction())
    show("after the batch", "t")
    conn.rollback()
show("after rollback", "t")
""",
    # autocommit_block used outside run_migrations(), after a transaction of the context
    "autocommit_block_outside_run": """
eng = create_engine(URL, pool_size=1, max_overflow=0)
for opts in ({}, {"transaction_per_migration": True}):
    with eng.connect() as conn:
        ctx = MigrationContext.configure(conn, opts=opts)
        op = Operations(ctx)
        with ctx.begin_transaction(_per_migration=bool(opts)):
            op.create_table("t%d" % len(opts), Column("id", Integer))
            with ctx.autocommit_block():
                op.execute("create table u%d (id int)" % len(opts))
            show("inside, after the autocommit block", "t0", "u0", "t1", "u1")
        show("after the transaction", "t0", "u0", "t1", "u1")
    show("connection back in the pool", "t0", "u0", "t1", "u1")
# autocommit_block on a connection outside a transaction
with eng.connect() as conn:
    ctx = MigrationContext.configure(conn, opts={"transaction_per_migration": True})
    with ctx.autocommit_block():
        Operations(ctx).create_table("v", Column("id", Integer))
    print("in transaction", conn.in_transaction())
show("after a plain autocommit block", "v")
""",
    # MigrationContext.configure without a connection
    "configure_dialect_name": """
ctx = MigrationContext.configure(dialect_name="postgresql")
print(ctx.dialect.name, ctx.connection, ctx.as_sql, type(ctx.impl).__name__)
print("bind", Operations(ctx).get_bind())
try:
    Operations(ctx).add_column("t", Column("x", Integer))
except Exception as error:
    print("add_column:", type(error).__name__)
out = io.StringIO()
ctx = MigrationContext.configure(
    dialect_name="postgresql", opts={"as_sql": True, "output_buffer": out})
op = Operations(ctx)
op.create_table("t", Column("id", Integer, primary_key=True), Column("s", String(5)))
op.add_column("t", Column("x", Integer, server_default="5"))
op.create_index("ix", "t", ["x"])
with op.batch_alter_table("t") as batch_op:
    batch_op.drop_column("x")
op.execute("select 1")
print(out.getvalue())
""",
    # a mock engine: the executor gets each statement as a construct, with its parameters
    "mock_engine": """
def dump(sql, *multiparams, **params):
    compiled = str(sql.compile(dialect=eng.dialect))
    print(repr(compiled.strip()), multiparams, params)

eng = sa_create_mock_engine("postgresql+psycopg://", dump)
ctx = MigrationContext.configure(connection=eng)
print("as_sql", ctx.as_sql, "connection is the mock", ctx.connection is eng)
op = Operations(ctx)
op.create_table("t", Column("id", Integer, primary_key=True),
                Column("s", String(10), server_default="a"))
op.add_column("t", Column("x", Integer))
op.create_index("ix", "t", ["x"])
op.execute("select 1")
op.execute(text("select :p").bindparams(p=5))
with op.batch_alter_table("t") as batch_op:
    batch_op.drop_column("x")
op.bulk_insert(table("t", column("id", Integer)), [{"id": 1}, {"id": 2}])
op.drop_table("t")
""".replace("sa_create_mock_engine", "__import__('sqlalchemy').create_mock_engine"),
    # output_encoding: Alembic's EncodedIO never closes the stream it wraps
    "output_encoding_binary_buffer": """
buf = io.BytesIO()
ctx = MigrationContext.configure(
    dialect_name="postgresql",
    opts={"as_sql": True, "output_encoding": "utf-8", "output_buffer": buf})
Operations(ctx).add_column("t", Column("caf\\u00e9", Integer))
del ctx
gc.collect()
print(buf.getvalue())
print("still open:", not buf.closed)
""",
    "output_encoding_stdout": """
ctx = MigrationContext.configure(
    dialect_name="postgresql", opts={"as_sql": True, "output_encoding": "utf-8"})
try:
    Operations(ctx).add_column("t", Column("x", Integer))
except Exception as error:
    print("add_column:", type(error).__name__, error)
sys.stdout.flush()
del ctx
gc.collect()
print("stdout works after the context is collected")
""",
}

# A project whose run fails in a transaction that an autocommit block (and so alembic-rs's
# session-level advisory lock) came before: the failed transaction is left to env.py to roll
# back, and the lock must not outlive the call.
ENV_PY = """
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None,
                  transaction_per_migration=context.config.attributes.get("tpm", False))
with context.begin_transaction():
    context.run_migrations()
"""

VERSIONS = {
    "a.py": """
revision = "a"
down_revision = None
from alembic import op
def upgrade():
    op.execute("create table a1 (id int)")
    with op.get_context().autocommit_block():
        op.execute("create table a2 (id int)")
    op.execute("create table a3 (id int)")
def downgrade():
    pass
""",
    "b.py": """
revision = "b"
down_revision = "a"
from alembic import op
def upgrade():
    op.execute("create table b1 (id int)")
    op.execute("select * from no_such_table")
def downgrade():
    pass
""",
}

RUN_SCRIPT = """
from alembic import command
from alembic.config import Config

cfg = Config()
cfg.set_main_option("script_location", sys.argv[2])
eng = create_engine(URL, pool_size=1, max_overflow=0)
for tpm in (False, True):
    with eng.connect() as conn:
        cfg.attributes["connection"] = conn
        cfg.attributes["tpm"] = tpm
        try:
            command.upgrade(cfg, "head")
        except Exception as error:
            print("upgrade failed:", type(error).__name__)
        show("after the failed upgrade, connection still open", "a1", "a3", "b1")
        print("in transaction", conn.in_transaction())
        conn.rollback()
        show("after rollback", "a1", "a3", "b1")
    # the next command, from another session: must not wait for a lock
    other = create_engine(URL, poolclass=pool.NullPool,
                          connect_args={"options": "-c lock_timeout=3s"})
    with other.connect() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "base" if tpm else "a", purge=True)
        conn.commit()
        print("stamp from another session done")
    show("after the next command", "alembic_version")
    with eng.begin() as conn:
        conn.execute(text("drop table if exists a1, a2, a3, b1, alembic_version"))
"""


def _run(bin_dir: Path, script: str, url: str, *args: str) -> str:
    proc = subprocess.run(
        [str(bin_dir / "python"), "-c", PRELUDE + textwrap.dedent(script), url, *args],
        capture_output=True,
        text=True,
        env=oracle.process_env(bin_dir),
        timeout=120,
    )
    out = proc.stdout
    if proc.returncode:
        # the exception's last line (tracebacks differ in their frames)
        last = proc.stderr.strip().splitlines()[-1:] or [""]
        out += f"exit {proc.returncode}: {last[0]}\n"
    return out


def _both(pg_server: str, script: str, *args: str) -> tuple[tuple[str, str], tuple[str, str]]:
    server = Server.from_url(pg_server)
    results = []
    for bin_dir in (oracle.oracle_bin(), oracle.ours_bin()):
        with fresh_database(server) as db:
            out = _run(bin_dir, script, server.url(db, "postgresql+psycopg"), *args)
            results.append((out, schema_dump(server, db)))
    return results[0], results[1]


def _assert_same(expected: tuple[str, str], ours: tuple[str, str]) -> None:
    assert ours[0] == expected[0], "stdout differs from Alembic's"
    assert ours[1] == expected[1], "schema differs from Alembic's"


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_same_as_alembic(pg_server: str, name: str) -> None:
    expected, ours = _both(pg_server, SCRIPTS[name])
    _assert_same(expected, ours)


def test_failed_run_leaves_no_lock(pg_server: str, tmp_path: Path) -> None:
    (tmp_path / "env.py").write_text(ENV_PY)
    (tmp_path / "versions").mkdir()
    for name, text in VERSIONS.items():
        (tmp_path / "versions" / name).write_text(text)
    expected, ours = _both(pg_server, RUN_SCRIPT, str(tmp_path))
    assert "advisory locks 0" in expected[0]
    _assert_same(expected, ours)


def test_runs_still_batch(pg_database: str, tmp_path: Path) -> None:
    """Inside ``run_migrations()`` statements still go to the server in batches (the reason
    for the executor); only outside one is each sent when its op is called."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event, pool

    (tmp_path / "env.py").write_text(ENV_PY)
    (tmp_path / "versions").mkdir()
    ops = "\n".join(f"    op.execute('create table t{i} (id int)')" for i in range(10))
    (tmp_path / "versions" / "a.py").write_text(
        f'revision = "a"\ndown_revision = None\nfrom alembic import op\n'
        f"def upgrade():\n{ops}\ndef downgrade():\n    pass\n"
    )
    cfg = Config()
    cfg.set_main_option("script_location", str(tmp_path))
    engine = create_engine(
        pg_database.replace("postgresql://", "postgresql+psycopg://", 1), poolclass=pool.NullPool
    )
    sent: list[str] = []
    with engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", lambda *a: sent.append(a[2]))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    creates = [s for s in sent if "create table" in s]
    assert len(creates) == 1 and creates[0].count("create table") == 10, sent


# The walker's framing and callbacks: `on_version_apply` (what each callback is given, after
# each step of upgrade, downgrade and stamp) and non-transactional DDL (each migration in a
# transaction of its own online), with and without `transaction_per_migration`, up to a
# failing migration: what stays applied is Alembic's.
CALLBACK_ENV_PY = """
from alembic import context

attrs = context.config.attributes


def applied(ctx, step, heads, run_args):
    print("applied", step.up_revision_id, step.down_revision_ids, step.is_upgrade,
          step.is_stamp, sorted(heads), sorted(run_args))


context.configure(connection=attrs["connection"], target_metadata=None,
                  transactional_ddl=attrs.get("tddl"),
                  transaction_per_migration=attrs.get("tpm", False),
                  on_version_apply=[applied])
with context.begin_transaction():
    context.run_migrations()
"""

CALLBACK_VERSIONS = {
    "a.py": """
revision = "a"
down_revision = None
from alembic import op
def upgrade():
    op.execute("create table a1 (id int)")
def downgrade():
    op.execute("drop table a1")
""",
    "b.py": """
revision = "b"
down_revision = "a"
from alembic import op
def upgrade():
    op.execute("create table b1 (id int)")
def downgrade():
    op.execute("drop table b1")
""",
    "c.py": """
revision = "c"
down_revision = "b"
from alembic import op
def upgrade():
    op.execute("create table c1 (id int)")
    op.execute("select * from no_such_table")
def downgrade():
    pass
""",
}

CALLBACK_SCRIPT = """
from alembic import command
from alembic.config import Config

cfg = Config()
cfg.set_main_option("script_location", sys.argv[2])
eng = create_engine(URL, poolclass=pool.NullPool)
for tddl, tpm in ((None, False), (None, True), (False, False), (False, True)):
    print("transactional_ddl", tddl, "transaction_per_migration", tpm)
    cfg.attributes.update(tddl=tddl, tpm=tpm)
    for cmd, rev in (("upgrade", "b"), ("downgrade", "base"), ("stamp", "b"),
                     ("stamp", "base"), ("upgrade", "head")):
        with eng.connect() as conn:
            cfg.attributes["connection"] = conn
            try:
                getattr(command, cmd)(cfg, rev)
                conn.commit()
            except Exception as error:
                print(cmd, rev, "failed:", type(error).__name__)
        show(f"after {cmd} {rev}", "a1", "b1", "c1")
    with eng.begin() as conn:
        conn.execute(text("drop table if exists a1, b1, c1, alembic_version"))
"""


def test_version_callbacks_and_framing(pg_server: str, tmp_path: Path) -> None:
    (tmp_path / "env.py").write_text(CALLBACK_ENV_PY)
    (tmp_path / "versions").mkdir()
    for name, text in CALLBACK_VERSIONS.items():
        (tmp_path / "versions" / name).write_text(text)
    expected, ours = _both(pg_server, CALLBACK_SCRIPT, str(tmp_path))
    assert "applied b ('a',) True False ['b'] []" in expected[0]
    assert "after upgrade head: advisory locks 0, idle in transaction 0" in expected[0]
    _assert_same(expected, ours)
