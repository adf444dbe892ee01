"""The `alembic` console script answers a plain read-only command natively, before Python
imports Alembic's modules, and prints exactly what the full Python path prints; anything it
cannot answer exactly goes to the full path."""

from __future__ import annotations

import shutil
import subprocess
import sys

import oracle
import pytest

COMPAT = oracle.REPO / "alembic_compat"

# Runs the console script's main() in-process, then reports whether the full command line
# (alembic.config) was imported.
PROBE = """
import sys
from alembic_rs._cli import main
sys.argv = ["alembic", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("FULL-PATH" if "alembic.config" in sys.modules else "FAST-PATH", file=sys.stderr)
"""


def _run(args: list[str], project: str, **env: str) -> tuple[str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=COMPAT / project,
        capture_output=True,
        text=True,
        check=False,
        env=oracle.process_env(oracle.ours_bin(), env),
    )
    return proc.stdout, proc.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "args",
    [["heads"], ["heads", "-v"], ["history"], ["history", "-v"], ["branches"], ["show", "head"]],
)
def test_plain_read_only_commands_take_the_fast_path(args: list[str]) -> None:
    fast_out, fast_path = _run(args, "trip_planner")
    full_out, full_path = _run(args, "trip_planner", ALEMBIC_RS_NO_FAST_PATH="1")
    assert (fast_path, full_path) == ("FAST-PATH", "FULL-PATH")
    assert fast_out == full_out and fast_out


@pytest.mark.parametrize(
    ("project", "args"),
    [
        ("trip_planner", ["show", "nosuchrev"]),  # an error: Python prints it
        ("trip_planner", ["--help"]),
        ("graphs/computed_ids", ["heads"]),  # headers that must be imported
        # env.py is not Alembic's template (python-dotenv, app models): Python runs it
        ("trip_planner", ["upgrade", "head", "--sql"]),
    ],
)
def test_everything_else_takes_the_full_path(project: str, args: list[str]) -> None:
    _, path = _run(args, project, DATABASE_URL="postgresql://postgres@127.0.0.1/x")
    assert path == "FULL-PATH"


def test_visible_deprecation_warnings_take_the_full_path() -> None:
    # trip_planner's ini (Alembic 1.13 style) has no path_separator: Alembic warns, and under
    # -W always Python prints the warning, so the full path must run
    out, path = _run(["heads"], "trip_planner", PYTHONWARNINGS="always")
    assert path == "FULL-PATH" and out


def _run_full(args: list[str], cwd, **env: str) -> tuple[str, list[str], str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=oracle.process_env(oracle.ours_bin(), env),
    )
    *log, path = proc.stderr.strip().splitlines()
    return proc.stdout, log, path


@pytest.mark.parametrize(
    "args",
    [
        ["upgrade", "heads", "--sql"],
        ["downgrade", "heads:base", "--sql"],
        ["stamp", "heads", "--sql"],
        ["upgrade", "base:heads", "--sql", "--tag", "t"],
    ],
)
def test_sql_with_a_template_env_takes_the_fast_path(args: list[str]) -> None:
    # graphs/* projects have Alembic's template env.py and plain op.* migrations
    cwd = COMPAT / "graphs" / "branches_merges"
    fast = _run_full(args, cwd)
    full = _run_full(args, cwd, ALEMBIC_RS_NO_FAST_PATH="1")
    assert (fast[2], full[2]) == ("FAST-PATH", "FULL-PATH")
    assert fast[:2] == full[:2] and fast[0]


@pytest.mark.parametrize("template", ["generic", "pyproject", "async"])
def test_alembic_init_templates_are_recognised(template: str, tmp_path, copy_project) -> None:
    # the env.py real Alembic writes: the offline (--sql) run is native
    project = tmp_path / "p"
    project.mkdir()
    init = oracle.run_oracle(["init", "-t", template, "migrations"], project)
    assert init.returncode == 0, init.stderr
    versions = project / "migrations" / "versions"
    source = COMPAT / "graphs" / "branches_merges"
    for f in (source / "alembic" / "versions").glob("*.py"):
        (versions / f.name).write_text(f.read_text())
    ini = project / "alembic.ini"
    ini.write_text(
        ini.read_text().replace(
            "driver://user:pass@localhost/dbname", "postgresql://postgres@127.0.0.1/x"
        )
    )
    fast = _run_full(["upgrade", "heads", "--sql"], project)
    full = _run_full(["upgrade", "heads", "--sql"], project, ALEMBIC_RS_NO_FAST_PATH="1")
    assert (fast[2], full[2]) == ("FAST-PATH", "FULL-PATH")
    assert fast[:2] == full[:2] and fast[0]


def test_online_run_with_a_template_env_is_native(copy_project, pg_database: str) -> None:
    # the same run natively and through Python: same output, same version rows
    import psycopg

    outputs = []
    for env in ({}, {"ALEMBIC_RS_NO_FAST_PATH": "1"}):
        project = copy_project("graphs/branches_merges")
        ini = project / "alembic.ini"
        ini.write_text(
            "\n".join(
                f"sqlalchemy.url = {pg_database}" if line.startswith("sqlalchemy.url") else line
                for line in ini.read_text().splitlines()
            )
            + "\n"
        )
        runs = [_run_full(args, project, **env) for args in (["upgrade", "heads"], ["current"])]
        with psycopg.connect(pg_database) as conn:
            rows = sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
            conn.execute("DROP TABLE alembic_version")
            for (table,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall():
                conn.execute(f'DROP TABLE "{table}" CASCADE')
        outputs.append(([(out, log) for out, log, _ in runs], [p for *_, p in runs], rows))
        shutil.rmtree(project)
    (native, native_paths, native_rows), (python, python_paths, python_rows) = outputs
    assert native_paths == ["FAST-PATH", "FAST-PATH"]
    assert python_paths == ["FULL-PATH", "FULL-PATH"]
    assert native == python
    assert native_rows == python_rows and native_rows
