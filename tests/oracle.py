"""Run real Alembic (the oracle) and alembic-rs ("ours") as separate processes.

Both distributions own the ``alembic`` package, so they can never share an environment: the
oracle lives in its own virtualenv under ``<repo>/.oracle/`` (gitignored), created once with
``uv`` and keyed by a hash of its requirement list, so editing ORACLE_REQUIREMENTS rebuilds
it. Ours is the ``alembic`` console script of the venv pytest runs in.

    run_oracle(["heads"], cwd=project)  -> Result(returncode, stdout, stderr)
    run_ours(["heads"], cwd=project)    -> Result(returncode, stdout, stderr)

Both get the same scrubbed environment (see ``process_env``) so that the only difference
between two runs is the program. ``cached_oracle`` memoises oracle runs in memory for the
session and on disk keyed by the content of the project tree, because one Alembic process
costs most of a second and the differential suites need hundreds of them.

Also usable without pytest (bench/run.py imports it): ``python tests/oracle.py`` builds the
venv and prints its location.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
ORACLE_HOME = REPO / ".oracle"

# Exactly what a user of real Alembic has installed; the versions of Alembic and SQLAlchemy
# are pinned because their output is the expected value of every differential test.
ORACLE_REQUIREMENTS = (
    "alembic==1.20.1",
    "sqlalchemy[asyncio]==2.1.9",
    "psycopg2-binary",
    "psycopg[binary]",
    "asyncpg",
    "python-dotenv",
    "mako",
    "pytest-alembic",
    # see pyproject.toml's dev group
    "sqlalchemy-cockroachdb==2.0.3",
)

# Variables that would leak one environment into the other or change Python's behaviour.
_SCRUBBED = (
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONWARNINGS",
    "PYTHONDEVMODE",
    "PYTHONINSPECT",
    "PYTHONBREAKPOINT",
    "PYTHONSAFEPATH",
    "PYTHONNOUSERSITE",
    "PYTHONHASHSEED",
    "PYTHONUTF8",
    "PYTHONIOENCODING",
    "ALEMBIC_CONFIG",
    "DATABASE_URL",
    "COLUMNS",
    "LINES",
)

TIMEOUT = 300


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def _python_tag() -> str:
    return f"{sys.implementation.name}{sys.version_info.major}.{sys.version_info.minor}"


def oracle_key() -> str:
    """Hash of what the oracle venv is made of: requirements and the interpreter version."""
    spec = json.dumps({"requirements": ORACLE_REQUIREMENTS, "python": _python_tag()})
    return hashlib.sha256(spec.encode()).hexdigest()[:16]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    # Several pytest processes (or engineers) may ask for the oracle at the same time.
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def oracle_venv() -> Path:
    """The oracle virtualenv, built on first use (needs `uv` and the package index/cache)."""
    venv = ORACLE_HOME / f"venv-{oracle_key()}"
    marker = venv / ".complete"
    compiled = venv / ".compiled"
    if marker.exists() and compiled.exists():
        return venv
    with _locked(ORACLE_HOME / ".lock"):
        if marker.exists():
            _compile(venv, compiled)
            return venv
        uv = shutil.which("uv")
        if uv is None:
            raise RuntimeError("`uv` is needed to build the oracle virtualenv; install uv")
        for stale in ORACLE_HOME.glob("venv-*"):
            shutil.rmtree(stale, ignore_errors=True)
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PYTHON")}
        # The same interpreter as ours, so that both sides run the same Python.
        base_python = getattr(sys, "_base_executable", None) or sys.executable
        subprocess.run(
            [uv, "venv", "--quiet", "--python", base_python, str(venv)], check=True, env=env
        )
        subprocess.run(
            [
                uv,
                "pip",
                "install",
                "--quiet",
                "--python",
                str(venv / "bin" / "python"),
                *ORACLE_REQUIREMENTS,
            ],
            check=True,
            env=env,
        )
        marker.write_text("\n".join(ORACLE_REQUIREMENTS) + "\n")
        _compile(venv, compiled)
    return venv


def _compile(venv: Path, compiled: Path) -> None:
    # Runs use PYTHONDONTWRITEBYTECODE, and uv installs without bytecode: without this,
    # every oracle process would compile SQLAlchemy and Alembic from source (3x slower),
    # and the benchmark would time that instead of Alembic.
    if compiled.exists():
        return
    site = next((venv / "lib").glob("python*/site-packages"))
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "compileall", "-q", "-j0", str(site)],
        check=False,
        capture_output=True,
    )
    compiled.write_text("")


def oracle_bin() -> Path:
    return oracle_venv() / "bin"


def ours_bin() -> Path:
    # pytest runs inside the project venv; sys.executable must not be resolved, since
    # .venv/bin/python is a symlink to the base interpreter.
    return Path(sys.executable).parent


def ours_available() -> bool:
    return (ours_bin() / "alembic").exists()


def process_env(bin_dir: Path, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of one run: the caller's, scrubbed, with bin_dir's venv activated.

    PYTHONHASHSEED defaults to 0 so that runs are reproducible; tests that probe Alembic's
    set-order dependence pass other seeds. Bytecode writing is off so read-only runs leave
    the corpus untouched, and the terminal width is fixed because argparse wraps to it.
    """
    out = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    other_bins = {str(oracle_bin_path()), str(ours_bin())}
    path = [p for p in out.get("PATH", "").split(os.pathsep) if p and p not in other_bins]
    out["PATH"] = os.pathsep.join([str(bin_dir), *path])
    out["VIRTUAL_ENV"] = str(bin_dir.parent)
    out["PYTHONHASHSEED"] = "0"
    out["PYTHONDONTWRITEBYTECODE"] = "1"
    out["COLUMNS"] = "80"
    out["LC_ALL"] = "C.UTF-8"
    out["LANG"] = "C.UTF-8"
    if env:
        out.update(env)
    return out


