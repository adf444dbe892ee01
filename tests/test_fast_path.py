"""The `alembic` console script answers a plain read-only command natively, before Python
imports Alembic's modules, and prints exactly what the full Python path prints; anything it
cannot answer exactly goes to the full path."""

from __future__ import annotations

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
        ("trip_planner", ["upgrade", "head"]),  # needs the runtime
    ],
)
def test_everything_else_takes_the_full_path(project: str, args: list[str]) -> None:
    _, path = _run(args, project)
    assert path == "FULL-PATH"


def test_visible_deprecation_warnings_take_the_full_path() -> None:
    # trip_planner's ini (Alembic 1.13 style) has no path_separator: Alembic warns, and under
    # -W always Python prints the warning, so the full path must run
    out, path = _run(["heads"], "trip_planner", PYTHONWARNINGS="always")
    assert path == "FULL-PATH" and out
