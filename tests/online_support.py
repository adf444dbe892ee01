"""Helpers of tests/test_online.py: run one command sequence online, on a fresh database.

A *sequence* (``Sequence``) is a corpus project, the way its env.py finds its database, and a
list of steps: alembic command lines, or SQL that seeds rows between them (run by the test on
the database, the same on both sides). ``run_sequence`` copies the project, creates a fresh
database, points the copy at it and runs the steps with real Alembic ("oracle") or ours; after
every command it takes a ``Snapshot``:

- the command's exit code, stdout and stderr, with the project copy's path, the database
  name and the venv paths replaced by placeholders (``normalize``); stderr is compared
  through ``view_stderr`` (tracebacks with only the project's frames, warnings raised outside
  the project with their file but not its line, see there), `current`'s stdout as unordered entries;
- the rows of every ``alembic_version`` table, as a sorted list (a set: which merged head gets
  the UPDATE and which the DELETE follows Python set order in Alembic);
- ``pg_dump --schema-only --no-owner --no-privileges``, without its version header and the
  random ``\\restrict`` keys;
- the rows of every other table, sorted, with the values a database makes up (timestamps,
  ``now()``/random defaults) masked.

The oracle's snapshots are cached on disk (``.oracle/online/``), keyed by the oracle's
requirements, the project's content, the sequence, the server's and pg_dump's versions: an
online oracle run costs about a second per step. ALEMBIC_ORACLE_CACHE=0 bypasses the cache.

The database is dropped when the sequence ends, also when it fails or is abandoned.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import oracle

COMPAT = oracle.REPO / "alembic_compat"
ONLINE = COMPAT / "online"
DB_PREFIX = "alembic_rs_online_"
# bump when the snapshot format or the normalization changes (invalidates the disk cache)
FORMAT = 1
CACHE_DIR = oracle.ORACLE_HOME / "online"


# ---------------------------------------------------------------------------------------------
# sequences


@dataclasses.dataclass(frozen=True)
class Step:
    """One step: an alembic command line (args) or SQL run on the database (sql).

    env: extra environment for this command; values may use {url} (the database URL env.py
    gets), {db}, {host}, {port}, {user}.
    """

    args: tuple[str, ...] = ()
    sql: str | None = None
    env: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        if self.sql is not None:
            return "SQL " + " ".join(self.sql.split())[:60]
        text = "alembic " + " ".join(self.args)
        if self.env:
            text += "  [" + ", ".join(f"{k}={v}" for k, v in self.env) + "]"
        return text


def cmd(*args: str, env: Mapping[str, str] | None = None) -> Step:
    return Step(args=tuple(args), env=tuple(sorted((env or {}).items())))


def sql(text: str) -> Step:
    return Step(sql=text)


@dataclasses.dataclass(frozen=True)
class Sequence:
    """A project and the command sequence run against it.

    url_via: how env.py finds its database:
      "DATABASE_URL"  the environment variable
      "ini"           sqlalchemy.url in the ini section (rewritten in the project copy)
      "POSTGRES_*"    POSTGRES_SERVER / _PORT / _USER / _PASSWORD / _DB variables
    driver: the URL's drivername ("postgresql+psycopg2", "postgresql" = psycopg 3 under
    SQLAlchemy 2.1, ...); for "POSTGRES_*" env.py chooses it.
    global_args: put before every command (-x tenant=acme, -n reporting).
    seeds: see "expectations" below.
    """

    id: str
    project: str
    url_via: str
    steps: tuple[Step, ...]
    driver: str = "postgresql"
    global_args: tuple[str, ...] = ()
    ini_section: str = "alembic"
    # hash seeds the oracle is recorded under: more than one where the graph has branches
    seeds: tuple[str, ...] = ("0",)

    def spec(self) -> dict:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------------------------------
# databases


class Server(NamedTuple):
    """The PostgreSQL server of the pg_server fixture, by parts."""

    host: str
    port: int
    user: str
    password: str | None
    maintenance_db: str

    @classmethod
    def from_url(cls, url: str) -> Server:
        from sqlalchemy.engine import make_url

        u = make_url(url)
        return cls(
            u.host or "127.0.0.1",
            u.port or 5432,
            u.username or "postgres",
            u.password,
            u.database or "postgres",
        )

    def url(self, db: str, driver: str = "postgresql") -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            driver, self.user, self.password, self.host, self.port, db
        ).render_as_string(hide_password=False)

    def conninfo(self, db: str | None = None) -> str:
        return self.url(db or self.maintenance_db)

    def version(self) -> str:
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]


def create_database(server: Server) -> str:
    import psycopg

    name = DB_PREFIX + uuid.uuid4().hex[:12]
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(server: Server, name: str) -> None:
    import psycopg

    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        # FORCE: a failed run may leave a connection behind
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def fresh_database(server: Server) -> Iterator[str]:
    name = create_database(server)
    try:
        yield name
    finally:
        drop_database(server, name)


def run_sql(server: Server, db: str, text: str) -> None:
    import psycopg

    with psycopg.connect(server.conninfo(db), autocommit=True) as conn:
        conn.execute(text)


# ---------------------------------------------------------------------------------------------
# database state


def pg_dump_path() -> str:
    """The newest pg_dump on the machine (a pg_dump older than the server refuses to run)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_dump"),
        key=lambda p: int(re.sub(r"\D", "", p.split("/")[4]) or 0),
    )
    if found:
        return found[-1]
    path = shutil.which("pg_dump")
    if path is None:
        raise RuntimeError("pg_dump is needed by the online tests; install postgresql-client")
    return path


