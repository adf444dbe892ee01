"""Differential tests of offline SQL (`alembic ... --sql`): ours vs real Alembic, byte for byte.

Three layers, every expected value produced by running real Alembic 1.20.1 (tests/oracle.py):

1. The op/type matrix (alembic_compat/op_matrix): a linear chain of one revision per case.
   One `upgrade base:head --sql` and one `downgrade head:base --sql` per side; the output is
   split at the `-- Running upgrade a -> b` / `-- Running downgrade b -> a` markers and each
   revision's section (and its `Running ...` log line) is one test case
   (`test_op_matrix[upgrade-0042_add_column_nullable]`). Ours runs twice: as installed, and
   with ALEMBIC_RS_NO_STATIC=1 (every migration through the Python `op` proxy instead of the
   static evaluator); both must match Alembic, so the static and the dynamic path produce the
   same SQL.
2. Every project of the corpus that has migrations (alembic_compat/*/, graphs/*/,
   env_shapes/*/, offline_failures/*/, each with a compat.json): the common command lines
   below plus the project's own `offline` list, compared on exit code, stdout and stderr.
3. Failures: offline_failures/ holds migrations real Alembic aborts mid-run (reading rows
   through `op.get_bind()`, inspecting, literals SQLAlchemy cannot render, ...); ours must stop
   at the same revision, after the same partial stdout, with the same message.

compat.json keys used here (all optional):

    "offline":           command lines: ["upgrade", "a:b", "--sql"], or
                         {"args": [...], "env": {"NAME": "value" | null}} (null: unset)
    "offline_env":       environment for every offline command of the project
    "offline_unordered": {"<revision>": "why"}: sections whose statements Alembic emits in
                         Python set order (Table.indexes, Column.constraints); compared as
                         multisets of statements
    "requires":          modules both environments must have to run the project (async
                         template: greenlet)

How strictly output is compared (each view is named in the failure report):

- Tracebacks: only the frames in the project's own files (env.py, versions, app modules) and
  the exception lines are compared; frames inside Alembic, SQLAlchemy or importlib differ
  between the two installations by nature.
- A step that merges or unmerges heads: which head gets the UPDATE and which the DELETE /
  INSERTs follows set iteration in Alembic, so its version-table statements are compared by
  effect (statement counts and the heads after them).
- Runs whose plan has branch points are repeated under several PYTHONHASHSEED values; if
  those runs disagree, looser views are tried in turn (statements unordered within steps,
  then steps in any order), as tests/oracle.py does for the read-only commands.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import functools
import json
import os
import re
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import oracle
import pytest

COMPAT = oracle.REPO / "alembic_compat"
MATRIX = COMPAT / "op_matrix"
MATRIX_UP = ("upgrade", "base:head", "--sql")
MATRIX_DOWN = ("downgrade", "head:base", "--sql")
NO_STATIC = {"ALEMBIC_RS_NO_STATIC": "1"}

# Run in every project (revision-specific lines come from each compat.json).
COMMON_OFFLINE: list[list[str]] = [
    ["upgrade", "head", "--sql"],
    ["upgrade", "heads", "--sql"],
    ["downgrade", "head:base", "--sql"],
    ["upgrade", "+2", "--sql"],
    ["stamp", "heads", "--sql"],
    # errors
    ["downgrade", "-1", "--sql"],
    ["stamp", "heads", "--sql", "--purge"],
    ["upgrade", "nosuchrevision", "--sql"],
]

# A linear run needs one oracle process; a plan with branch points is repeated under these
# hash seeds too, to see whether Alembic's order depends on set iteration.
SEED = "0"
EXTRA_SEEDS = ("1", "2", "3", "4")


# ---------------------------------------------------------------------------------------------
# the corpus


class Command(NamedTuple):
    project: Path
    args: tuple[str, ...]
    # environment overrides; None unsets a variable the harness scrubs anyway (DATABASE_URL)
    env: tuple[tuple[str, str | None], ...] = ()
    # the part of env this command line sets itself (beyond the project's offline_env)
    own_env: tuple[tuple[str, str | None], ...] = ()

    @property
    def rel(self) -> str:
        return self.project.relative_to(COMPAT).as_posix()

    def environment(self) -> dict[str, str]:
        return {k: v for k, v in self.env if v is not None}

    def label(self) -> str:
        text = f"{self.rel}: {' '.join(self.args)}"
        extra = [f"{k}={v}" if v is not None else f"no {k}" for k, v in self.own_env]
        return text + (f" [{', '.join(extra)}]" if extra else "")


class Spec(NamedTuple):
    project: Path
    commands: tuple[Command, ...]
    unordered: frozenset[str]
    requires: tuple[str, ...]


def offline_projects() -> list[Path]:
    found: list[Path] = []
    for pattern in (
        "*/compat.json",
        "graphs/*/compat.json",
        "env_shapes/*/compat.json",
        "offline_failures/*/compat.json",
    ):
        found += sorted(p.parent for p in COMPAT.glob(pattern))
    return found


def _overrides(env: dict[str, str | None], where: str) -> tuple[tuple[str, str | None], ...]:
    for name, value in env.items():
        if value is None and name not in oracle._SCRUBBED:
            # only a variable the harness removes from every run can be "unset"
            raise ValueError(f"{where}: cannot unset {name}, which the harness passes through")
    return tuple(sorted(env.items()))


@functools.cache
def load_spec(project: Path) -> Spec:
    doc = json.loads((project / "compat.json").read_text(encoding="utf-8"))
    base_env: dict[str, str | None] = dict(doc.get("offline_env", {}))
    commands = [
        Command(project, tuple(a), _overrides(base_env, str(project))) for a in COMMON_OFFLINE
    ]
    for entry in doc.get("offline", []):
        args, own = (
            (entry["args"], entry.get("env", {})) if isinstance(entry, dict) else (entry, {})
        )
        env = _overrides({**base_env, **own}, str(project))
        commands.append(Command(project, tuple(args), env, tuple(sorted(own.items()))))
    return Spec(
        project,
        tuple(commands),
        frozenset(doc.get("offline_unordered", {})),
        tuple(doc.get("requires", ())),
    )


def project_cases() -> list[pytest.param]:
    return [
        pytest.param(cmd, id=cmd.label())
        for project in offline_projects()
        for cmd in load_spec(project).commands
    ]


# ---------------------------------------------------------------------------------------------
# reading offline output

_MARKER = re.compile(r"^-- Running (upgrade|downgrade|stamp_revision) (.*) -> (.*)$", re.M)
_LOG_RUNNING = "INFO  [alembic.runtime.migration] Running "
_FRAME = re.compile(r'^  File "(?P<path>[^"]*)", line \d+, in ')


class Section(NamedTuple):
    marker: str  # "-- Running upgrade 0041 -> 0042"
    kind: str  # upgrade / downgrade / stamp_revision
    source: str
    dest: str
    body: str  # everything after the marker line up to the next marker

    @property
    def revision(self) -> str:
        """The revision this step runs: the target of an upgrade, the source of a downgrade."""
        return self.source if self.kind == "downgrade" else self.dest


def split_sections(stdout: str) -> tuple[str, list[Section]]:
    """stdout -> (text before the first step, one Section per `-- Running` marker)."""
    matches = list(_MARKER.finditer(stdout))
    if not matches:
        return stdout, []
    sections = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(stdout)
        sections.append(
            Section(m.group(0), m.group(1), m.group(2), m.group(3), stdout[m.end() : end])
        )
    return stdout[: matches[0].start()], sections


def statements(body: str) -> list[str]:
    # the offline writer separates statements (and comments) by one blank line
    return [s for s in body.strip("\n").split("\n\n") if s]


def _is_version_statement(stmt: str) -> bool:
    return stmt.startswith(("INSERT INTO ", "UPDATE ", "DELETE FROM ")) and "version_num" in stmt


def _quoted(stmt: str) -> list[str]:
    return stmt.split("'")[1::2]


def _apply_version_statement(heads: set[str], stmt: str) -> None:
    q = _quoted(stmt)
    if stmt.startswith("INSERT INTO "):
        heads.add(q[0])
    elif stmt.startswith("UPDATE "):
        heads.discard(q[1])
        heads.add(q[0])
    else:
        heads.discard(q[0])


def _is_merge(section: Section) -> bool:
    return ", " in section.source or ", " in section.dest


def branchy(stdout: str) -> bool:
    """Does the plan fork or join (where Alembic's order may come from set iteration)?"""
    _, sections = split_sections(stdout)
    sources = [s.source for s in sections if s.kind == "upgrade"]
    dests = [s.dest for s in sections if s.kind != "upgrade"]
    return (
        any(_is_merge(s) for s in sections)
        or len(set(sources)) < len(sources)
        or len(set(dests)) < len(dests)
    )


# ---------------------------------------------------------------------------------------------
# views: what part of the output is compared, and how strictly


def view_user_frames(text: str, project: Path) -> str:
    """Tracebacks reduced to the frames in the project's own files (and the exception)."""
    root = str(project) + os.sep
    lines = text.split("\n")
    out: list[str] = []
    in_traceback = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "Traceback (most recent call last):":
            in_traceback = True
        elif in_traceback:
            m = _FRAME.match(line)
            if m:
                j = i + 1
                while j < len(lines) and lines[j].startswith("    "):
                    j += 1
                path = m.group("path")
                # a module imported through a relative sys.path entry (prepend_sys_path = .)
                # has a path relative to the project directory
                if path.startswith(root) or not (os.path.isabs(path) or path.startswith("<")):
                    out.extend(lines[i:j])
                i = j
                continue
            in_traceback = False
        out.append(line)
        i += 1
    return "\n".join(out)


def _normalize_sections(
    text: str,
    unordered: Callable[[Section], bool],
    version_effect: Callable[[Section], bool],
) -> str:
    prelude, sections = split_sections(text)
    out = [prelude]
    heads: set[str] = set()
    for chunk in statements(prelude):
        if _is_version_statement(chunk):
            _apply_version_statement(heads, chunk)
    for section in sections:
        chunks = statements(section.body)
        normalized: list[str] = []
        pending: list[str] = []

        def flush(pending: list[str] = pending, normalized: list[str] = normalized) -> None:
            if pending:
                kinds = [c.split(" ", 1)[0] for c in pending]
                normalized.append(f"<version table: {sorted(kinds)} -> {sorted(heads)}>")
                pending.clear()

        for chunk in chunks:
            if _is_version_statement(chunk):
                _apply_version_statement(heads, chunk)
                if version_effect(section):
                    pending.append(chunk)
                    continue
            flush()
            normalized.append(chunk)
        flush()
        if unordered(section):
            normalized.sort()
        if unordered(section) or version_effect(section):
            out.append(section.marker + "\n\n" + "\n\n".join(normalized) + "\n")
        else:
            out.append(section.marker + section.body)
    return "".join(out)


def _steps_any_order(text: str) -> str:
    """Steps as a multiset (version-table statements reduced to a placeholder), then the
    heads the version table ends with; `Running ...` log lines sorted."""
    lines = text.split("\n")
    runs = sorted(line for line in lines if line.startswith(_LOG_RUNNING))
    it = iter(runs)
    text = "\n".join(next(it) if line.startswith(_LOG_RUNNING) else line for line in lines)
    prelude, sections = split_sections(text)
    if not sections:
        return text
    heads: set[str] = set()
    steps = []
    for section in sections:
        kept = []
        for chunk in statements(section.body):
            if _is_version_statement(chunk):
                _apply_version_statement(heads, chunk)
                # which step INSERTs a head and which UPDATEs it depends on the order
                chunk = "<version table>"
            kept.append(chunk)
        steps.append(section.marker + "\n" + "\n\n".join(sorted(kept)))
    return prelude + "\n--\n".join(sorted(steps)) + f"\n<final heads {sorted(heads)}>"


def sql_views(spec: Spec) -> list[tuple[str, Callable[[str], str]]]:
    """Views from strict to loose; every one compares tracebacks by their user frames,
    declared set-ordered sections as multisets and merge steps' version table by effect."""
    project = spec.project

    def declared(section: Section) -> bool:
        return section.revision in spec.unordered

    def base(text: str) -> str:
        return _normalize_sections(view_user_frames(text, project), declared, _is_merge)

    def all_unordered(text: str) -> str:
        return _normalize_sections(view_user_frames(text, project), lambda s: True, _is_merge)

    def any_order(text: str) -> str:
        return _steps_any_order(view_user_frames(text, project))

    exact_name = "exact (tracebacks: project frames; merge steps: version table by effect"
    if spec.unordered:
        exact_name += f"; revisions {', '.join(sorted(spec.unordered))} as statement multisets"
    return [
        (exact_name + ")", base),
        ("statements unordered within each step", all_unordered),
        ("steps in any order", any_order),
    ]


# ---------------------------------------------------------------------------------------------
# expectations


_expectations: dict[Command, oracle.Expectation] = {}


def sql_expectation(cmd: Command) -> oracle.Expectation:
    """Real Alembic's result for cmd, with the strictest view under which its runs agree."""
    if cmd in _expectations:
        return _expectations[cmd]
    spec = load_spec(cmd.project)
    env = cmd.environment()
    seeds: tuple[str, ...] = (SEED,)
    runs = oracle.oracle_runs(cmd.args, cmd.project, env, seeds)
    if runs[0].returncode == 0 and branchy(runs[0].stdout):
        seeds += EXTRA_SEEDS
        runs += oracle.oracle_runs(cmd.args, cmd.project, env, EXTRA_SEEDS)
    codes = {r.returncode for r in runs}
    if len(codes) > 1:
        raise AssertionError(f"oracle exit code depends on the hash seed: {codes} for {cmd}")
    result = None
    for name, view in sql_views(spec):
        first = (view(runs[0].stdout), view(runs[0].stderr))
        if all((view(r.stdout), view(r.stderr)) == first for r in runs[1:]):
            result = oracle.Expectation(runs[0], name, view, seeds)
            break
    if result is None:
        distinct = tuple(dict.fromkeys(runs))
        result = oracle.Expectation(runs[0], oracle.ONE_OF, oracle.view_exact, seeds, distinct)
    _expectations[cmd] = result
    return result


@functools.cache
def missing_modules(modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` the oracle's or our environment cannot import."""
    problems = []
    for side, bin_dir in (("oracle", oracle.oracle_bin()), ("ours", oracle.ours_bin())):
        for module in modules:
            rc = subprocess.run(
                [str(bin_dir / "python"), "-c", f"import {module}"],
                check=False,
                capture_output=True,
                env=oracle.process_env(bin_dir),
            ).returncode
            if rc != 0:
                problems.append(f"{side} ({bin_dir.parent}) cannot import {module}")
    return problems


def require(spec: Spec) -> None:
    problems = missing_modules(spec.requires)
    if problems:
        pytest.fail(
            f"{spec.project.relative_to(COMPAT)} needs {', '.join(spec.requires)} in both "
            "environments (oracle: tests/oracle.py ORACLE_REQUIREMENTS; ours: the dev "
            "dependency group in pyproject.toml):\n  " + "\n  ".join(problems),
            pytrace=False,
        )


# ---------------------------------------------------------------------------------------------
# the op/type matrix


class MatrixRevision(NamedTuple):
    revision: str
    down_revision: str | None
    stem: str  # file name without .py: "0042_add_column_nullable"


def _literal(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        targets = (
            [node.target]
            if isinstance(node, ast.AnnAssign)
            else node.targets
            if isinstance(node, ast.Assign)
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(node.value)
    raise LookupError(name)


@functools.cache
def matrix_revisions() -> tuple[MatrixRevision, ...]:
    """The matrix's revisions in chain order (read from the files, without importing them)."""
    revs = []
    for path in sorted((MATRIX / "migrations" / "versions").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        revs.append(
            MatrixRevision(_literal(tree, "revision"), _literal(tree, "down_revision"), path.stem)
        )
    return tuple(revs)


def matrix_cases() -> list[pytest.param]:
    return [
        pytest.param(direction, rev, id=f"{direction}-{rev.stem}")
        for direction in ("upgrade", "downgrade")
        for rev in matrix_revisions()
    ]


def _matrix_args(direction: str) -> tuple[str, ...]:
    return MATRIX_UP if direction == "upgrade" else MATRIX_DOWN


def matrix_oracle(direction: str, seed: str = SEED) -> oracle.Result:
    return oracle.cached_oracle(_matrix_args(direction), MATRIX, {"PYTHONHASHSEED": seed})


@functools.cache
def matrix_ours(direction: str, no_static: bool) -> oracle.Result:
    return oracle.run_ours(_matrix_args(direction), MATRIX, NO_STATIC if no_static else None)


OURS_SIDES = (("ours", False), ("ours with ALEMBIC_RS_NO_STATIC=1", True))


def sections_by_revision(stdout: str) -> dict[str, Section]:
    sections = split_sections(stdout)[1]
    if sections and sections[-1].body.endswith("\nCOMMIT;\n\n"):
        # the last step's body ends with the run's COMMIT: keep only the step itself
        last = sections[-1]
        sections[-1] = last._replace(body=last.body[: -len("COMMIT;\n\n")])
    return {s.revision: s for s in sections}


def log_lines_by_revision(stderr: str, direction: str) -> dict[str, str]:
    out = {}
    for line in stderr.split("\n"):
        if line.startswith(f"{_LOG_RUNNING}{direction} "):
            step = line[len(_LOG_RUNNING) + len(direction) + 1 :].split(", ")[0]
            source, _, dest = step.partition(" -> ")
            out[source if direction == "downgrade" else dest] = line
    return out


def _section_text(section: Section, unordered: bool) -> str:
    if unordered:
        return section.marker + "\n\n" + "\n\n".join(sorted(statements(section.body))) + "\n"
    return section.marker + section.body


def _tail(text: str, n: int = 15) -> str:
    return "\n".join(text.rstrip("\n").split("\n")[-n:])


def _diff(want: str, got: str, what: str) -> str:
    return "".join(
        difflib.unified_diff(
            want.splitlines(keepends=True),
            got.splitlines(keepends=True),
            fromfile=f"oracle {what}",
            tofile=f"ours {what}",
        )
    )


# ---------------------------------------------------------------------------------------------
# prewarming: one Alembic process costs about a second; compute the selected cases'
# expectations concurrently up front (results are cached on disk for later sessions)


@pytest.fixture(scope="module", autouse=True)
def _prewarm_oracle(request: pytest.FixtureRequest) -> None:
    commands: list[Command] = []
    matrix = False
    for item in request.session.items:
        if item.module is not request.module:
            continue
        callspec = getattr(item, "callspec", None)
        if callspec and "cmd" in callspec.params:
            spec = load_spec(callspec.params["cmd"].project)
            if not spec.requires or not missing_modules(spec.requires):
                commands.append(callspec.params["cmd"])
        elif item.originalname.startswith("test_op_matrix"):
            matrix = True
    oracle.oracle_venv()
    jobs: list[Callable[[], object]] = [functools.partial(sql_expectation, c) for c in commands]
    if matrix:
        jobs += [functools.partial(matrix_oracle, d) for d in ("upgrade", "downgrade")]

    def run(job: Callable[[], object]) -> None:
        # errors are left for the test owning the job to raise and report
        with contextlib.suppress(Exception):
            job()

    with ThreadPoolExecutor(max(1, os.cpu_count() or 1)) as pool:
        list(pool.map(run, jobs))


# ---------------------------------------------------------------------------------------------
# 1. the matrix, one case per revision and direction


def single_step_args(direction: str, rev: MatrixRevision) -> tuple[str, ...]:
    down = rev.down_revision or "base"
    if direction == "upgrade":
        return ("upgrade", f"{down}:{rev.revision}", "--sql")
    return ("downgrade", f"{rev.revision}:{down}", "--sql")


@functools.cache
def ours_step(args: tuple[str, ...], no_static: bool) -> oracle.Result:
    return oracle.run_ours(args, MATRIX, NO_STATIC if no_static else None)


def _compare_step(
    direction: str, rev: MatrixRevision, want_run: oracle.Result, got_run: oracle.Result
) -> list[str]:
    """Differences between the oracle's and our section (and log line) of rev."""
    unordered = rev.revision in load_spec(MATRIX).unordered
    want = sections_by_revision(want_run.stdout)[rev.revision]
    want_log = log_lines_by_revision(want_run.stderr, direction)[rev.revision]
    got = sections_by_revision(got_run.stdout).get(rev.revision)
    if got is None:
        return [
            f"no `{want.marker}` section (exit code {got_run.returncode}); stderr ends with:\n"
            + _tail(got_run.stderr)
        ]
    problems = []
    w, g = _section_text(want, unordered), _section_text(got, unordered)
    if w != g:
        view = "statements as a multiset" if unordered else "exact"
        problems.append(f"[{view}]\n{_diff(w, g, 'section')}")
    got_log = log_lines_by_revision(got_run.stderr, direction).get(rev.revision)
    if got_log != want_log:
        problems.append(f"log line\n  oracle: {want_log}\n  ours:   {got_log}")
    if problems and got_run.returncode != want_run.returncode:
        problems.append(
            f"ours exited with {got_run.returncode} (oracle {want_run.returncode}); "
            f"stderr ends with:\n{_tail(got_run.stderr)}"
        )
    return problems


@pytest.mark.parametrize(("direction", "rev"), matrix_cases())
def test_op_matrix(direction: str, rev: MatrixRevision, ours_alembic: Path) -> None:
    want_run = matrix_oracle(direction)
    assert want_run.returncode == 0, f"the oracle failed on the matrix:\n{_tail(want_run.stderr)}"
    report = []
    for label, no_static in OURS_SIDES:
        got_run = matrix_ours(direction, no_static)
        run_args = _matrix_args(direction)
        if (
            rev.revision not in sections_by_revision(got_run.stdout)
            and split_sections(got_run.stdout)[1]
        ):
            # our whole run stopped before this revision (test_op_matrix_whole_output says
            # where): judge the revision by its own single-step run on both sides instead
            run_args = single_step_args(direction, rev)
            want_step = oracle.cached_oracle(run_args, MATRIX, {"PYTHONHASHSEED": SEED})
            problems = _compare_step(direction, rev, want_step, ours_step(run_args, no_static))
        else:
            problems = _compare_step(direction, rev, want_run, got_run)
        report += [f"{label}, `alembic {' '.join(run_args)}`: {p}" for p in problems]
    if report:
        pytest.fail(f"op_matrix, {rev.stem}\n" + "\n".join(report), pytrace=False)


@pytest.mark.parametrize("no_static", [False, True], ids=["ours", "no-static"])
@pytest.mark.parametrize("direction", ["upgrade", "downgrade"])
def test_op_matrix_whole_output(direction: str, no_static: bool, ours_alembic: Path) -> None:
    # the whole run: prelude (BEGIN, CREATE TABLE alembic_version), every step, COMMIT, exit
    # code, and stderr (Context impl PostgresqlImpl. / Generating static SQL / Will assume
    # transactional DDL. / one Running line per step)
    spec = load_spec(MATRIX)
    name, view = sql_views(spec)[0]
    expected = oracle.Expectation(matrix_oracle(direction), name, view, (SEED,))
    report = oracle.compare(expected, matrix_ours(direction, no_static))
    if report:
        pytest.fail(
            f"`alembic {' '.join(_matrix_args(direction))}` in op_matrix "
            f"({'ALEMBIC_RS_NO_STATIC=1' if no_static else 'as installed'})\n{report}",
            pytrace=False,
        )


@pytest.mark.parametrize("direction", ["upgrade", "downgrade"])
def test_op_matrix_static_equals_dynamic(direction: str, ours_alembic: Path) -> None:
    # the static evaluator and the Python op proxy must produce the same ops, hence the same
    # SQL: compared directly, so that a difference is reported even where both differ from
    # Alembic
    name, view = sql_views(load_spec(MATRIX))[0]
    static, dynamic = matrix_ours(direction, False), matrix_ours(direction, True)
    report = oracle.diff_report(static, dynamic, view, name)
    if report:
        pytest.fail(f"static vs ALEMBIC_RS_NO_STATIC=1 ({direction})\n{report}", pytrace=False)


def test_op_matrix_is_a_complete_chain() -> None:
    revs = matrix_revisions()
    assert len(revs) >= 160
    assert revs[0].down_revision is None
    for prev, rev in zip(revs, revs[1:], strict=False):
        assert rev.down_revision == prev.revision, f"{rev.stem} does not follow {prev.stem}"
    # the oracle produces one section per revision in each direction
    for direction in ("upgrade", "downgrade"):
        result = matrix_oracle(direction)
        assert result.returncode == 0, _tail(result.stderr)
        assert list(sections_by_revision(result.stdout)) == [
            r.revision for r in (revs if direction == "upgrade" else revs[::-1])
        ]
    dynamic = [r for r in revs if "_dyn_" in r.stem]
    assert len(dynamic) >= 15


@pytest.mark.parametrize("direction", ["upgrade", "downgrade"])
def test_op_matrix_set_order_is_declared(direction: str) -> None:
    # Alembic's output under other hash seeds: every section that changes must be listed in
    # op_matrix/compat.json "offline_unordered" (and then agree as a multiset of statements)
    spec = load_spec(MATRIX)
    base = sections_by_revision(matrix_oracle(direction).stdout)
    for seed in ("1", "2", "3"):
        other = sections_by_revision(matrix_oracle(direction, seed).stdout)
        assert list(other) == list(base)
        for revision, section in base.items():
            if section.body == other[revision].body:
                continue
            assert revision in spec.unordered, (
                f"seed {seed}: section {revision} changes with the hash seed; declare it in "
                "op_matrix/compat.json offline_unordered"
            )
            assert _section_text(section, True) == _section_text(other[revision], True)


# ---------------------------------------------------------------------------------------------
# 2. every project: common and project-specific command lines


@pytest.mark.parametrize("cmd", project_cases())
def test_offline_matches_alembic(cmd: Command, ours_alembic: Path) -> None:
    spec = load_spec(cmd.project)
    require(spec)
    expected = sql_expectation(cmd)
    ours = oracle.run_ours(cmd.args, cmd.project, cmd.environment())
    report = oracle.compare(expected, ours)
    if report:
        pytest.fail(f"`alembic {' '.join(cmd.args)}` in {cmd.label()}\n{report}", pytrace=False)


def test_corpus_has_every_kind_of_offline_project() -> None:
    rels = {p.relative_to(COMPAT).as_posix() for p in offline_projects()}
    for required in (
        "trip_planner",
        "finance_backend",
        "job_runner",
        "fastapi_template",
        "op_matrix",
        "offline_failures/data_reads",
    ):
        assert required in rels
    assert sum(1 for r in rels if r.startswith("graphs/")) >= 10
    assert sum(1 for r in rels if r.startswith("env_shapes/")) >= 5
    # every project with compat.json has migrations
    for project in offline_projects():
        assert any(project.rglob("versions/*.py")), project


# ---------------------------------------------------------------------------------------------
# 3. failures: real Alembic stops mid-run, in the revision named here (guards the corpus; the
# comparison with ours is part of test_offline_matches_alembic)

FAILURES = [
    (
        "offline_failures/data_reads",
        ["upgrade", "fetch_rows@head", "--sql"],
        "a1f0c0de0001",
        "fetchall",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "scalar_count@head", "--sql"],
        "a1f0c0de0002",
        "scalar",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "inspect_bind@head", "--sql"],
        "a1f0c0de0003",
        "NoInspectionAvailable",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "json_literal@head", "--sql"],
        "a1f0c0de0004",
        "No literal value renderer",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "batch_reflect@head", "--sql"],
        "a1f0c0de0005",
        "cannot proceed in --sql mode",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "long_name@head", "--sql"],
        "a1f0c0de0006",
        "exceeds maximum length",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "exclude_expression@head", "--sql"],
        "a1f0c0de0007",
        "non-blank name",
    ),
    (
        "offline_failures/data_reads",
        ["upgrade", "null_type@head", "--sql"],
        "a1f0c0de0008",
        "NullType",
    ),
    (
        "offline_failures/data_reads",
        ["downgrade", "downgrade_reads@head:base", "--sql"],
        "a1f0c0de0009",
        "scalar_one",
    ),
]


@pytest.mark.parametrize(
    ("rel", "args", "revision", "message"),
    FAILURES,
    ids=[f"{f[0].split('/')[-1]}: {' '.join(f[1])}" for f in FAILURES],
)
def test_failure_corpus_fails_where_documented(
    rel: str, args: list[str], revision: str, message: str
) -> None:
    spec = load_spec(COMPAT / rel)
    cmd = next(c for c in spec.commands if list(c.args) == args)
    result = sql_expectation(cmd).result
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    running = [line for line in result.stderr.split("\n") if line.startswith(_LOG_RUNNING)]
    assert running and revision in running[-1], running
