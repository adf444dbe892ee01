"""Differential tests of the native `alembic-rs` binary (src/alembic_rs_cli) against real Alembic.

The binary is built once per session. For every corpus project (the discovery and command
lines of test_compat_readonly, the error cases of test_errors_readonly) and a set of global
option spellings, `alembic-rs <args>` must print on stdout exactly what `alembic <args>` prints
and end with the same exit code. stderr is ours to word: warnings Alembic shows must appear as
`alembic-rs: warning: <message>`, and where Alembic dies of an uncaught exception, ours must
say the same thing without a traceback.

What the native binary cannot do (run env.py, import a version file, locate a package
resource) must fail with exit code 2, an `error:` naming it and a `hint:`. Which projects need
an import is decided here with Python's own `ast`, independently of the Rust parser.
"""

from __future__ import annotations

import ast
import configparser
import fcntl
import json
import os
import pty
import shlex
import struct
import subprocess
import termios
from collections.abc import Mapping, Sequence
from pathlib import Path

import oracle
import pytest
from test_compat_readonly import COMMON, corpus_projects
from test_errors_readonly import CASES as ERROR_CASES
from test_errors_readonly import TRACEBACK, exception_text, syntax_error_line, warnings_of

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

COMPAT = oracle.REPO / "alembic_compat"
NOT_NATIVE = 2
HEADER_NAMES = ("revision", "down_revision", "branch_labels", "depends_on")


# ---------------------------------------------------------------------------------------------
# the binary


@pytest.fixture(scope="session")
def native() -> Path:
    """target/release/alembic-rs, built once per session."""
    proc = subprocess.run(
        [
            "cargo",
            "build",
            "-p",
            "alembic_rs_cli",
            "--release",
            "--message-format=json-render-diagnostics",
        ],
        cwd=oracle.REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"cargo build failed:\n{proc.stderr}", pytrace=False)
    for line in proc.stdout.splitlines():
        msg = json.loads(line)
        artifact = msg.get("reason") == "compiler-artifact"
        if artifact and msg["target"]["name"] == "alembic-rs" and msg.get("executable"):
            return Path(msg["executable"])
    pytest.fail("cargo built no alembic-rs executable", pytrace=False)


def run_native(
    binary: Path,
    args: Sequence[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: int = subprocess.DEVNULL,
) -> oracle.Result:
    """`alembic-rs *args` in cwd, in the same scrubbed environment the oracle gets."""
    proc = subprocess.run(
        [str(binary), *args],
        check=False,
        cwd=str(cwd),
        env=oracle.process_env(binary.parent, env),
        stdin=stdin,
        capture_output=True,
        timeout=oracle.TIMEOUT,
    )
    return oracle.Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "surrogateescape"),
        proc.stderr.decode("utf-8", "surrogateescape"),
    )


# ---------------------------------------------------------------------------------------------
# what the native binary cannot read, judged without it


def _literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def non_literal_headers(project: Path) -> list[Path]:
    """Version files (module-level `down_revision`) binding a header name to a non-literal."""
    found = []
    for path in sorted(project.rglob("*.py")):
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        values: dict[str, list[ast.expr]] = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign):
                targets, value = stmt.targets, stmt.value
            elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                targets, value = [stmt.target], stmt.value
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Name) and target.id in HEADER_NAMES:
                    values.setdefault(target.id, []).append(value)
        if "down_revision" in values and not all(_literal(v) for vs in values.values() for v in vs):
            found.append(path)
    return found


def package_location(project: Path) -> str | None:
    """script_location when it is a `package:path` resource (only Python can locate it)."""
    value = None
    ini = project / "alembic.ini"
    if ini.exists():
        parser = configparser.ConfigParser(defaults={"here": str(project)})
        parser.read(ini, encoding="utf-8")
        value = parser.get("alembic", "script_location", fallback=None)
    toml = project / "pyproject.toml"
    if value is None and toml.exists():
        tool = tomllib.loads(toml.read_text(encoding="utf-8")).get("tool", {})
        value = tool.get("alembic", {}).get("script_location")
    if isinstance(value, str) and ":" in value and not value.startswith("/"):
        return value
    return None


