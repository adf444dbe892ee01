"""What a run prints, against real Alembic: order, names, warnings' places, failures.

Each case runs one project with real Alembic and with ours, each on a fresh database, and
compares what they print:

- stdout and stderr merged into one stream (both unbuffered), so the order of Alembic's log
  lines, the migrations' own ``print()`` (to stdout and stderr), their warnings and their
  log records counts: ours holds statements (and the log records behind them) in a buffer,
  and what a migration writes meanwhile must wait behind them too;
- ``Running <function name> a -> b``: Alembic names ``migration_fn.__name__`` (a decorated
  ``upgrade()`` logs ``Running wrapper``), online and in ``--sql`` comments;
- where a warning points: the version file's line for the migration's own warnings, and
  for the ones raised by an op the file Alembic's points at (``alembic/ddl/postgresql.py``;
  its line number is Alembic's own source's and is not compared);
- a failing statement's traceback: the frames of the project's files (env.py, the version
  file at the op's line, with its source line and carets) and the exception lines, for a
  migration read statically and one run through Python, under psycopg2 and psycopg 3;
- an unnamed constraint's error text (``..., table=Table('challenges', MetaData(), ...)``).

The frames of Alembic's, ours and SQLAlchemy's own files differ by nature and are dropped
(``online_support.view_stderr``); object addresses in reprs are masked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import online_support as ol
import oracle
import pytest

FAILURES = oracle.REPO / "alembic_compat" / "online" / "failures"

HEADER = '''"""{doc}

Revision ID: {rev}
Revises: {down}
Create Date: 2025-09-01 10:00:10.000000

