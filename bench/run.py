"""Time alembic-rs against real Alembic, whole processes, interleaved in the same run.

    uv run python bench/run.py                          # all workloads, N = 100, 500, 2000
    uv run python bench/run.py --sizes 500 --repeat 9 --workloads heads
    uv run python bench/run.py --oracle-only            # harness check without ours
    uv run python bench/run.py --workloads online-local online-proxy --sizes 100 --repeat 3

For every workload and project size: a warm-up run of each implementation (page cache,
bytecode), then K rounds, each running real Alembic (the oracle venv of tests/oracle.py) and
alembic-rs (the `alembic` script of this venv) one after the other, so that machine load
affects both alike. Prints the medians and ours/theirs speed-up, and writes the raw timings to
bench/results/<timestamp>.json. Nothing is asserted about absolute times.

Workloads are rows of WORKLOADS below: a name (or its short key, for --workloads), the CLI
arguments, and an `env` hook giving per-project environment.

Online workloads (`online=Online(...)`) run `alembic upgrade heads` against a real PostgreSQL
(--pg-url, default the local server), each run on a database created just before it and
dropped after it (neither is timed). The URL reaches the project's template env.py through
ALEMBIC_CONFIG: a copy of the project's alembic.ini, next to it, with sqlalchemy.url replaced.
A third column, the floor, times `psql -1 -f` of real Alembic's offline `upgrade heads --sql`
output (made once per project): the same statements, with no migration tool at all. With
`delay_ms`, every connection goes through bench/proxy.py, which adds that one-way latency and
counts round trips; local workloads count them in their warm-up run, through a zero-delay
proxy. After each run the database's alembic_version and table count are read, and "same"
says whether all three left the same result. The online workloads are skipped, with a
message, when the server does not answer.

The `real-*` workloads run the real-shaped project (generate.generate_real: an env.py that
reads $DATABASE_URL and imports the app's models, data migrations in the history), with the
Python floor (python_floor: Python's start, env.py's own imports and the version files that
must be imported) as one more column, printed under the row with the CPU times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import generate  # noqa: E402 - bench/generate.py, next to this file
import oracle  # noqa: E402 - tests/oracle.py: the oracle venv and the process environment
from proxy import DelayProxy  # noqa: E402 - bench/proxy.py

RESULTS = HERE / "results"
FLOOR_SQL = RESULTS / "floor"
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# the per-run copy of alembic.ini that ALEMBIC_CONFIG points at (next to the original, so
# that %(here)s and script_location are unchanged)
ONLINE_INI = ".bench-online.ini"
FLOOR = "floor"
PY_FLOOR = "python floor"
# CPU time of run_once's last process
LAST_CPU = 0.0


@dataclass(frozen=True)
class Online:
    """An online workload: a fresh database per run, the psql floor, optionally a proxy."""

    sizes: tuple[int, ...]  # project sizes it runs at (those of --sizes that are listed here)
    delay_ms: float | None = None  # through bench/proxy.py with this one-way delay


@dataclass(frozen=True)
class Workload:
    name: str
    args: tuple[str, ...]
    # per-run environment additions, computed from the project directory
    env: Callable[[Path], dict[str, str]] = field(default=lambda project: {})
    # compare stdout of both implementations (off for outputs with timestamps etc.)
    compare_output: bool = True
    online: Online | None = None
    key: str = ""  # short name for --workloads
    # which generated project: "template" (generate.generate: the template env.py) or
    # "real" (generate.generate_real: env.py reads $DATABASE_URL and imports the models,
    # data migrations in the history)
    project: str = "template"
    # online: the variable the run's URL reaches env.py through (None: ALEMBIC_CONFIG, a
    # copy of alembic.ini with the URL)
    url_env: str | None = None

    def matches(self, names: Sequence[str]) -> bool:
        return self.name in names or (bool(self.key) and self.key in names)


WORKLOADS: tuple[Workload, ...] = (
    Workload("heads", ("heads",)),
    Workload("history", ("history",)),
    # Several merge revisions: which merged head gets the UPDATE and which the DELETEs follows
    # Python set order in Alembic (tests compare it "in effect"), so outputs are not compared.
    Workload("upgrade --sql", ("upgrade", "heads", "--sql"), compare_output=False, key="sql"),
    # Online, each run on a fresh database; the database's final state is compared instead.
    Workload(
        "upgrade (local)",
        ("upgrade", "heads"),
        compare_output=False,
        online=Online(sizes=(100, 500)),
        key="online-local",
    ),
    Workload(
        "upgrade (10ms proxy)",
        ("upgrade", "heads"),
        compare_output=False,
        online=Online(sizes=(100,), delay_ms=10.0),
        key="online-proxy",
    ),
    # What users of a real-shaped env.py feel: ours through its full Python path (env.py run
    # by Python, the DBAPI connection it configures, batches through the executor) instead
    # of the native run a template env.py gets. Real Alembic runs the same either way.
    *(
        Workload(
            f"upgrade (python, {where})",
            ("upgrade", "heads"),
            env=lambda project: {"ALEMBIC_RS_NO_FAST_PATH": "1"},
            compare_output=False,
            online=Online(sizes=(100,), delay_ms=delay_ms),
            key=key,
        )
        for where, delay_ms, key in (
            ("local", None, "online-python"),
            ("proxy", 10.0, "online-python-proxy"),
        )
    ),
    # A real project's env.py (the URL from the environment, the models imported for
    # target_metadata) and data migrations among plain ones: ours takes its Python path by
    # itself. Printed with the Python floor (see python_floor).
    Workload(
        "upgrade --sql (real env.py)",
        ("upgrade", "heads", "--sql"),
        env=lambda project: {"DATABASE_URL": DEFAULT_PG_URL},
        key="real-sql",
        project="real",
    ),
    *(
        Workload(
            f"upgrade (real env.py, {where})",
            ("upgrade", "heads"),
            compare_output=False,
            online=Online(sizes=(100,), delay_ms=delay_ms),
            key=key,
            project="real",
            url_env="DATABASE_URL",
        )
        for where, delay_ms, key in (
            ("local", None, "real-online"),
            ("proxy", 10.0, "real-online-proxy"),
        )
    ),
)


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    # CPU time (user + system) of the same runs: less disturbed by other load on the machine
    cpu: list[float] = field(default_factory=list)
    failed: str | None = None
    stdout: str | None = None
    # online: round trips and connections of each counted run (through the proxy), and
    # what the run left in its database
    round_trips: list[int] = field(default_factory=list)
    connections: list[int] = field(default_factory=list)
    state: str | None = None


def run_once(
    bin_dir: Path,
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    argv: Sequence[str] | None = None,
):
    """One timed process: `bin_dir/alembic args`, or `argv` (the Python floor's script)."""
    full_env = oracle.process_env(bin_dir, env)
    # as on a user's machine, both may cache bytecode (written during the warm-up): real
    # Alembic would otherwise recompile every version file on every run
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        list(argv) if argv else [str(bin_dir / "alembic"), *args],
        check=False,
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    global LAST_CPU
    LAST_CPU = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, proc


def measure(
    impls: dict[str, Path],
    workload: Workload,
    project: Path,
    warmup: int,
    repeat: int,
    floor_argv: Sequence[str] | None = None,
) -> dict[str, Sample]:
    """Each implementation's runs; with `floor_argv`, the Python floor's script too (as
    PY_FLOOR, run with ours' interpreter)."""
    env = workload.env(project)
    impls = dict(impls)
    if floor_argv:
        impls[PY_FLOOR] = oracle.ours_bin()
    samples = {name: Sample() for name in impls}

    def one(name: str, record: bool) -> None:
        sample = samples[name]
        if sample.failed:
            return
        argv = floor_argv if name == PY_FLOOR else None
        elapsed, proc = run_once(impls[name], workload.args, project, env, argv)
        if proc.returncode != 0:
            tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
            sample.failed = f"exit {proc.returncode}: {' '.join(tail)[:120]}"
            return
        sample.stdout = proc.stdout.decode(errors="replace")
        if record:
            sample.seconds.append(elapsed)
            sample.cpu.append(LAST_CPU)

    for _ in range(warmup):
        for name in impls:
            one(name, record=False)
    for _ in range(repeat):
        # interleaved: both implementations see the same machine state in each round
        for name in impls:
            one(name, record=True)
    return samples


def fmt_ms(sample: Sample) -> str:
    if sample.failed:
        return "error"
    return f"{statistics.median(sample.seconds) * 1000:.0f}"


# ---------------------------------------------------------------------------------------------
# online workloads


class Postgres:
    """The server of the online workloads: creates and drops the per-run databases."""

    def __init__(self, url: str, sslmode: str | None) -> None:
        import psycopg  # the project venv's (a dev dependency)
        from sqlalchemy.engine import make_url

        self.psycopg = psycopg
        self.url = make_url(url)
        self.host = self.url.host or "127.0.0.1"
        self.port = self.url.port or 5432
        self.sslmode = sslmode
        self.admin = psycopg.connect(self._conninfo(self.url), autocommit=True, connect_timeout=5)
        self.db = f"alembic_bench_{os.getpid()}"

    @classmethod
    def connect(cls, url: str, sslmode: str | None) -> tuple[Postgres | None, str]:
        """The server, or None and why not."""
        try:
            return cls(url, sslmode), ""
        except ImportError as e:
            return None, f"psycopg is not installed ({e}); `uv sync` installs it"
        except Exception as e:  # psycopg.OperationalError and the like
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            return None, f"PostgreSQL at {cls._redact(url)} is not reachable: {first}"

    @staticmethod
    def _redact(url: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)

    @staticmethod
    def _conninfo(url) -> str:
        return url.set(drivername="postgresql").render_as_string(hide_password=False)

    def run_url(self, port: int | None = None) -> str:
        """URL of this run's database, directly or through a proxy on `port`."""
        url = self.url.set(database=self.db)
        if port is not None:
            url = url.set(host="127.0.0.1", port=port)
        if self.sslmode:
            url = url.update_query_dict({"sslmode": self.sslmode})
        return self._conninfo(url)

    def create(self) -> None:
        self.drop()
        self.admin.execute(f'CREATE DATABASE "{self.db}"')

    def drop(self) -> None:
        # FORCE: a failed run may leave a connection behind
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')

    def state(self) -> str:
        """What a run left in its database: the version table and the number of tables."""
        with self.psycopg.connect(self.run_url(), autocommit=True) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchone()[0]
            try:
                heads = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            except self.psycopg.errors.UndefinedTable:
                heads = ["(no alembic_version)"]
        return f"{tables} tables, heads {','.join(sorted(heads))}"

    def close(self) -> None:
        self.drop()
        self.admin.close()


def floor_sql(project: Path, env: dict[str, str]) -> Path:
    """Real Alembic's offline `upgrade heads --sql` for the project, made once per project.

    Alembic's own BEGIN;/COMMIT; framing is dropped: `psql -1` runs the file as one
    transaction, as Alembic runs the upgrade online.
    """
    stamp = (project / ".stamp").read_text().strip()
    path = FLOOR_SQL / f"{project.name}-{oracle.oracle_key()}-{stamp}.sql"
    if path.exists():
        return path
    result = oracle.run_oracle(["upgrade", "heads", "--sql"], cwd=project, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"real Alembic's upgrade heads --sql failed:\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line not in ("BEGIN;", "COMMIT;")]
    FLOOR_SQL.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines) + "\n")
    tmp.replace(path)
    for stale in FLOOR_SQL.glob(f"{project.name}-*.sql"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


PY_FLOOR_SCRIPT = """\
# The Python floor of `alembic upgrade heads` on {project}: what any tool that runs this
# env.py pays. Python's start, env.py's own imports (not the tool's: `alembic` is a stand-in
# module here; online, with a URL argument, its engine: the dialect and the driver), and
# importing the {count} version files whose upgrade() must run in Python (ours' static
# evaluator reads the others without importing them).
import importlib.util
import sys
import types

sys.path.insert(0, {root!r})  # alembic.ini's prepend_sys_path = .
alembic = types.ModuleType("alembic")
alembic.op = alembic.context = types.ModuleType("alembic.op")
sys.modules["alembic"] = alembic

# env.py's own imports
import os  # noqa: E402,F401
from logging.config import fileConfig  # noqa: E402,F401

from sqlalchemy import engine_from_config, pool  # noqa: E402,F401

from app.models import Base  # noqa: E402,F401

if len(sys.argv) > 1:
    # online: env.py's engine (the dialect and its driver are imported; no connection)
    from sqlalchemy import create_engine  # noqa: E402

    create_engine(sys.argv[1], poolclass=pool.NullPool)

for path in {paths!r}:
    spec = importlib.util.spec_from_file_location("floor_" + path[-20:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
"""


def python_floor(project: Path) -> tuple[list[str], int]:
    """The Python floor's command line for a real-env.py project, and how many version
    files it imports: those whose upgrade() ours' static evaluator leaves to Python (asked of
    ours' `_native.evaluate_file`, so the floor falls as the evaluator reads more)."""
    python = oracle.ours_bin() / "python"
    probe = (
        "import glob, json, sys\n"
        "from alembic_rs import _native\n"
        "paths = sorted(glob.glob(sys.argv[1] + '/alembic/versions/*.py'))\n"
        "print(json.dumps([p for p in paths if _native.evaluate_file(p)[0] is None]))\n"
    )
    out = subprocess.run(
        [str(python), "-c", probe, str(project)], check=True, capture_output=True, text=True
    ).stdout
    paths = json.loads(out)
    script = project / ".bench-python-floor.py"
    script.write_text(
        PY_FLOOR_SCRIPT.format(
            project=project.name, count=len(paths), root=str(project), paths=paths
        )
    )
    return [str(python), str(script)], len(paths)


def write_online_ini(project: Path, url: str) -> Path:
    """A copy of the project's alembic.ini, next to it, whose sqlalchemy.url is `url`."""
    text = (project / "alembic.ini").read_text()
    line = "sqlalchemy.url = " + url.replace("%", "%%")
    text, count = re.subn(r"(?m)^sqlalchemy\.url\s*=.*$", lambda _: line, text)
    if count != 1:
        raise RuntimeError(f"{project}/alembic.ini: expected one sqlalchemy.url line")
    path = project / ONLINE_INI
    path.write_text(text)
    return path


def error_line(stderr: bytes) -> str:
    """The line of a failed run's stderr that says what went wrong."""
    lines = [line.strip() for line in stderr.decode(errors="replace").splitlines()]
    for line in reversed(lines):
        if re.search(r"Error\b|ERROR|FAILED|FATAL", line):
            return line
    return next((line for line in reversed(lines) if line), "")


def run_floor(psql: str, sql: Path, url: str) -> tuple[float, subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", str(sql), "-d", url],
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    return time.perf_counter() - t0, proc


def measure_online(
    impls: dict[str, Path | None],
    workload: Workload,
    project: Path,
    warmup: int,
    repeat: int,
    pg: Postgres,
    psql: str,
    floor_argv: Sequence[str] | None = None,
) -> dict[str, Sample]:
    """Like measure(), with a fresh database per run and the floor as a third implementation
    (impls[FLOOR] is None); with `floor_argv`, the Python floor as a fourth (PY_FLOOR)."""
    assert workload.online is not None
    delay_ms = workload.online.delay_ms
    # an env.py that reads the URL from the environment needs one even offline
    url_env = {workload.url_env: pg.run_url()} if workload.url_env else {}
    sql = floor_sql(project, {**workload.env(project), **url_env})
    samples = {name: Sample() for name in impls}
    # timed runs go through the proxy when the workload has a delay; a local workload counts
    # round trips in its warm-up run only, through a zero-delay proxy
    timed_proxy = DelayProxy(delay_ms, upstream=(pg.host, pg.port)) if delay_ms else None
    count_proxy = timed_proxy or DelayProxy(0.0, upstream=(pg.host, pg.port))

    def one(name: str, record: bool, proxy: DelayProxy | None) -> None:
        sample = samples[name]
        if sample.failed:
            return
        url = pg.run_url(proxy.port if proxy else None)
        pg.create()
        try:
            if proxy:
                proxy.reset()
            if name == FLOOR:
                elapsed, proc = run_floor(psql, sql, url)
            elif name == PY_FLOOR:
                # online, env.py's engine too: create_engine imports the dialect and the
                # driver (connecting is the server's time, the psql floor's)
                elapsed, proc = run_once(
                    oracle.ours_bin(), (), project, workload.env(project), [*floor_argv, url]
                )
            elif workload.url_env:
                env = {**workload.env(project), workload.url_env: url}
                elapsed, proc = run_once(impls[name], workload.args, project, env)
            else:
                ini = write_online_ini(project, url)
                env = {**workload.env(project), "ALEMBIC_CONFIG": str(ini)}
                elapsed, proc = run_once(impls[name], workload.args, project, env)
            if proc.returncode != 0:
                sample.failed = f"exit {proc.returncode}: {error_line(proc.stderr)[:160]}"
                return
            if name == PY_FLOOR:
                # no database: nothing to count or compare
                if record:
                    sample.seconds.append(elapsed)
                    sample.cpu.append(LAST_CPU)
                return
            if proxy:
                proxy.wait_idle()
                stats = proxy.stats()
                sample.round_trips.append(stats.round_trips)
                sample.connections.append(stats.connections)
            state = pg.state()
            if sample.state is not None and sample.state != state:
                state = f"varies: {sample.state} / {state}"
            sample.state = state
            if record:
                sample.seconds.append(elapsed)
                if name != FLOOR:
                    sample.cpu.append(LAST_CPU)
        finally:
            pg.drop()

    try:
        with count_proxy:  # the timed proxy, when there is one
            for _ in range(warmup):
                for name in impls:
                    one(name, record=False, proxy=count_proxy)
            for _ in range(repeat):
                for name in impls:
                    one(name, record=True, proxy=timed_proxy)
    finally:
        (project / ONLINE_INI).unlink(missing_ok=True)
    return samples


def fmt_round_trips(sample: Sample | None) -> str:
    if sample is None or not sample.round_trips:
        return "-"
    rts = sorted(set(sample.round_trips))
    conns = sorted(set(sample.connections))
    text = "/".join(map(str, rts))  # all runs alike, normally
    return f"{text} ({'/'.join(map(str, conns))}c)"


def print_floor_and_cpu(samples: dict[str, Sample], files: int) -> None:
    """Under a row: the Python floor's line (real-env.py rows: its time and both tools'
    ratios), and the CPU time (user + system) of each, less disturbed by other load."""
    floor = samples.get(PY_FLOOR)
    ours_s, theirs = samples.get("alembic-rs"), samples["alembic"]
    if floor is not None:
        print(
            f"    python floor {fmt_ms(floor)} ms (start, env.py's imports, {files} version "
            f"files imported): ours/floor {median_ratio(ours_s, floor) or '-'}, "
            f"alembic/floor {median_ratio(theirs, floor) or '-'}"
        )

    def cpu(sample: Sample | None) -> str:
        if sample is None or sample.failed or not sample.cpu:
            return "-"
        return f"{statistics.median(sample.cpu) * 1000:.0f}"

    def cpu_ratio(a: Sample | None, b: Sample | None) -> str:
        if cpu(a) == "-" or cpu(b) == "-":
            return "-"
        return f"{statistics.median(a.cpu) / statistics.median(b.cpu):.2f}x"

    line = f"    CPU ms: alembic {cpu(theirs)}, ours {cpu(ours_s)}"
    if floor is not None:
        line += f", floor {cpu(floor)}"
    line += f"; alembic/ours {cpu_ratio(theirs, ours_s)}"
    if floor is not None:
        line += f", ours/floor {cpu_ratio(ours_s, floor)}, alembic/floor {cpu_ratio(theirs, floor)}"
    print(line)


def median_ratio(a: Sample | None, b: Sample | None) -> str:
    if not a or not b or a.failed or b.failed or not a.seconds or not b.seconds:
        return ""
    return f"{statistics.median(a.seconds) / statistics.median(b.seconds):.1f}x"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(generate.SIZES))
    ap.add_argument("--repeat", type=int, default=5, help="timed rounds (K)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--workloads", nargs="+", help="names or keys from WORKLOADS (default: all)")
    ap.add_argument("--oracle-only", action="store_true", help="time real Alembic only")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG_URL),
        help="maintenance database of the online workloads' server "
        "(default: $BENCH_DATABASE_URL or %(default)s)",
    )
    ap.add_argument(
        "--sslmode",
        help="sslmode of every online connection (default: the drivers' own, usually prefer)",
    )
    args = ap.parse_args(argv)

    workloads = [w for w in WORKLOADS if not args.workloads or w.matches(args.workloads)]
    if not workloads:
        known = ", ".join(f"{w.name!r}" + (f" ({w.key})" if w.key else "") for w in WORKLOADS)
        ap.error(f"no such workload; known: {known}")
    impls = {"alembic": oracle.oracle_bin()}
    if not args.oracle_only:
        ours = oracle.ours_bin()
        if not (ours / "alembic").exists():
            ap.error(f"{ours}/alembic not found: build ours with `uv sync` (or --oracle-only)")
        impls["alembic-rs"] = ours

    offline = [w for w in workloads if w.online is None]
    online = [w for w in workloads if w.online is not None]
    # (project kind, N) -> the generated project
    wanted = {(w.project, n) for w in offline for n in args.sizes}
    for w in online:
        wanted |= {(w.project, n) for n in args.sizes if n in w.online.sizes}
    make = {"template": generate.ensure, "real": generate.ensure_real}
    projects = {key: make[key[0]](key[1]) for key in sorted(wanted)}
    rows = []
    print(f"K={args.repeat} rounds after {args.warmup} warm-up; medians of whole processes")
    if offline:
        rows += run_offline(offline, impls, projects, args)
    if online:
        rows += run_online(online, impls, projects, args)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    out.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "machine": platform.machine(),
                "repeat": args.repeat,
                "warmup": args.warmup,
                "rows": rows,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"raw timings: {out.relative_to(HERE.parent)}")
    return 0