def oracle_bin_path() -> Path:
    """Where the oracle's bin directory is (or will be), without building it."""
    return ORACLE_HOME / f"venv-{oracle_key()}" / "bin"


def _run(
    bin_dir: Path,
    args: Sequence[str],
    cwd: Path | str,
    env: Mapping[str, str] | None,
    stdin: str | None = None,
) -> Result:
    proc = subprocess.run(
        [str(bin_dir / "alembic"), *args],
        check=False,
        cwd=str(cwd),
        env=process_env(bin_dir, env),
        input=stdin.encode() if stdin is not None else None,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    # surrogateescape keeps str equality equivalent to byte equality
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "surrogateescape"),
        proc.stderr.decode("utf-8", "surrogateescape"),
    )


def run_oracle(
    args: Sequence[str],
    cwd: Path | str,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> Result:
    """Run real Alembic's CLI: `alembic *args` in cwd."""
    return _run(oracle_bin(), args, cwd, env, stdin)


def run_ours(
    args: Sequence[str],
    cwd: Path | str,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> Result:
    """Run alembic-rs's CLI (the `alembic` script next to sys.executable)."""
    return _run(ours_bin(), args, cwd, env, stdin)


def run_snippet(
    bin_dir: Path,
    snippet: Path,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
) -> object:
    """Run a snippet script with the interpreter of ``bin_dir`` (the oracle's or ours) and
    return the JSON it prints; a failing snippet fails the test with its stderr."""
    proc = subprocess.run(
        [str(bin_dir / "python"), str(snippet)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=process_env(bin_dir, env),
        timeout=TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# ---------------------------------------------------------------------------------------------
# caching


def tree_digest(root: Path) -> str:
    """Content hash of a project tree: relative paths, bytes and modes of every file."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", ".venv", ".git"))
        for name in sorted(filenames):
            p = Path(dirpath, name)
            rel = p.relative_to(root).as_posix()
            st = p.lstat()
            h.update(f"{rel}\0{st.st_mode:o}\0".encode())
            if p.is_symlink():
                h.update(os.readlink(p).encode())
            else:
                h.update(p.read_bytes())
            h.update(b"\0")
        # empty directories matter to Alembic (an empty versions/), so hash the names too
        h.update(("D" + Path(dirpath).relative_to(root).as_posix() + "\0").encode())
    return h.hexdigest()


_memory: dict[str, Result] = {}


def cached_oracle(
    args: Sequence[str],
    cwd: Path | str,
    env: Mapping[str, str] | None = None,
    tree: Path | str | None = None,
) -> Result:
    """run_oracle memoised per session and on disk.

    The key covers the oracle's requirements, the absolute cwd (it appears in output), the
    arguments, the environment overrides and the content of ``tree`` (default: cwd), so a
    changed corpus file or a new Alembic pin can never be answered from a stale entry. Set
    ALEMBIC_ORACLE_CACHE=0 to bypass the disk cache.
    """
    cwd = Path(cwd).resolve()
    tree = Path(tree).resolve() if tree else cwd
    key_doc = json.dumps(
        {
            "oracle": oracle_key(),
            "cwd": str(cwd),
            "args": list(args),
            "env": sorted((env or {}).items()),
            "tree": tree_digest(tree),
        }
    )
    key = hashlib.sha256(key_doc.encode()).hexdigest()
    if key in _memory:
        return _memory[key]
    use_disk = os.environ.get("ALEMBIC_ORACLE_CACHE", "1") != "0"
    path = ORACLE_HOME / "results" / key[:2] / f"{key}.json"
    if use_disk and path.exists():
        data = json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
        result = Result(data["returncode"], data["stdout"], data["stderr"])
    else:
        result = run_oracle(args, cwd, env)
        if use_disk:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(
                json.dumps(result._asdict(), ensure_ascii=False),
                encoding="utf-8",
                errors="surrogateescape",
            )
            tmp.replace(path)
    _memory[key] = result
    return result


# ---------------------------------------------------------------------------------------------
# expectations: what real Alembic prints, and how strictly it can be compared
#
# Some of Alembic's output follows Python set iteration order, which depends on the string
# hash seed and so changes from process to process: the children of a branch point
# (Revision.nextrev, a frozenset: "Branches into:" and the "->" lines of `branches`) and a
# revision's branch labels (a set: "(a, b)" and "Branch names:"). Rather than trusting that
# list, every expectation runs the oracle under several PYTHONHASHSEED values and picks the
# strictest view under which all those runs agree; ours is then compared under that view.
# When no view reconciles them (a message naming two revisions in set order, say "Branch
# name 'x' in revision A already used by revision B"), ours must equal one of the outputs
# observed.

SEEDS = ("0", "1")
# tried too when the first runs agree but the output contains comma lists or branch children,
# where agreement may be luck (two seeds order a two-element set the same way half the time)
EXTRA_SEEDS = ("2", "3", "4")

# "<prefix><comma list>" lines whose list Alembic builds from a set
_LIST_AFTER = re.compile(
    r"^(Branches into: |Branch names: "
    r"|.*overlaps with other requested revisions "
    r"|.*Multiple heads are present for given argument '[^']*'; )(.*)$"
)
_PAREN_LIST = re.compile(r"\(([^()]*?, [^()]*?)\)")
_CHILD = re.compile(r"^ +-> ")


def _sorted_items(text: str) -> str:
    return ", ".join(sorted(text.split(", ")))


def view_exact(text: str) -> str:
    return text


def view_unordered_sets(text: str) -> str:
    """Comma lists sorted, and runs of `branches` child lines sorted; entry order kept."""
    lines = []
    for line in text.split("\n"):
        m = _LIST_AFTER.match(line)
        if m:
            line = m.group(1) + _sorted_items(m.group(2))
        lines.append(_PAREN_LIST.sub(lambda m: "(" + _sorted_items(m.group(1)) + ")", line))
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _CHILD.match(lines[j]):
            j += 1
        if j > i:
            out.extend(sorted(lines[i:j]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def view_unordered_entries(text: str) -> str:
    """view_unordered_sets, then the entries (a "Rev:" block, or a top-level line with its
    indented continuation) sorted as well."""
    lines = view_unordered_sets(text).split("\n")
    verbose = any(line.startswith("Rev: ") for line in lines)
    entries: list[list[str]] = []
    for line in lines:
        starts = line.startswith("Rev: ") if verbose else bool(line) and not line[0].isspace()
        if starts or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    return "\n--\n".join(sorted("\n".join(e) for e in entries))


VIEWS = (
    ("exact", view_exact),
    ("unordered sets", view_unordered_sets),
    ("unordered entries", view_unordered_entries),
)


def _has_set_list(text: str) -> bool:
    """A line whose comma list Alembic builds from a set (``_LIST_AFTER``)."""
    return any(_LIST_AFTER.match(line) and ", " in line for line in text.split("\n"))


def _maybe_set_ordered(text: str) -> bool:
    lines = text.split("\n")
    return (
        any(_LIST_AFTER.match(line) and ", " in line for line in lines)
        or any(_PAREN_LIST.search(line) for line in lines)
        or sum(1 for line in lines if _CHILD.match(line)) >= 2
    )


class Expectation(NamedTuple):
    result: Result
    view_name: str
    view: Callable[[str], str]
    seeds: tuple[str, ...]
    # the distinct outputs observed; more than one only for view_name == ONE_OF
    alternatives: tuple[Result, ...] = ()


ONE_OF = "one of the observed outputs"


def oracle_runs(
    args: Sequence[str],
    cwd: Path | str,
    env: Mapping[str, str] | None = None,
    seeds: Sequence[str] = SEEDS,
) -> list[Result]:
    return [cached_oracle(args, cwd, {**(env or {}), "PYTHONHASHSEED": s}) for s in seeds]


def expectation(
    args: Sequence[str], cwd: Path | str, env: Mapping[str, str] | None = None
) -> Expectation:
    """Real Alembic's result for `alembic *args` in cwd, with the view to compare it under."""
    seeds = tuple(SEEDS)
    runs = oracle_runs(args, cwd, env, seeds)
    agree = all(r == runs[0] for r in runs)
    if not agree or _maybe_set_ordered(runs[0].stdout) or _maybe_set_ordered(runs[0].stderr):
        # unstable, or possibly so: look at more seeds to see the variation
        seeds += EXTRA_SEEDS
        runs += oracle_runs(args, cwd, env, EXTRA_SEEDS)
    codes = {r.returncode for r in runs}
    if len(codes) > 1:
        raise AssertionError(f"oracle exit code depends on the hash seed: {codes} for {args}")
    # a list Alembic builds from a set of revisions is unordered even when every seed agreed:
    # its order may follow object addresses too, which a different checkout path changes
    views = VIEWS[1:] if _has_set_list(runs[0].stdout + runs[0].stderr) else VIEWS
    for name, view in views:
        first = (view(runs[0].stdout), view(runs[0].stderr))
        if all((view(r.stdout), view(r.stderr)) == first for r in runs[1:]):
            return Expectation(runs[0], name, view, seeds)
    distinct = tuple(dict.fromkeys(runs))
    return Expectation(runs[0], ONE_OF, view_exact, seeds, distinct)


def compare(expected: Expectation, ours: Result) -> str | None:
    """None when ours matches the expectation, else a readable report."""
    if expected.view_name == ONE_OF:
        if ours in expected.alternatives:
            return None
        n = len(expected.alternatives)
        report = diff_report(expected.result, ours, view_exact, f"{ONE_OF} ({n}); diff to 1st")
        return report or "ours differs from every observed output"
    return diff_report(expected.result, ours, expected.view, expected.view_name)


def diff_report(
    expected: Result, ours: Result, view: Callable[[str], str], view_name: str
) -> str | None:
    """None when ours matches expected under view, else a readable unified diff."""
    parts = []
    if ours.returncode != expected.returncode:
        parts.append(f"exit code: oracle {expected.returncode}, ours {ours.returncode}")
    for stream in ("stdout", "stderr"):
        want, got = view(getattr(expected, stream)), view(getattr(ours, stream))
        if want != got:
            diff = difflib.unified_diff(
                want.splitlines(keepends=True),
                got.splitlines(keepends=True),
                fromfile=f"oracle {stream}",
                tofile=f"ours {stream}",
            )
            parts.append("".join(diff))
    if not parts:
        return None
    return f"[compared: {view_name}]\n" + "\n".join(parts)


def prewarm(
    jobs: Sequence[tuple[Sequence[str], Path | str, Mapping[str, str] | None]],
    workers: int | None = None,
) -> None:
    """Compute expectations for many command lines concurrently (fills the caches)."""
    from concurrent.futures import ThreadPoolExecutor

    oracle_venv()
    workers = workers or max(1, os.cpu_count() or 1)

    def one(job):
        # errors are left for the test owning the job to raise and report
        with contextlib.suppress(Exception):
            expectation(*job)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, jobs))


if __name__ == "__main__":
    print(oracle_venv())