def pg_dump_version() -> str:
    out = subprocess.run([pg_dump_path(), "--version"], capture_output=True, text=True)
    return out.stdout.strip()


_DUMP_DROPPED = re.compile(r"^(\\restrict |\\unrestrict |-- Dumped from |-- Dumped by )")


def schema_dump(server: Server, db: str) -> str:
    env = dict(os.environ)
    if server.password:
        env["PGPASSWORD"] = server.password
    proc = subprocess.run(
        [
            pg_dump_path(),
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "--host",
            server.host,
            "--port",
            str(server.port),
            "--username",
            server.user,
            db,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pg_dump {db} failed: {proc.stderr}")
    lines = [line for line in proc.stdout.split("\n") if not _DUMP_DROPPED.match(line)]
    return "\n".join(lines).replace(db, "<db>")


# values the database makes up differ between two runs: mask them (NULL stays NULL)
_MASKED_TYPE = re.compile(r"^(timestamp|time|interval)\b")
_VOLATILE_DEFAULT = re.compile(r"now\(\)|current_|clock_|random|uuid|statement_", re.I)

_TABLES = """
SELECT n.nspname, c.relname, c.relname = 'alembic_version'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%'
ORDER BY 1, 2
"""

_COLUMNS = """
SELECT a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def db_state(server: Server, db: str) -> tuple[list[str], str]:
    """(alembic_version rows as sorted "schema: rev" lines, table rows as text)."""
    import psycopg

    versions: list[str] = []
    data: list[str] = []
    with psycopg.connect(server.conninfo(db), autocommit=True) as conn:
        for schema, table, is_version in conn.execute(_TABLES).fetchall():
            qualified = f"{_ident(schema)}.{_ident(table)}"
            if is_version:
                for (rev,) in conn.execute(f"SELECT version_num FROM {qualified}").fetchall():
                    versions.append(f"{schema}: {rev}")
                continue
            exprs = []
            names = []
            for name, type_, default in conn.execute(_COLUMNS, (qualified,)).fetchall():
                col = _ident(name)
                names.append(name)
                if _MASKED_TYPE.match(type_) or (default and _VOLATILE_DEFAULT.search(default)):
                    exprs.append(f"CASE WHEN {col} IS NULL THEN NULL ELSE '<masked>' END")
                else:
                    exprs.append(f"{col}::text")
            rows = conn.execute(f"SELECT {', '.join(exprs) or 'NULL'} FROM {qualified}")
            lines = sorted(repr(tuple(r)) for r in rows.fetchall())
            data.append(f"{schema}.{table} ({', '.join(names)}): {len(lines)} rows")
            data.extend("  " + line for line in lines)
    return sorted(versions), "\n".join(data)


# ---------------------------------------------------------------------------------------------
# output normalization

_FRAME = re.compile(r'^  File "(?P<path>[^"]+)", line \d+')
TRACEBACK = "Traceback (most recent call last):"
# "path:line: SomeWarning: message" (warnings.showwarning), then the source line; a warning
# attributed to the project's own code keeps its location
_WARNING = re.compile(r"^(?!<project>)(?P<path>\S+):\d+: (?P<rest>\w*Warning: .*)$")


def normalize(text: str, root: Path, db: str, venv: Path) -> str:
    """What differs between two runs by nature: the project copy's path, the venv's path
    (ours also runs from the source tree's python/), the database name."""
    for path in {str(root), os.path.realpath(root)}:
        text = text.replace(path, "<project>")
    for path in {str(venv), os.path.realpath(venv), str(oracle.REPO / "python")}:
        text = text.replace(path, "<venv>")
    return text.replace(db, "<db>")


_CONNECTION_LOST = (
    "SSL connection has been closed unexpectedly",
    "terminating connection due to administrator command",
    "server closed the connection unexpectedly",
    "connection already closed",
)


def _drop_sql_block(text: str) -> str:
    """Remove `[SQL: ...]` blocks (which may span lines) from exception messages."""
    return re.sub(r"\n\[SQL: .*?\]\n(?=\(Background on this error)", "\n", text, flags=re.S)


# the note a batch's error gets when the connection was lost (which statement of the batch
# the server had reached cannot be known, so there is no op to point at)
_LOST_NOTE = "alembic-rs: the connection was lost during a batch"


def _package_path(path: str) -> str:
    """A file of an installed package from the package on (ours runs from python/)."""
    for marker in ("/site-packages/", "<venv>/"):
        if marker in path:
            return path.rsplit(marker, 1)[1]
    return path


def view_stderr(text: str) -> str:
    """stderr as compared: log lines, messages and warnings exactly, tracebacks with only the
    project's frames.

    - A traceback keeps its "Traceback (most recent call last):" header, the frames of the
      project's files (env.py, the version files: file, line, function, source line and
      carets), the exception lines and the chaining text ("The above exception was the
      direct cause ..."). The other frames are Alembic's / ours and SQLAlchemy's internals,
      which differ by nature, and are dropped.
    - A warning raised inside Alembic / ours / SQLAlchemy is printed with the file and line
      of the code that raised it: the file stays, from the package on
      (``alembic/ddl/postgresql.py``), the line number and the source line go; category and
      message stay (and their position among the log lines).
    - When the connection is lost during a run, the `[SQL: ...]` of the error is the
      statement Alembic was running, and for ours the batch that was in flight (which
      statement of it the server had reached cannot be known): it is dropped on both sides
      for errors that say the connection was lost, with the version files' frames (ours has
      no op to point at) and ours' note saying so.
    """
    lost = any(lost in text for lost in _CONNECTION_LOST)
    if lost:
        text = _drop_sql_block(text)
    lines = text.split("\n")
    out: list[str] = []
    in_traceback = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == TRACEBACK:
            in_traceback = True
        elif in_traceback and _FRAME.match(line):
            path = _FRAME.match(line).group("path")
            # a lost connection fails ours' whole batch: which op's statement the server had
            # reached cannot be known, so no version-file frame can be shown for it
            keep = path.startswith("<project>") and not (lost and "/versions/" in path)
            if keep:
                out.append(line)
            i += 1
            while i < len(lines) and lines[i].startswith("    "):
                if keep:
                    out.append(lines[i])
                i += 1
            continue
        elif line == _LOST_NOTE:
            i += 1
            continue
        else:
            m = _WARNING.match(line)
            if m:
                out.append(f"{_package_path(m.group('path'))}: {m.group('rest')}")
                i += 1
                if i < len(lines) and lines[i].startswith("  "):
                    i += 1  # the source line of the warning
                continue
            in_traceback = False if line and not line[0].isspace() else in_traceback
        out.append(line)
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# running a sequence


class Snapshot(NamedTuple):
    step: str
    returncode: int
    stdout: str
    stderr: str
    versions: list[str]
    schema: str
    data: str


def copy_project(rel: str, dest_parent: Path) -> Path:
    src = COMPAT / rel
    dst = dest_parent / src.name
    shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def set_ini_url(ini: Path, section: str, url: str) -> None:
    """Point sqlalchemy.url of one ini section at url, keeping the rest of the file."""
    lines = ini.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    current = None
    done = False
    value = url.replace("%", "%%")
    for line in lines:
        header = re.match(r"^\[(.+)\]\s*$", line)
        if header:
            if current == section and not done:
                out.append(f"sqlalchemy.url = {value}")
                done = True
            current = header.group(1)
        elif current == section and re.match(r"^sqlalchemy\.url\s*=", line):
            line = f"sqlalchemy.url = {value}"
            done = True
        out.append(line)
    if not done:
        if current != section:
            raise ValueError(f"no [{section}] section in {ini}")
        out.append(f"sqlalchemy.url = {value}")
    ini.write_text("\n".join(out), encoding="utf-8")


def point_at_database(seq: Sequence, root: Path, server: Server, db: str) -> dict[str, str]:
    """Make the project copy's env.py use database db; returns the environment to run with."""
    url = server.url(db, seq.driver)
    if seq.url_via == "DATABASE_URL":
        return {"DATABASE_URL": url}
    if seq.url_via == "ini":
        set_ini_url(root / "alembic.ini", seq.ini_section, url)
        return {}
    if seq.url_via == "POSTGRES_*":
        return {
            "POSTGRES_SERVER": server.host,
            "POSTGRES_PORT": str(server.port),
            "POSTGRES_USER": server.user,
            "POSTGRES_PASSWORD": server.password or "",
            "POSTGRES_DB": db,
        }
    raise ValueError(f"unknown url_via {seq.url_via!r}")


def _step_env(step: Step, seq: Sequence, server: Server, db: str) -> dict[str, str]:
    fields = {
        "url": server.url(db, seq.driver),
        "db": db,
        "host": server.host,
        "port": str(server.port),
        "user": server.user,
    }
    return {k: v.format(**fields) for k, v in step.env}


# Bytecode: oracle.process_env turns writing off (read-only runs leave the corpus untouched),
# and ours' venv is not compiled the way oracle.oracle_venv() compiles the oracle's, so each
# of ours' processes would compile SQLAlchemy from source (~0.4 s). Both sides here write and
# read bytecode in a cache of their own instead, outside the venvs and the project copies.
BYTECODE = {
    "PYTHONDONTWRITEBYTECODE": "",
    "PYTHONPYCACHEPREFIX": str(oracle.ORACLE_HOME / "pycache-online"),
}


def run_sequence(
    side: str,
    seq: Sequence,
    server: Server,
    workdir: Path,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[Snapshot]:
    """Run seq with "oracle" or "ours", yielding a Snapshot after every command.

    A generator: closing it early (a test stops at the first difference) drops the database.
    """
    bin_dir = oracle.oracle_bin() if side == "oracle" else oracle.ours_bin()
    venv = bin_dir.parent
    workdir.mkdir(parents=True, exist_ok=True)
    root = copy_project(seq.project, workdir)
    with fresh_database(server) as db:
        env = {**point_at_database(seq, root, server, db), **BYTECODE, **(extra_env or {})}
        for step in seq.steps:
            if step.sql is not None:
                run_sql(server, db, step.sql)
                continue
            args = [*seq.global_args, *step.args]
            result = oracle._run(bin_dir, args, root, {**env, **_step_env(step, seq, server, db)})
            versions, data = db_state(server, db)
            yield Snapshot(
                step.label,
                result.returncode,
                normalize(result.stdout, root, db, venv),
                normalize(result.stderr, root, db, venv),
                versions,
                schema_dump(server, db),
                data,
            )


# ---------------------------------------------------------------------------------------------
# the oracle's snapshots, cached

_server_versions: dict[Server, str] = {}
_lock = threading.Lock()


def _environment_key(server: Server) -> dict:
    with _lock:
        if server not in _server_versions:
            _server_versions[server] = server.version()
    return {
        "format": FORMAT,
        "oracle": oracle.oracle_key(),
        "server": _server_versions[server],
        "pg_dump": pg_dump_version(),
    }


def cache_key(kind: str, spec: dict, project: Path, server: Server) -> str:
    doc = json.dumps(
        {
            "kind": kind,
            "spec": spec,
            "tree": oracle.tree_digest(project),
            "env": _environment_key(server),
        },
        sort_keys=True,
    )
    return hashlib.sha256(doc.encode()).hexdigest()


def cached(key: str, compute):
    """compute() memoised on disk under CACHE_DIR (JSON-able values only)."""
    use_disk = os.environ.get("ALEMBIC_ORACLE_CACHE", "1") != "0"
    path = CACHE_DIR / key[:2] / f"{key}.json"
    if use_disk and path.exists():
        return json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
    value = compute()
    if use_disk:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(
            json.dumps(value, ensure_ascii=False), encoding="utf-8", errors="surrogateescape"
        )
        tmp.replace(path)
    return value


_memory: dict[str, list[Snapshot]] = {}


def oracle_snapshots(seq: Sequence, server: Server, seed: str = "0") -> list[Snapshot]:
    """Real Alembic's snapshots of seq (every step) under one hash seed, cached."""
    spec = {**seq.spec(), "seed": seed}
    del spec["seeds"]
    key = cache_key("sequence", spec, COMPAT / seq.project, server)
    with _lock:
        if key in _memory:
            return _memory[key]

    def compute() -> list[list]:
        with tempfile.TemporaryDirectory(prefix="online-oracle-") as tmp:
            snaps = run_sequence("oracle", seq, server, Path(tmp), {"PYTHONHASHSEED": seed})
            return [list(s) for s in snaps]

    snaps = [Snapshot(*s) for s in cached(key, compute)]
    with _lock:
        _memory[key] = snaps
    return snaps


# ---------------------------------------------------------------------------------------------
# expectations
#
# In a graph with branches, Alembic orders some things by Python set iteration, which follows
# the string hash seed: which heads `current` lists first, a revision's branch labels, and
# the order in which independent branches are upgraded or downgraded (multiple_bases:
# `downgrade base` runs the networking or the auth branch first). Sequences over such graphs
# are recorded under several seeds (Sequence.seeds); per step, the strictest stderr view
# under which all recordings agree is the one ours is held to.

ONE_OF = "one of the observed outputs"
_RUNNING = re.compile(
    r"^INFO  \[alembic\.runtime\.migration\] Running (upgrade|downgrade) (.*?) -> (.*)$"
)


def view_running_unordered(text: str) -> str:
    """Each run of consecutive `Running upgrade/downgrade` log lines sorted."""
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, None]:
        if line is not None and _RUNNING.match(line):
            block.append(line)
            continue
        out.extend(sorted(block))
        block = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


def running_order_violations(text: str) -> list[str]:
    """Lines of a Running block that come before a line they depend on.

    A revision r that appears on the right of `->` in one line (upgraded to / downgraded to)
    must be reached before a line that starts from it (left of `->`), in both directions.
    """
    steps = []
    for line in text.split("\n"):
        m = _RUNNING.match(line)
        if m:
            sources = [r for r in m.group(2).split(", ") if r]
            steps.append((line, sources, m.group(3)))
    known = {r for _, sources, _ in steps for r in sources}
    reached: dict[str, int] = {}
    targets: list[list[str]] = []
    for i, (_, _, rest) in enumerate(steps):
        tokens = rest.split(", ")
        ids = [tokens[0]] + [tok for tok in tokens[1:-1] if tok in known]
        targets.append(ids)
        for r in ids:
            reached.setdefault(r, i)
    problems = []
    for i, (line, sources, _) in enumerate(steps):
        for r in sources:
            if reached.get(r, -1) > i:
                problems.append(f"{line!r} runs before the step that reaches {r}")
    return problems


class StepExpectation(NamedTuple):
    step: str
    snapshots: tuple[Snapshot, ...]  # one per seed, first = seed 0
    seeds: tuple[str, ...]
    stderr_view: str  # "exact", "Running lines unordered" or ONE_OF

    @property
    def first(self) -> Snapshot:
        return self.snapshots[0]


def _effect(s: Snapshot) -> tuple:
    return (s.returncode, s.versions, s.schema, s.data)


def same_effect(expected: StepExpectation, ours: Snapshot) -> bool:
    """Ours left the database as one of the oracle's runs did, with the same exit code."""
    return any(_effect(s) == _effect(ours) for s in expected.snapshots)


def expectations(seq: Sequence, server: Server) -> list[StepExpectation]:
    """What ours is held to after each step of seq: the oracle under seq.seeds."""
    runs = [oracle_snapshots(seq, server, seed) for seed in seq.seeds]
    lengths = {len(r) for r in runs}
    if len(lengths) > 1:
        raise AssertionError(f"{seq.id}: the oracle ran a different number of steps per seed")
    out = []
    for i in range(len(runs[0])):
        snaps = tuple(r[i] for r in runs)
        first = snaps[0]
        name, view = _view_stdout(first.step)
        if all(
            _effect(s) == _effect(first) and view(s.stdout) == view(first.stdout) for s in snaps
        ):
            err = view_stderr(first.stderr)
            if all(view_stderr(s.stderr) == err for s in snaps):
                stderr_view = "exact"
            elif all(
                view_running_unordered(view_stderr(s.stderr)) == view_running_unordered(err)
                for s in snaps
            ):
                stderr_view = "Running lines unordered"
            else:
                stderr_view = ONE_OF
        else:
            stderr_view = ONE_OF
        out.append(StepExpectation(first.step, snaps, tuple(seq.seeds), stderr_view))
    return out


# ---------------------------------------------------------------------------------------------
# comparison


def _view_stdout(step: str) -> tuple[str, object]:
    # `current` prints ScriptDirectory.get_all_current(heads), a set, and a revision's branch
    # labels, a set too: with several heads or labels the order follows the hash seed
    if step.startswith("alembic ") and " current" in f" {step}":
        return "unordered entries", view_unordered_entries
    return "exact", oracle.view_exact


def view_unordered_entries(text: str) -> str:
    """Entries of `current` sorted: a "Rev:" block with -v, else a line (after a header line
    such as "Current revision(s) for ..."); comma lists in parentheses sorted
    (oracle.view_unordered_sets); blank lines between entries are not part of them."""
    lines = oracle.view_unordered_sets(text).split("\n")
    verbose = any(line.startswith("Rev: ") for line in lines)
    entries: list[list[str]] = []
    for line in lines:
        starts = line.startswith("Rev: ") if verbose else bool(line) and not line[0].isspace()
        if starts or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    texts = ["\n".join(e).rstrip("\n") for e in entries]
    return "\n--\n".join(sorted(t for t in texts if t))


DIFF_LINES = 80


def diff(want: str, got: str, what: str) -> str:
    lines = list(
        difflib.unified_diff(
            want.splitlines(keepends=True),
            got.splitlines(keepends=True),
            fromfile=f"oracle {what}",
            tofile=f"ours {what}",
        )
    )
    if len(lines) > DIFF_LINES:
        more = len(lines) - DIFF_LINES
        lines = [*lines[:DIFF_LINES], f"... ({more} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _compare_one(expected: Snapshot, ours: Snapshot, stderr_view: str) -> str | None:
    parts = []
    if ours.returncode != expected.returncode:
        parts.append(f"exit code: oracle {expected.returncode}, ours {ours.returncode}")
    view_name, view = _view_stdout(expected.step)
    if view(expected.stdout) != view(ours.stdout):
        parts.append(
            f"[stdout compared: {view_name}]\n" + diff(expected.stdout, ours.stdout, "stdout")
        )
    want, got = view_stderr(expected.stderr), view_stderr(ours.stderr)
    stderr_label = f"[stderr compared: {stderr_view}, see view_stderr]\n"
    if stderr_view == "Running lines unordered":
        if view_running_unordered(want) != view_running_unordered(got):
            parts.append(stderr_label + diff(want, got, "stderr"))
        for problem in running_order_violations(got):
            parts.append(f"ours runs migrations out of order: {problem}")
    elif want != got:
        parts.append(stderr_label + diff(want, got, "stderr"))
    if expected.versions != ours.versions:
        parts.append(
            f"alembic_version rows (as a set): oracle {expected.versions}, ours {ours.versions}"
        )
    if expected.schema != ours.schema:
        parts.append(diff(expected.schema, ours.schema, "pg_dump --schema-only"))
    if expected.data != ours.data:
        parts.append(diff(expected.data, ours.data, "table rows"))
    return "\n".join(parts) if parts else None


def compare_step(expected: StepExpectation, ours: Snapshot) -> str | None:
    """None when ours matches real Alembic after this step, else a readable report."""
    if expected.stderr_view != ONE_OF:
        return _compare_one(expected.first, ours, expected.stderr_view)
    reports = [_compare_one(s, ours, "exact") for s in expected.snapshots]
    if any(r is None for r in reports):
        return None
    return (
        f"[{ONE_OF}: the oracle's result depends on the hash seed (seeds {expected.seeds});"
        f" diff to seed {expected.seeds[0]}]\n{reports[0]}"
    )


def sequence_report(seq: Sequence, index: int, expected: list[StepExpectation], report: str) -> str:
    done = [s.step for s in expected[:index]]
    head = f"{seq.id}: step {index + 1} `{expected[index].step}` differs"
    if done:
        head += "\n  after: " + "\n         ".join(done)
    first = expected[index].first
    context = ""
    if first.stderr and "stderr" not in report:
        context = "\n[oracle stderr, as compared]\n" + view_stderr(first.stderr)
    return f"{head}\n{report}{context}"