def run_offline(
    workloads: list[Workload],
    impls: dict[str, Path],
    projects: dict[tuple[str, int], Path],
    args: argparse.Namespace,
) -> list[dict]:
    rows = []
    header = (
        f"{'workload':<16}{'N':>6}{'alembic ms':>12}{'alembic-rs ms':>15}{'speed-up':>10}  same"
    )
    print(header)
    print("-" * len(header))
    for workload in workloads:
        for (kind, n), project in projects.items():
            if kind != workload.project or n not in args.sizes:
                continue
            floor_argv, floor_files = (
                python_floor(project) if workload.project == "real" else (None, 0)
            )
            samples = measure(impls, workload, project, args.warmup, args.repeat, floor_argv)
            theirs = samples["alembic"]
            ours_s = samples.get("alembic-rs")
            ratio = same = ""
            if ours_s and not ours_s.failed and not theirs.failed:
                ratio = median_ratio(theirs, ours_s)
                if workload.compare_output:
                    same = "yes" if ours_s.stdout == theirs.stdout else "NO"
            print(
                f"{workload.name:<16}{n:>6}{fmt_ms(theirs):>12}"
                f"{fmt_ms(ours_s) if ours_s else '-':>15}{ratio:>10}  {same}"
            )
            print_floor_and_cpu(samples, floor_files)
            for name, sample in samples.items():
                if sample.failed:
                    print(f"    {name}: {sample.failed}")
            rows.append(
                {
                    "workload": workload.name,
                    "args": list(workload.args),
                    "n": n,
                    "python_floor_files": floor_files if floor_argv else None,
                    "seconds": {k: v.seconds for k, v in samples.items()},
                    "cpu_seconds": {k: v.cpu for k, v in samples.items()},
                    "failed": {k: v.failed for k, v in samples.items() if v.failed},
                    "same_output": same or None,
                }
            )
    return rows