# ---------------------------------------------------------------------------------------------
# comparison


def _differences(
    want: oracle.Result, view, view_name: str, ours: oracle.Result, cwd: Path
) -> str | None:
    """None when ours does what Alembic did in `want`, else what differs."""
    if TRACEBACK in ours.stderr:
        return f"ours printed a traceback\n{ours.stderr}"
    if TRACEBACK in want.stderr:
        # Alembic let an exception escape: same exit code and stdout, and the same complaint
        if (ours.returncode, ours.stdout) != (want.returncode, want.stdout):
            return (
                f"exit code/stdout differ from Alembic's ({want.returncode}, "
                f"{want.stdout!r})\nours stdout:\n{ours.stdout}\nours stderr:\n{ours.stderr}"
            )
        theirs = exception_text(want.stderr) or ""
        kind, _, message = theirs.partition(": ")
        if kind.endswith("SyntaxError"):
            path, line = syntax_error_line(cwd)
            if path.name not in ours.stderr or f"line {line}" not in ours.stderr:
                return f"the file and line of the syntax error are not named\n{ours.stderr}"
        elif message.split("\n")[0] not in ours.stderr:
            return f"Alembic says\n{theirs}\nours stderr:\n{ours.stderr}"
    else:
        report = oracle.diff_report(
            want._replace(stderr=""), ours._replace(stderr=""), view, view_name
        )
        if report:
            return f"{report}\nours stderr:\n{ours.stderr}"
    for warning in warnings_of(want.stderr):
        category, _, message = warning.removeprefix("<warning> ").partition(": ")
        if category == "UserWarning" and f"alembic-rs: warning: {message}" not in ours.stderr:
            return f"Alembic warned\n{message}\nours stderr:\n{ours.stderr}"
    return None


