"""One migrator for every path: offline (`--sql`), Python online (the DBAPI connection of
env.py) and native online (the `alembic-rs` binary) are the same core `Migrator` driving three
executors, so on the op matrix they must be given the same statements in the same order.

What is captured, per revision of `alembic_compat/op_matrix` up to 0147 (0148-0166 are the
deliberately dynamic `dyn_*` revisions, several of which branch on `is_offline_mode()` or
`op.get_bind()`, so offline and online *should* differ there):

- offline: every text the offline context writes (`DefaultImpl.static_output`), in a Python
  run of `alembic upgrade 0147 --sql`; split at the `-- Running upgrade a -> b` markers;
- Python online: every statement `DbapiExecutor.submit` receives in `alembic upgrade 0147`
  (the walker's statements and the natively compiled ops of dynamic migrations), and every
  statement SQLAlchemy sends to the cursor that is not one of the executor's batches (a
  migration's construct with bound parameters: `op.execute(sa.text(...).bindparams(...))`,
  `bulk_insert`; not the context's own reads), attributed to the step whose `Running
  upgrade` record came before;
- native online (up to NATIVE_TARGET, see there): what `PgExecutor` sends, traced by
  `ALEMBIC_RS_TRACE_STATEMENTS` (see src/alembic_rs_pg/src/executor.rs). The native
  executor runs only migrations the static evaluator reads (a dynamic one is refused,
  nothing committed): the test runs the matrix natively stretch by stretch, `alembic-rs
  upgrade <before the first dynamic one>`, then that dynamic revision with Python's
  `alembic` (as the console script does when the binary refuses), and compares every
  native stretch.

What is normalised, and only that:

- offline text is what `DefaultImpl._exec` writes for a statement in `as_sql` mode: tabs as
  four spaces, stripped, with the `;` terminator; online statements get the same treatment
  before comparing (`_offline_text`). `BEGIN;`/`COMMIT;` are the run's transaction (online,
  the executors begin and commit the connection's transaction: no statement) and
  `-- Running` lines are output between statements: neither is a statement, both are
  dropped.
- The DBAPI's paramstyle: psycopg2's is `pyformat`, so statements for it escape a literal
  `%` as `%%` (the driver unescapes it); offline (`dialect_opts={"paramstyle": "named"}`)
  and native (the simple query protocol, no parameters) statements do not. Python online
  statements are unescaped (`_unescape_pyformat`) before comparing.
- SQLAlchemy binds online and renders literals offline (`literal_binds=True`): where a
  migration hands SQLAlchemy a construct (`op.execute(sa.text(...).bindparams(...))`, Core
  statements, DDL constructs, `bulk_insert`), SQLAlchemy compiles it, with bound parameters
  online (an `executemany` for `bulk_insert`) and literals offline, and executes it on the
  cursor outside the executor. Those revisions (`SQLALCHEMY_ONLINE`, found by the run: the
  cursor saw a statement of the migration's own outside a batch) are left out of the
  offline/online comparison; every other revision is compared exactly. No native stretch
  contains one (the static evaluator leaves such ops to Python online).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import oracle
from test_native_cli import native, run_native  # noqa: F401 (the binary fixture)

OP_MATRIX = oracle.REPO / "alembic_compat" / "op_matrix"
TARGET = "0147"
# The native runs stop before 0141: it re-creates the ticket_status ENUM type 0021 created
# unless 0021 ran in the same invocation (SQLAlchemy creates a type once per migration
# context), and the stretch-by-stretch native run is several invocations.
NATIVE_TARGET = "0140"
TEMPLATE_ENV = Path("lib/python3.11/site-packages/alembic/templates/generic/env.py")
NOT_NATIVE = 2

# Runs `alembic <argv>` in Python and writes what the executors were given to <out> as JSON:
# ["submit", sql], ["static", text], ["cursor", sql] or ["step", "upgrade a -> b"].
DRIVER = r"""
import json, re, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from alembic.ddl.impl import DefaultImpl
from alembic.runtime import executor
from alembic.runtime.migration import MigrationContext

out, argv = sys.argv[1], sys.argv[2:]
given = []
flushing = []
in_body = []  # a migration's own code is running (a dynamic step)

def wrap(cls, name, before):
    original = getattr(cls, name)
    def wrapper(self, *args):
        before(self, *args)
        return original(self, *args)
    setattr(cls, name, wrapper)

