"""The command line itself: help text, argument errors, --version, config-file errors.

Expected output is whatever real Alembic prints in the same directory.
"""

from __future__ import annotations

import pytest
from oracle import run_oracle, run_ours

SUBCOMMANDS = [
    "branches",
    "check",
    "current",
    "downgrade",
    "edit",
    "ensure_version",
    "heads",
    "history",
    "init",
    "list_templates",
    "merge",
    "revision",
    "show",
    "stamp",
    "upgrade",
]


def _last_line_of_traceback(stderr: str) -> str:
    # A traceback's frames name each implementation's own files and lines; what users and
    # scripts read is the final "ExceptionClass: message" line.
    if "Traceback (most recent call last)" in stderr:
        return stderr.strip().splitlines()[-1]
    return stderr


def _same(args: list[str], cwd) -> None:
    theirs = run_oracle(args, cwd=cwd)
    ours = run_ours(args, cwd=cwd)
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)
    assert _last_line_of_traceback(ours.stderr) == _last_line_of_traceback(theirs.stderr)


def test_top_level_help(tmp_path):
    _same(["--help"], tmp_path)


@pytest.mark.parametrize("sub", SUBCOMMANDS)
def test_subcommand_help(tmp_path, sub):
    _same([sub, "--help"], tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["nosuchcommand"],
        ["heads", "--nosuchflag"],
        ["show"],
        ["history", "-r", "nocolon"],
        ["-c", "a.ini", "-c", "b.ini", "heads"],
        ["-c", "pyproject.toml", "-c", "x/pyproject.toml", "heads"],
    ],
    ids=lambda a: " ".join(a) or "no-args",
)
def test_argument_errors(tmp_path, args):
    _same(args, tmp_path)


def test_version_names_the_implementation(tmp_path):
    rc, out, err = run_ours(["--version"], cwd=tmp_path)
    assert rc == 0
    _, theirs, _ = run_oracle(["--version"], cwd=tmp_path)
    # Alembic's text first, so scripts that parse "alembic X.Y.Z" keep working.
    assert out.startswith(theirs.strip())
    assert "alembic-rs" in out


def test_missing_ini_and_section(tmp_path):
    # no alembic.ini at all: Alembic reports the missing section of a missing file
    _same(["heads"], tmp_path)
    (tmp_path / "alembic.ini").write_text("[alembic]\nscript_location = nowhere\n")
    _same(["heads"], tmp_path)
    _same(["-n", "nosuchsection", "heads"], tmp_path)
    (tmp_path / "alembic.ini").write_text("[alembic]\n")
    _same(["heads"], tmp_path)