def assert_like_alembic(
    binary: Path, args: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> None:
    where = f"`alembic-rs {shlex.join(args)}` in {cwd}"
    ours = run_native(binary, args, cwd, env)
    expected = oracle.expectation(args, cwd, env)
    # Where Alembic's output depends on more than set order (e.g. which duplicate branch
    # label it meets first), ours must be one of the outputs it was seen to produce.
    alternatives = expected.alternatives or (expected.result,)
    candidates = [(want, expected.view, expected.view_name) for want in alternatives]
    problems = [_differences(want, view, name, ours, cwd) for want, view, name in candidates]
    if all(problems):
        pytest.fail(f"{where}\n{problems[0]}", pytrace=False)


def assert_not_native(result: oracle.Result, args: Sequence[str], *mentions: str) -> None:
    where = f"`alembic-rs {shlex.join(args)}`"
    assert result.returncode == NOT_NATIVE, f"{where}: exit code {result.returncode}\n{result}"
    assert result.stdout == "", f"{where}: printed on stdout\n{result.stdout}"
    assert result.stderr.startswith("error: "), f"{where}:\n{result.stderr}"
    assert "\nhint: " in result.stderr, f"{where}: no hint\n{result.stderr}"
    for text in mentions:
        assert text in result.stderr, f"{where}: {text!r} not mentioned\n{result.stderr}"


# ---------------------------------------------------------------------------------------------
# cases


def corpus_cases() -> list[pytest.param]:
    out = []
    for project in corpus_projects():
        rel = project.relative_to(COMPAT).as_posix()
        extra = json.loads((project / "compat.json").read_text(encoding="utf-8"))["cases"]
        for args in COMMON + extra:
            out.append(pytest.param(project, args, id=f"{rel}: {' '.join(args)}"))
    return out


def error_cases() -> list[pytest.param]:
    out = []
    for case in ERROR_CASES:
        project, args, _mode, extra = case.values
        out.append(pytest.param(COMPAT / project, args, extra.get("env"), id=case.id))
    return out


TRIP = COMPAT / "trip_planner"
PYPROJECT_ONLY = COMPAT / "graphs/pyproject_only"

# Global options and argparse spellings (abbreviations, repeats, attached values, negative
# numbers as values), each run where it means something.
OPTION_CASES = [
    pytest.param(TRIP, args, env, id=f"trip_planner: {' '.join(args)} {env or ''}")
    for args, env in [
        (["-q", "heads"], None),
        (["--quiet", "show", "deadbeef0000"], None),
        (["-q", "--raiseerr", "show", "deadbeef0000"], None),
        (["--raiseerr", "show", "deadbeef0000"], None),
        (["--raiseerr", "history", "-r", "foo"], None),
        (["-x", "a=b", "-x", "c=d", "heads"], None),
        (["-c", "alembic.ini", "heads"], None),
        (["--config", "alembic.ini", "history"], None),
        (["-c=alembic.ini", "heads"], None),
        (["--conf", "alembic.ini", "heads"], None),
        (["-c", "pyproject.toml", "heads"], None),
        (["-c", "pyproject.toml", "-c", "alembic.ini", "heads"], None),
        (["-c", "a.ini", "-c", "b.ini", "heads"], None),
        (["-c", "pyproject.toml", "-c", "sub/pyproject.toml", "heads"], None),
        (["heads"], {"ALEMBIC_CONFIG": "alembic.ini"}),
        (["-c", "alembic.ini", "heads"], {"ALEMBIC_CONFIG": "missing.ini"}),
        (["-n", "alembic", "heads"], None),
        (["--name=alembic", "heads"], None),
        (["-n", "a", "-n", "alembic", "heads"], None),
        (["-qq", "heads"], None),
        (["heads", "--verb"], None),
        (["heads", "-vv"], None),
        (["heads", "--resolve"], None),
        (["show", "-1"], None),
        (["show", "--", "head"], None),
        (["show", "-1:"], None),
        (["history", "-r", "-1"], None),
        (["history", "-r-2:"], None),
        (["history", "--rev-range=-2:"], None),
        (["history", "-r", "-2:"], None),
        (["history", "--rev", "base:"], None),
        (["history", "-r", "a:b:c"], None),
        (["history", "-r", " :head "], None),
    ]
] + [
    pytest.param(PYPROJECT_ONLY, args, env, id=f"pyproject_only: {' '.join(args)} {env or ''}")
    for args, env in [
        (["heads"], {"ALEMBIC_CONFIG": "pyproject.toml"}),
        (["-c", "pyproject.toml", "history"], None),
        (["-c", "./pyproject.toml", "heads"], None),
    ]
]

REFUSED = [
    ["upgrade", "head"],
    ["upgrade", "head", "--sql"],
    ["downgrade", "base"],
    ["stamp", "head"],
    ["current"],
    ["revision", "-m", "add a table"],
    ["merge", "heads"],
    ["init", "somewhere"],
    ["check"],
    ["edit", "head"],
    ["list_templates"],
    ["ensure_version"],
    ["check", "--help"],
    ["show", "current"],
    ["history", "-i"],
    ["history", "--indicate-current", "-r", "base:head"],
    ["history", "-r", "current:"],
    ["history", "-r", "base:current"],
]


def _prewarm_jobs(items: list[pytest.Item], module: object) -> list[tuple]:
    jobs = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if item.module is not module or callspec is None:
            continue
        params = callspec.params
        if item.originalname in ("test_corpus", "test_errors", "test_options"):
            jobs.append((params["args"], params["project"], params.get("env")))
    return jobs


@pytest.fixture(scope="module", autouse=True)
def _prewarm_oracle(request: pytest.FixtureRequest) -> None:
    # one Alembic process costs most of a second: compute the expectations concurrently
    oracle.prewarm(_prewarm_jobs(request.session.items, request.module))


# ---------------------------------------------------------------------------------------------
# tests


@pytest.mark.parametrize(("project", "args"), corpus_cases())
def test_corpus(project: Path, args: list[str], native: Path) -> None:
    spec = package_location(project)
    pending = non_literal_headers(project)
    if (spec or pending) and oracle.expectation(args, project).result.returncode == 2:
        # argparse rejects the command line before anything is read: no difference there
        assert_like_alembic(native, args, project)
    elif spec is not None:
        assert_not_native(run_native(native, args, project), args, spec)
    elif pending:
        ours = run_native(native, args, project)
        assert_not_native(ours, args, "import")
        assert any(str(p.resolve()) in ours.stderr for p in pending), (
            f"none of {[p.name for p in pending]} is named:\n{ours.stderr}"
        )
    else:
        assert_like_alembic(native, args, project)


@pytest.mark.parametrize(("project", "args", "env"), error_cases())
def test_errors(project: Path, args: list[str], env: dict[str, str] | None, native: Path) -> None:
    assert_like_alembic(native, args, project, env)


@pytest.mark.parametrize(("project", "args", "env"), OPTION_CASES)
def test_options(project: Path, args: list[str], env: dict[str, str] | None, native: Path) -> None:
    assert_like_alembic(native, args, project, env)


def test_corpus_judges_found_something() -> None:
    # guards the two special cases of test_corpus against a judge that never fires
    projects = corpus_projects()
    assert any(non_literal_headers(p) for p in projects)
    assert any(package_location(p) for p in projects)


@pytest.mark.parametrize("args", REFUSED, ids=" ".join)
def test_refused(args: list[str], native: Path) -> None:
    ours = run_native(native, args, TRIP)
    assert_not_native(ours, args, "alembic-rs", f"alembic {shlex.join(args)}")


def test_refused_with_global_options(native: Path) -> None:
    args = ["-c", "alembic.ini", "-x", "tenant=a b", "upgrade", "head"]
    ours = run_native(native, args, TRIP)
    assert_not_native(ours, args, f"alembic {shlex.join(args)}")


def test_revision_environment(copy_project, native: Path) -> None:
    # revision_environment makes `history` run env.py; `heads` does not run it
    project = copy_project("trip_planner")
    ini = project / "alembic.ini"
    ini.write_text(
        ini.read_text(encoding="utf-8").replace(
            "[alembic]\n", "[alembic]\nrevision_environment = true\n", 1
        ),
        encoding="utf-8",
    )
    assert_not_native(run_native(native, ["history"], project), ["history"], "env.py")
    want = oracle.run_oracle(["heads"], project)
    ours = run_native(native, ["heads"], project)
    assert (ours.returncode, ours.stdout) == (want.returncode, want.stdout)


def test_version(native: Path) -> None:
    theirs = oracle.cached_oracle(["--version"], TRIP).stdout.strip()
    ours = run_native(native, ["--version"], TRIP)
    assert ours.returncode == 0
    assert ours.stdout.startswith("alembic-rs ")
    assert f"({theirs})" in ours.stdout


def test_help_lists_the_native_commands(native: Path) -> None:
    ours = run_native(native, ["--help"], TRIP)
    assert ours.returncode == 0
    for command in ("heads", "branches", "history", "show"):
        assert f"\n  {command} " in ours.stdout


def _run_on_tty(cmd: list[str], cwd: Path, env: dict[str, str], columns: int) -> oracle.Result:
    """Run with a terminal of `columns` columns as stdin (Alembic sizes messages by it)."""
    master, slave = pty.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        proc = subprocess.run(
            cmd,
            check=False,
            cwd=str(cwd),
            env=env,
            stdin=slave,
            capture_output=True,
            timeout=oracle.TIMEOUT,
        )
    finally:
        os.close(slave)
        os.close(master)
    return oracle.Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@pytest.mark.parametrize("columns", [80, 33, 12])
@pytest.mark.parametrize(
    "args",
    [
        ["show", "some-very-long-hyphenated-revision-name-that-goes-on"],
        ["history", "-r", "foo"],
        ["show", "ab"],
        ["heads"],
    ],
    ids=" ".join,
)
def test_terminal_width(args: list[str], columns: int, native: Path) -> None:
    # On a terminal, Alembic wraps "FAILED: ..." to its width with textwrap, indented by two.
    project = COMPAT / "graphs/prefixes"
    bin_dir = oracle.oracle_bin()
    want = _run_on_tty(
        [str(bin_dir / "alembic"), *args], project, oracle.process_env(bin_dir), columns
    )
    ours = _run_on_tty([str(native), *args], project, oracle.process_env(native.parent), columns)
    assert (ours.returncode, ours.stdout) == (want.returncode, want.stdout)
