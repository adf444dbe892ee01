"""Differential tests of read-only commands on bad input: ours must fail like Alembic.

Each case names a corpus project (alembic_compat/broken/* are projects Alembic rejects), the
command line, and how the failure is compared. By default the oracle's output decides between
the first two (the same broken project can give either, depending on the command: `heads` on a
cycle raises CycleDetected, `history` reports it as "FAILED: ..."):

exact      Alembic reports the error itself ("FAILED: ...", argparse usage): exit code, stdout
           and stderr byte for byte. Python warnings are compared without their
           "<file>:<line>:" prefix and source line, which locate Alembic's own module.
exception  Alembic lets an exception escape (CycleDetected, configparser errors, ...): same
           exit code and stdout, same warnings, and the same final exception text; the
           traceback frames are implementation detail.
warned     Alembic explains the problem in a warning, then dies of an accidental exception
           (a KeyError for a dangling down_revision): same exit code, stdout and warnings, and
           ours must name the missing revision; how ours ends after that is free.
clear      Alembic's output is a raw traceback (SyntaxError of a version file): both must fail,
           and ours must say what is wrong without a traceback, naming the file and the line.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
from pathlib import Path

import oracle
import pytest

COMPAT = oracle.REPO / "alembic_compat"
TRACEBACK = "Traceback (most recent call last):"


def _generator():
    # revision ids of generated projects come from the generator, not from typed constants
    spec = importlib.util.spec_from_file_location("compat_generate", COMPAT / "graphs/generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = _generator()
rid = gen.rev_id

_WARNING = re.compile(r"^\S+\.py:\d+: (\w*Warning): (.*)$")


def normalize_warnings(stderr: str) -> str:
    """Drop the location Python prints before a warning (and the source line after it)."""
    out: list[str] = []
    skip_source = False
    for line in stderr.split("\n"):
        if skip_source and line.startswith("  "):
            skip_source = False
            continue
        skip_source = False
        m = _WARNING.match(line)
        if m:
            out.append(f"<warning> {m.group(1)}: {m.group(2)}")
            skip_source = True
        else:
            out.append(line)
    return "\n".join(out)


def warnings_of(stderr: str) -> list[str]:
    return [line for line in normalize_warnings(stderr).split("\n") if line.startswith("<warning>")]


def exception_text(stderr: str) -> str | None:
    """The final exception of a Python traceback ("Type: message" and its continuation)."""
    lines = stderr.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(TRACEBACK)]
    if not starts:
        return None
    i = starts[-1] + 1
    while i < len(lines) and (lines[i].startswith("  ") or not lines[i]):
        i += 1
    return "\n".join(lines[i:]).rstrip("\n")


def P(project: str, args: list[str], mode: str = "auto", **extra) -> pytest.param:
    return pytest.param(project, args, mode, extra, id=f"{project}: {' '.join(args) or '(none)'}")


MB = "multiple_bases"

CASES = [
    # unknown revisions, branches and ranges
    P("trip_planner", ["show", "deadbeef0000"]),
    P("trip_planner", ["show", "dead"]),
    P("trip_planner", ["history", "-r", "deadbeef0000:"]),
    P("trip_planner", ["history", "-r", ":zzzz"]),
    P("trip_planner", ["history", "-r", "foo"]),
    P("trip_planner", ["show", "nosuchbranch@head"]),
    P("trip_planner", ["show", "base-1"]),
    P("trip_planner", ["show", "head+1"]),
    P("trip_planner", ["history", "-r", "base:+50"]),
    P("graphs/branches_merges", ["history", "-r", f"{rid('branches_merges', 'base')}:+20"]),
    P("graphs/branches_merges", ["show", f"{rid('branches_merges', 'base')}-1"]),
    P("graphs/" + MB, ["show", f"networking@{rid(MB, 'auth_2')}"]),
    P("graphs/" + MB, ["show", "nosuch@head"]),
    P("graphs/" + MB, ["history", "-r", f"{rid(MB, 'net_3')}:{rid(MB, 'auth_3')}"]),
    # ambiguous and too-short prefixes (ids abcd1234ef01, abcd5678ef02, label abcd_feature)
    P("graphs/prefixes", ["show", "abcd"]),
    P("graphs/prefixes", ["show", "abc"]),
    P("graphs/prefixes", ["show", "ab"]),
    P("graphs/prefixes", ["history", "-r", "abcd:"]),
    P("graphs/prefixes", ["history", "-r", "abc0:abcd"]),
    # several heads where one is needed
    P("graphs/open_branches", ["show", "head"]),
    P("graphs/open_branches", ["history", "-r", "base:head"]),
    P("graphs/open_branches", ["show", "head-1"]),
    P("graphs/mesh_open", ["show", "head"]),
    P("graphs/" + MB, ["show", "head"]),
    P("graphs/" + MB, ["show", "base"]),
    # broken projects
    P("broken/cycle", ["heads"]),
    P("broken/cycle", ["history"]),
    P("broken/cycle", ["show", "head"]),
    P("broken/self_loop", ["heads"]),
    P("broken/self_loop", ["branches"]),
    P("broken/duplicate_label", ["heads"]),
    P("broken/duplicate_id", ["heads"]),
    P("broken/duplicate_id", ["history"]),
    P("broken/duplicate_id", ["show", rid("duplicate_id", "b")]),
    P(
        "broken/dangling",
        ["heads"],
        "warned",
        mentions=[rid("dangling", "deleted"), rid("dangling", "c")],
    ),
    P(
        "broken/dangling",
        ["history"],
        "warned",
        mentions=[rid("dangling", "deleted"), rid("dangling", "c")],
    ),
    P(
        "broken/dangling_depends",
        ["heads"],
        "warned",
        # Alembic names only the missing id (KeyError), not the revision depending on it
        mentions=[rid("dangling_depends", "deleted")],
    ),
    P("broken/syntax_error", ["heads"], "clear", syntax_error=True),
    P("broken/syntax_error", ["history"], "clear", syntax_error=True),
    P("broken/syntax_error", ["show", "head"], "clear", syntax_error=True),
    P("broken/helper_module", ["heads"]),
    P("broken/helper_module", ["history"]),
    P("broken/empty_versions", ["heads"]),
    P("broken/empty_versions", ["branches"]),
    P("broken/empty_versions", ["history"]),
    P("broken/empty_versions", ["history", "-r", "base:head"]),
    P("broken/empty_versions", ["show", "head"]),
    P("broken/empty_versions", ["show", "heads"]),
    P("broken/empty_versions", ["show", "abcd1234"]),
    P("broken/no_versions_dir", ["heads"]),
    P("broken/no_versions_dir", ["history"]),
    P("broken/unknown_script_location", ["heads"]),
    P("broken/unknown_script_location", ["history"]),
    P("broken/no_script_location", ["heads"]),
    P("broken/malformed_ini", ["heads"]),
    # configuration files and sections
    P("trip_planner", ["-c", "missing.ini", "heads"]),
    P("trip_planner", ["--config", "missing.ini", "history"]),
    P("trip_planner", ["-c", "alembic", "heads"]),  # a directory, not a file
    P("trip_planner", ["-n", "nosuch", "heads"]),
    P("trip_planner", ["--name", "nosuch", "history"]),
    P("trip_planner", ["heads"], env={"ALEMBIC_CONFIG": "missing.ini"}),
    P("graphs/named_sections", ["-n", "nosuch", "heads"]),
    P("graphs", ["heads"]),  # no alembic.ini in the working directory
    # command line syntax (argparse)
    P("trip_planner", []),
    P("trip_planner", ["nosuchcmd"]),
    P("trip_planner", ["heads", "--bogus"]),
    P("trip_planner", ["history", "-r"]),
    P("trip_planner", ["history", "-r", "-2:"]),
    P("trip_planner", ["show"]),
    P("trip_planner", ["show", "head", "extra"]),
    P("trip_planner", ["-c"]),
]


@pytest.fixture(scope="module", autouse=True)
def _prewarm_oracle(request: pytest.FixtureRequest) -> None:
    # see test_compat_readonly: compute the selected cases' oracle runs concurrently
    jobs = []
    for item in request.session.items:
        if item.module is request.module and item.originalname == "test_error_matches_alembic":
            p = item.callspec.params
            jobs.append((p["args"], COMPAT / p["project"], p["extra"].get("env")))
    oracle.prewarm(jobs)


def syntax_error_line(project: Path) -> tuple[Path, int]:
    for path in sorted(project.rglob("versions/*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError as exc:
            return path, exc.lineno
    raise AssertionError(f"no file with a syntax error under {project}")


@pytest.mark.parametrize(("project", "args", "mode", "extra"), CASES)
def test_error_matches_alembic(
    project: str, args: list[str], mode: str, extra: dict, ours_alembic: Path
) -> None:
    cwd = COMPAT / project
    env = extra.get("env")
    expected = oracle.expectation(args, cwd, env)
    want = expected.result
    ours = oracle.run_ours(args, cwd, env)
    where = f"`alembic {' '.join(args)}` in {cwd}"

    if mode == "auto":
        mode = "exception" if TRACEBACK in want.stderr else "exact"
    if mode == "exact":
        norm = expected._replace(
            result=_without_warning_locations(want),
            alternatives=tuple(_without_warning_locations(r) for r in expected.alternatives),
        )
        report = oracle.compare(norm, _without_warning_locations(ours))
        if report:
            pytest.fail(f"{where}\n{report}", pytrace=False)
        return

    observed = expected.alternatives or (want,)
    if mode == "exception":
        assert want.returncode != 0, "harness: the oracle was expected to fail"
        theirs = {exception_text(r.stderr) for r in observed}
        assert None not in theirs, f"harness: the oracle printed no traceback:\n{want.stderr}"
        assert (ours.returncode, ours.stdout) == (want.returncode, want.stdout), (
            f"{where}: exit code/stdout differ\noracle: {want.returncode} {want.stdout!r}\n"
            f"ours: {ours.returncode} {ours.stdout!r}\nours stderr:\n{ours.stderr}"
        )
        assert warnings_of(ours.stderr) == warnings_of(want.stderr), where
        assert exception_text(ours.stderr) in theirs, (
            f"{where}: final exception differs\noracle:\n{sorted(theirs)}\n"
            f"ours stderr:\n{ours.stderr}"
        )
        return

    # Alembic prints "FAILED: ..." on stdout, tracebacks and warnings on stderr: look at both
    said = ours.stdout + ours.stderr
    assert want.returncode != 0, "harness: the oracle was expected to fail"
    if mode == "warned":
        assert (ours.returncode, ours.stdout) == (want.returncode, want.stdout), (
            f"{where}: exit code/stdout differ\noracle: {want.returncode} {want.stdout!r}\n"
            f"ours: {ours.returncode}\n{said}"
        )
        assert warnings_of(ours.stderr) == warnings_of(want.stderr), f"{where}\n{said}"
    else:
        assert mode == "clear"
        assert ours.returncode != 0, f"{where}: ours succeeded\n{said}"
        assert TRACEBACK not in said, f"{where}: ours printed a traceback\n{said}"
    if extra.get("syntax_error"):
        path, line = syntax_error_line(cwd)
        assert path.name in said, f"{where}: file not named\n{said}"
        # the line CPython reports for the error (for an unclosed bracket: where it opens)
        assert re.search(rf"(line {line}\b|{re.escape(path.name)}:{line}\b)", said), (
            f"{where}: line {line} not named\n{said}"
        )
    for text in extra.get("mentions", []):
        assert text in said, f"{where}: {text} not mentioned\n{said}"


def _without_warning_locations(result: oracle.Result) -> oracle.Result:
    return result._replace(stderr=normalize_warnings(result.stderr))


@pytest.mark.parametrize("how", ["no-permission", "not-a-file", "not-utf8"])
def test_unreadable_ini(tmp_path: Path, ours_alembic: Path, how: str) -> None:
    project = tmp_path / "trip_planner"
    shutil.copytree(COMPAT / "trip_planner", project)
    ini = project / "alembic.ini"
    if how == "no-permission":
        if os.geteuid() == 0:
            pytest.skip("root reads files whatever their mode; 'not-a-file' covers it")
        ini.chmod(0)
    elif how == "not-a-file":
        # opening fails with an OSError, as for a file without read permission
        ini.unlink()
        ini.mkdir()
    else:
        ini.write_bytes(ini.read_bytes().replace(b"[alembic]", b"[alembic]\n# caf\xe9"))
    want = oracle.run_oracle(["heads"], project)
    ours = oracle.run_ours(["heads"], project)
    assert ours.returncode == want.returncode
    assert ours.stdout == want.stdout
    assert exception_text(ours.stderr) == exception_text(want.stderr)


def test_harness_exception_text() -> None:
    # the parser above, on the shape CPython prints (frames, source lines, carets)
    stderr = (
        "warn\n"
        f"{TRACEBACK}\n"
        '  File "x.py", line 1, in <module>\n'
        "    f()\n"
        "    ^^^\n"
        "configparser.MissingSectionHeaderError: File contains no section headers.\n"
        "file: 'alembic.ini', line: 1\n"
    )
    assert exception_text(stderr) == (
        "configparser.MissingSectionHeaderError: File contains no section headers.\n"
        "file: 'alembic.ini', line: 1"
    )
    assert normalize_warnings("/a/b.py:12: UserWarning: hi\n  util.warn(\nnext") == (
        "<warning> UserWarning: hi\nnext"
    )