wrap(executor.DbapiExecutor, "submit", lambda self, sql, prov: given.append(["submit", sql]))
wrap(DefaultImpl, "static_output", lambda self, text: given.append(["static", text]))

def on_log(self, level, logger, message):
    running = re.match(r"Running (\w+ \S* -> \S*?),", message)
    if running:
        given.append(["step", running.group(1)])
wrap(MigrationContext, "_run_log", on_log)

run_dynamic = MigrationContext._run_dynamic
def run_dynamic_marked(self, index):
    in_body.append(True)
    try:
        return run_dynamic(self, index)
    finally:
        in_body.pop()
MigrationContext._run_dynamic = run_dynamic_marked

# the context's own reads (version rows, the advisory lock), also when an autocommit block
# in a migration ends and begins the run's transaction
OWN = re.compile(r"SELECT (alembic_version\.version_num|pg_advisory)")

flush = executor.DbapiExecutor.flush
def flush_marked(self):
    flushing.append(True)
    try:
        return flush(self)
    finally:
        flushing.pop()
executor.DbapiExecutor.flush = flush_marked

@event.listens_for(Engine, "before_cursor_execute")
def other(conn, cursor, statement, parameters, context, executemany):
    if in_body and not flushing and not OWN.match(statement):
        given.append(["cursor", statement])

from alembic.config import main
try:
    main(argv=argv, prog="alembic")
finally:
    with open(out, "w") as f:
        json.dump(given, f)