"""
{imports}
from alembic import op
import sqlalchemy as sa

revision = {rev!r}
down_revision = {down_id!r}
branch_labels = {label!r}
depends_on = None

'''


def version_file(rev: str, down: str | None, doc: str, body: str, *, label=None, imports=""):
    head = HEADER.format(
        doc=doc, rev=rev, down=down or "", down_id=down, label=label, imports=imports
    )
    return head + textwrap.dedent(body)


# a static migration, then a dynamic one writing to stdout, stderr, warnings and logging
# between its ops, a decorated upgrade(), and a static one after them
ORDER = {
    "a1_first.py": version_file(
        "a1",
        None,
        "first",
        """
        def upgrade() -> None:
            op.create_table("t1", sa.Column("id", sa.Integer(), primary_key=True))


        def downgrade() -> None:
            op.drop_table("t1")
        """,
    ),
    "a2_dynamic.py": version_file(
        "a2",
        "a1",
        "dynamic with prints",
        """
        log = logging.getLogger("alembic.runtime.migration")


        def upgrade() -> None:
            print("a2: before add")
            op.add_column("t1", sa.Column("x", sa.Integer()))
            warnings.warn("a2: user warning")
            print("a2: to stderr", file=sys.stderr)
            log.info("a2: a log record")
            op.alter_column("t1", "x", autoincrement=True)
            print("a2: after alter")
            op.add_column("t1", sa.Column("y", sa.Integer()))


        def downgrade() -> None:
            op.drop_column("t1", "y")
            op.drop_column("t1", "x")
        """,
        imports="import logging\nimport sys\nimport warnings\n",
    ),
    "a3_decorated.py": version_file(
        "a3",
        "a2",
        "decorated",
        """
        def logged(fn):
            def wrapper():
                print("a3: enter")
                fn()
                print("a3: exit")

            return wrapper


        @logged
        def upgrade() -> None:
            op.create_table("t3", sa.Column("id", sa.Integer(), primary_key=True))


        @logged
        def downgrade() -> None:
            op.drop_table("t3")
        """,
    ),
    "a4_static.py": version_file(
        "a4",
        "a3",
        "static after",
        """
        def upgrade() -> None:
            op.add_column("t3", sa.Column("z", sa.Integer()))


        def downgrade() -> None:
            op.drop_column("t3", "z")
        """,
    ),
}

# failing migrations on top of a1, one labelled branch each
FAILING = {
    "a1_first.py": ORDER["a1_first.py"],
    # static: the second op fails (t1 exists); the call spans three lines
    "b1_static.py": version_file(
        "b1",
        "a1",
        "static failing",
        """
        def upgrade() -> None:
            op.add_column("t1", sa.Column("x", sa.Integer()))
            op.create_table(
                "t1",
                sa.Column("id", sa.Integer(), primary_key=True),
            )
            op.add_column("t1", sa.Column("y", sa.Integer()))


        def downgrade() -> None:
            pass
        """,
        label="static_fail",
    ),
    # static, the failing op on one line (no carets under it, as in Alembic's)
    "b2_static_line.py": version_file(
        "b2",
        "a1",
        "static failing on one line",
        """
        def upgrade() -> None:
            op.drop_table("not_there")


        def downgrade() -> None:
            pass
        """,
        label="static_line",
    ),
    # dynamic: upgrade() prints, then a helper runs the ops; the later print never happens
    "b3_dynamic.py": version_file(
        "b3",
        "a1",
        "dynamic failing",
        """
        def upgrade() -> None:
            print("b3: start")
            _helper()
            print("b3: not reached")


        def _helper():
            op.add_column("t1", sa.Column("x", sa.Integer()))
            op.execute("SELECT 1 / 0")
            print("b3: after the failing op")
            op.add_column("t1", sa.Column("y", sa.Integer()))


        def downgrade() -> None:
            pass
        """,
        label="dynamic_fail",
    ),
    # a static failure that only surfaces when the next migration reads from the database
    "b4_static.py": version_file(
        "b4",
        "a1",
        "static, fails later",
        """
        def upgrade() -> None:
            op.execute("SELECT 1 / 0")


        def downgrade() -> None:
            pass
        """,
        label="read_fail",
    ),
    "b5_reads.py": version_file(
        "b5",
        "b4",
        "reads",
        """
        def upgrade() -> None:
            print("b5: before the read")
            op.get_bind().execute(sa.text("SELECT 1"))
            print("b5: after the read")


        def downgrade() -> None:
            pass
        """,
    ),
    # dynamic: the failing op's statement is still buffered when a Python error follows it
    "b8_then_python_error.py": version_file(
        "b8",
        "a1",
        "dynamic, a Python error follows",
        """
        def upgrade() -> None:
            op.drop_table("not_there")
            print("b8: not reached")
            {}["not reached either"]


        def downgrade() -> None:
            pass
        """,
        label="then_python_error",
    ),
    # batch: Alembic runs the batch's ops when the block ends (the `with` line's frame)
    "b9_batch.py": version_file(
        "b9",
        "a1",
        "batch failing",
        """
        def upgrade() -> None:
            with op.batch_alter_table("t1") as batch_op:
                batch_op.add_column(sa.Column("x", sa.Integer()))
                batch_op.drop_column("not_there")


        def downgrade() -> None:
            pass
        """,
        label="batch_fail",
    ),
    # unnamed constraints: Alembic's CompileError, with the constraint on its table
    "b6_unnamed_fk.py": version_file(
        "b6",
        "a1",
        "drop an unnamed foreign key",
        """
        def upgrade() -> None:
            op.drop_constraint(None, "challenges", type_="foreignkey")


        def downgrade() -> None:
            pass
        """,
        label="unnamed_fk",
    ),
    "b7_unnamed_check.py": version_file(
        "b7",
        "a1",
        "drop an unnamed check constraint",
        """
        def upgrade() -> None:
            op.drop_constraint(None, "challenges", type_="check", schema="s")


        def downgrade() -> None:
            pass
        """,
        label="unnamed_check",
    ),
}


# two heads on a1: `downgrade -1` warns from the revision map
HEADS = {
    "a1_first.py": ORDER["a1_first.py"],
    **{
        f"{rev}_branch.py": version_file(
            rev,
            "a1",
            f"branch {rev}",
            f"""
            def upgrade() -> None:
                op.create_table("{rev}", sa.Column("id", sa.Integer(), primary_key=True))


            def downgrade() -> None:
                op.drop_table("{rev}")
            """,
        )
        for rev in ("h1", "h2")
    },
}


def make_project(root: Path, versions: Mapping[str, str]) -> Path:
    root.mkdir(parents=True)
    shutil.copy(FAILURES / "alembic.ini", root / "alembic.ini")
    migrations = root / "migrations"
    (migrations / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        shutil.copy(FAILURES / "migrations" / name, migrations / name)
    for name, text in versions.items():
        (migrations / "versions" / name).write_text(text, encoding="utf-8")
    return root


@contextmanager
def fresh_database(pg_server: str) -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"alembic_rs_fidelity_{uuid.uuid4().hex[:12]}"
    server = make_url(pg_server).set(drivername="postgresql")
    conninfo = server.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_merged(
    side: str, project: Path, args: list[str], env: Mapping[str, str]
) -> tuple[int, str]:
    """One command; stdout and stderr in one stream, in the order they were written."""
    bin_dir = oracle.oracle_bin() if side == "oracle" else oracle.ours_bin()
    proc = subprocess.run(
        [str(bin_dir / "alembic"), *args],
        cwd=project,
        env=oracle.process_env(bin_dir, {"PYTHONUNBUFFERED": "1", **env}),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=oracle.TIMEOUT,
        check=False,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "surrogateescape")


def run_side(
    side: str,
    project: Path,
    pg_server: str,
    steps: list[list[str]],
    driver: str = "postgresql+psycopg2",
    env: Mapping[str, str] | None = None,
) -> list[tuple[int, str]]:
    from sqlalchemy.engine import make_url

    bin_dir = oracle.oracle_bin() if side == "oracle" else oracle.ours_bin()
    out = []
    with fresh_database(pg_server) as db:
        url = make_url(pg_server).set(drivername=driver, database=db)
        run_env = {"DATABASE_URL": url.render_as_string(hide_password=False), **(env or {})}
        for args in steps:
            code, text = run_merged(side, project, args, run_env)
            out.append((code, view(text, project, db, bin_dir.parent)))
    return out


_ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def view(text: str, project: Path, db: str, venv: Path) -> str:
    text = ol.normalize(text, project, db, venv)
    return _ADDRESS.sub(" at 0x...>", ol.view_stderr(text))


def both(project: Path, pg_server: str, steps: list[list[str]], **kw) -> tuple[list, list]:
    return (
        run_side("oracle", project, pg_server, steps, **kw),
        run_side("ours", project, pg_server, steps, **kw),
    )


@pytest.fixture(scope="module")
def order_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("fidelity") / "order", ORDER)


@pytest.fixture(scope="module")
def failing_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("fidelity") / "failing", FAILING)


# ---------------------------------------------------------------------------------------------
# order and names


@pytest.mark.parametrize("no_static", [False, True], ids=["static", "through-python"])
def test_output_order_and_names(order_project: Path, pg_server: str, no_static: bool) -> None:
    env = {"ALEMBIC_RS_NO_STATIC": "1"} if no_static else {}
    steps = [["upgrade", "head"], ["downgrade", "a1"]]
    want, got = both(order_project, pg_server, steps, env=env)
    assert got == want
    up = want[0][1]
    # what the comparison covers
    assert "Running wrapper a2 -> a3, decorated" in up
    assert up.index("Running upgrade a1 -> a2") < up.index("a2: before add")
    assert up.index("a2: after alter") < up.index("Running wrapper a2 -> a3")
    assert "<project>/migrations/versions/a2_dynamic.py:" in up
    assert "alembic/ddl/postgresql.py: UserWarning: autoincrement" in up
    assert "Running wrapper a3 -> a2, decorated" in want[1][1]


def test_revision_map_warning_comes_from_alembic_script_revision(
    tmp_path: Path, pg_server: str
) -> None:
    project = make_project(tmp_path / "heads", HEADS)
    want, got = both(project, pg_server, [["upgrade", "heads"], ["downgrade", "-1"]])
    warning = "alembic/script/revision.py: UserWarning: downgrade -1 from multiple heads"
    assert warning in want[1][1]
    assert got == want


def test_offline_comment_names_the_function(order_project: Path) -> None:
    args = ["upgrade", "a1:head", "--sql"]
    want = oracle.run_oracle(args, order_project)
    got = oracle.run_ours(args, order_project)
    assert want.returncode == 0, want.stderr
    assert "-- Running wrapper a2 -> a3" in want.stdout
    assert (got.returncode, got.stdout) == (want.returncode, want.stdout)


# ---------------------------------------------------------------------------------------------
# failures


FAILURE_CASES = [
    ("static_fail@head", "b1_static.py"),
    ("static_line@head", "b2_static_line.py"),
    ("dynamic_fail@head", "b3_dynamic.py"),
    ("read_fail@head", "b4_static.py"),
    ("then_python_error@head", "b8_then_python_error.py"),
    ("batch_fail@head", "b9_batch.py"),
]


@pytest.mark.parametrize("driver", ["postgresql+psycopg2", "postgresql+psycopg"])
@pytest.mark.parametrize("no_static", [False, True], ids=["static", "through-python"])
@pytest.mark.parametrize(
    ("target", "failing_file"), FAILURE_CASES, ids=[c[0] for c in FAILURE_CASES]
)
def test_failure_traceback(
    failing_project: Path,
    pg_server: str,
    target: str,
    failing_file: str,
    driver: str,
    no_static: bool,
) -> None:
    env = {"ALEMBIC_RS_NO_STATIC": "1"} if no_static else {}
    steps = [["upgrade", "a1"], ["upgrade", target]]
    want, got = both(failing_project, pg_server, steps, driver=driver, env=env)
    assert want[1][0] == 1
    assert got == want
    # what the comparison covers: the version file's frame, after the env.py ones
    frame = f'  File "<project>/migrations/versions/{failing_file}", line '
    text = want[1][1]
    assert frame in text and text.index('migrations/env.py"') < text.index(frame)
    for never in ("b3: not reached", "b3: after the failing op", "b8: not reached", "KeyError"):
        assert never not in text


@pytest.mark.parametrize("no_static", [False, True], ids=["static", "through-python"])
@pytest.mark.parametrize("target", ["unnamed_fk@head", "unnamed_check@head"])
def test_unnamed_constraint_error(
    failing_project: Path, pg_server: str, target: str, no_static: bool
) -> None:
    env = {"ALEMBIC_RS_NO_STATIC": "1"} if no_static else {}
    steps = [["upgrade", "a1"], ["upgrade", target]]
    want, got = both(failing_project, pg_server, steps, env=env)
    assert "table=Table('challenges', MetaData(), schema=" in want[1][1]
    assert got == want


# ---------------------------------------------------------------------------------------------
# the frames a failure is raised through


@pytest.mark.parametrize(
    "position",
    [(5, 5, 4, 7), (5, 5, 4, 60), (2, 2, 8, 30), (7, 10, 4, 5), (3, 3, 0, 12), (9, 12, 0, 1)],
)
def test_synthetic_frame_has_the_op_call_position(position: tuple[int, int, int, int]) -> None:
    from alembic.runtime.executor import _raising_entry

    entry = _raising_entry("/nowhere/versions/x.py", "upgrade", position)
    assert entry is not None
    code = entry.tb_frame.f_code
    assert (code.co_filename, code.co_name, entry.tb_lineno) == (
        "/nowhere/versions/x.py",
        "upgrade",
        position[0],
    )
    assert list(code.co_positions())[entry.tb_lasti // 2] == position