def run_online(
    workloads: list[Workload],
    impls: dict[str, Path],
    projects: dict[tuple[str, int], Path],
    args: argparse.Namespace,
) -> list[dict]:
    print()
    names = ", ".join(w.name for w in workloads)
    psql = shutil.which("psql")
    if psql is None:
        print(f"online workloads skipped ({names}): psql is not on PATH")
        return []
    pg, why = Postgres.connect(args.pg_url, args.sslmode)
    if pg is None:
        print(f"online workloads skipped ({names}): {why}")
        return []
    header = (
        f"{'workload':<26}{'N':>5}{'alembic':>9}{'ours':>7}{'floor':>7}"
        f"{'alembic/ours':>14}{'ours/floor':>12}{'alembic/floor':>15}"
        "  round trips alembic | ours | floor  same"
    )
    print("online: ms, fresh database per run; round trips (and connections) through the proxy")
    print(header)
    print("-" * len(header))
    rows = []
    try:
        for workload in workloads:
            sizes = [
                n for kind, n in projects if kind == workload.project and n in workload.online.sizes
            ]
            for n in sizes:
                project = projects[(workload.project, n)]
                floor_argv, floor_files = (
                    python_floor(project) if workload.project == "real" else (None, 0)
                )
                both = {**impls, FLOOR: None}
                if floor_argv:
                    both[PY_FLOOR] = None
                samples = measure_online(
                    both, workload, project, args.warmup, args.repeat, pg, psql, floor_argv
                )
                theirs, floor = samples["alembic"], samples[FLOOR]
                ours_s = samples.get("alembic-rs")
                states = {
                    s.state for name, s in samples.items() if name != PY_FLOOR and not s.failed
                }
                same = (
                    ""
                    if any(s.failed for s in samples.values())
                    else ("yes" if len(states) == 1 else "NO")
                )
                rts = " | ".join(fmt_round_trips(samples.get(k)) for k in ("alembic", "alembic-rs"))
                print(
                    f"{workload.name:<26}{n:>5}{fmt_ms(theirs):>9}"
                    f"{fmt_ms(ours_s) if ours_s else '-':>7}{fmt_ms(floor):>7}"
                    f"{median_ratio(theirs, ours_s):>14}{median_ratio(ours_s, floor):>12}"
                    f"{median_ratio(theirs, floor):>15}"
                    f"  {rts} | {fmt_round_trips(floor)}  {same}"
                )
                print_floor_and_cpu(samples, floor_files)
                for name, sample in samples.items():
                    if sample.failed:
                        print(f"    {name}: {sample.failed}")
                if same == "NO":
                    for name, sample in samples.items():
                        print(f"    {name} left: {sample.state}")
                rows.append(
                    {
                        "workload": workload.name,
                        "args": list(workload.args),
                        "n": n,
                        "delay_ms": workload.online.delay_ms,
                        "python_floor_files": floor_files if floor_argv else None,
                        "seconds": {k: v.seconds for k, v in samples.items()},
                        "cpu_seconds": {k: v.cpu for k, v in samples.items()},
                        "round_trips": {k: v.round_trips for k, v in samples.items()},
                        "connections": {k: v.connections for k, v in samples.items()},
                        "state": {k: v.state for k, v in samples.items()},
                        "failed": {k: v.failed for k, v in samples.items() if v.failed},
                        "same_state": same or None,
                    }
                )
    finally:
        pg.close()
    return rows


if __name__ == "__main__":
    sys.exit(main())