"""

# Revisions whose migration hands SQLAlchemy a construct that SQLAlchemy compiles and
# executes online (with bound parameters, or a Core/DDL construct) and renders with literal
# binds offline: the statements Python's cursor gets outside the executor's batches. The
# set is what the run finds; kept here so that a change of routing is noticed.
SQLALCHEMY_ONLINE = {
    "0107",  # op.execute(sa.text(...).bindparams(...))
    "0109",  # typed bindparams
    "0110",  # Core update()
    "0111",
    "0112",  # Core insert()/delete()
    "0113",  # insert().from_select()
    "0114",
    "0117",  # CreateSequence and other DDL constructs
    "0121",  # bulk_insert: executemany online, one INSERT per row offline
    "0123",
    "0124",
    "0125",
    "0126",
    "0127",
    "0146",  # op.execute(sa.select(sa.func.setval(...)))
    "0147",
}


@contextlib.contextmanager
def _database(pg_server: str) -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"alembic_rs_test_{uuid.uuid4().hex[:12]}"
    server = make_url(pg_server)
    conninfo = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _project(tmp: Path, url: str, template_env: bool) -> Path:
    """A copy of the op matrix pointed at `url`; with `template_env`, env.py is Alembic's
    generic template (the native binary runs only that; the matrix's env.py adds an import
    that only the dyn_* revisions after 0147 use)."""
    project = tmp / uuid.uuid4().hex[:8]
    shutil.copytree(OP_MATRIX, project, ignore=shutil.ignore_patterns("__pycache__"))
    ini = project / "alembic.ini"
    text = ini.read_text()
    text = re.sub(r"(?m)^sqlalchemy\.url = .*$", f"sqlalchemy.url = {url}", text)
    ini.write_text(text)
    if template_env:
        shutil.copy(oracle.oracle_venv() / TEMPLATE_ENV, project / "migrations" / "env.py")
    return project


def _python(project: Path, out: Path, *args: str) -> list[list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(out), *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=oracle.process_env(oracle.ours_bin()),
        timeout=oracle.TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


def _offline_text(sql: str) -> str:
    """A statement as `DefaultImpl._exec` writes it in `as_sql` mode (no terminator)."""
    return sql.replace("\t", "    ").strip()


def _unescape_pyformat(sql: str) -> str:
    """A statement compiled for a `pyformat` DBAPI, as for a paramstyle without escaping."""
    return sql.replace("%%", "%")


def _revision(step: str) -> str:
    """`upgrade a -> b` -> `b`."""
    return step.rsplit("-> ", 1)[1]


def _by_revision(given: list[list[str]], marker: str) -> dict[str, list[str]]:
    """Statements per revision; those before the first step (the version table's CREATE)
    count as the first revision's."""
    out: dict[str, list[str]] = {}
    pending: list[str] = []
    current: list[str] | None = None
    for kind, text in given:
        if kind == marker:
            current = out.setdefault(_revision(text), [])
            current.extend(pending)
            pending = []
            continue
        if kind == "static":
            if text in ("BEGIN;", "COMMIT;"):
                continue
            assert text.endswith(";"), text
            text = text[: -len(";")]
        elif kind == "cursor":
            text = "SQLALCHEMY: " + text
        else:
            text = _offline_text(text)
        (pending if current is None else current).append(text)
    assert not pending
    return out


def _offline(tmp: Path) -> dict[str, list[str]]:
    project = _project(tmp, "postgresql://postgres@127.0.0.1/unused", template_env=False)
    given = _python(project, tmp / "offline.json", "upgrade", TARGET, "--sql")
    # the offline writer's step markers are its own output: "-- Running upgrade a -> b"
    marked = [
        ["step", t[len("-- Running ") :]] if t.startswith("-- Running ") else [k, t]
        for k, t in given
    ]
    return _by_revision(marked, "step")


def _python_online(tmp: Path, url: str) -> dict[str, list[str]]:
    project = _project(tmp, url, template_env=False)
    given = _python(project, tmp / "online.json", "upgrade", TARGET)
    given = [[k, _unescape_pyformat(t) if k == "submit" else t] for k, t in given]
    # offline-only output never appears online
    assert not [g for g in given if g[0] == "static"]
    return _by_revision(given, "step")


def _native_stretches(tmp: Path, url: str, binary: Path) -> list[tuple[list[str], list[str]]]:
    """(revisions, statements sent) of every stretch the native binary ran."""
    project = _project(tmp, url, template_env=True)
    chain = sorted(p.name[:4] for p in (project / "migrations" / "versions").glob("0*.py"))
    chain = chain[: chain.index(NATIVE_TARGET) + 1]
    trace = tmp / "native.trace"
    env = {"ALEMBIC_RS_TRACE_STATEMENTS": str(trace)}
    stretches = []
    done = 0  # revisions applied
    while done < len(chain):
        result = run_native(binary, ["upgrade", NATIVE_TARGET], project, env)
        if result.returncode == 0:
            dynamic = len(chain)
        else:
            assert result.returncode == NOT_NATIVE, result.stderr
            found = re.search(r"versions/(\d{4})_\w+\.py: \w+\(\) is not plain", result.stderr)
            assert found, result.stderr
            dynamic = chain.index(found.group(1))
            # nothing of the refused run was committed; run what comes before natively
            trace.unlink(missing_ok=True)
            if dynamic > done:
                result = run_native(binary, ["upgrade", chain[dynamic - 1]], project, env)
                assert result.returncode == 0, result.stderr
        if dynamic > done:
            sent = trace.read_bytes().decode().split("\0")
            assert sent.pop() == ""
            stretches.append((chain[done:dynamic], [_offline_text(s) for s in sent]))
            trace.unlink()
        if dynamic < len(chain):
            # the revision only Python runs, as the console script runs it
            _python(project, tmp / "step.json", "upgrade", chain[dynamic])
        done = dynamic + 1
    return stretches


def test_offline_python_and_native_executors_are_given_the_same_statements(
    tmp_path: Path,
    pg_server: str,
    native: Path,  # noqa: F811 (the imported fixture)
) -> None:
    offline = _offline(tmp_path)
    with _database(pg_server) as python_url, _database(pg_server) as native_url:
        online = _python_online(tmp_path, python_url)
        stretches = _native_stretches(tmp_path, native_url, native)

    assert list(offline) == list(online)
    sqlalchemy = {
        rev
        for rev, statements in online.items()
        if any(s.startswith("SQLALCHEMY: ") for s in statements)
    }
    assert sqlalchemy == SQLALCHEMY_ONLINE
    for rev in offline:
        if rev not in sqlalchemy:
            assert online[rev] == offline[rev], f"revision {rev}"

    native_revisions = [rev for revs, _ in stretches for rev in revs]
    # the static evaluator reads most of the matrix: guard against a test that compares
    # nothing because every revision went to Python
    assert len(native_revisions) >= len(offline) // 2, native_revisions
    for revisions, sent in stretches:
        assert not sqlalchemy & set(revisions)
        expected = [s for rev in revisions for s in online[rev]]
        assert sent == expected, f"revisions {revisions[0]}..{revisions[-1]}"
