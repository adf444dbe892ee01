"""Oracle for the offline (`--sql`) MigrationContext: run real Alembic and record its output.

Run with the oracle interpreter (real Alembic 1.20.1 + SQLAlchemy 2.1.9):

    /tmp/oracle/bin/python src/alembic_rs_core/tests/oracle/gen_runtime_cases.py

1. Copies graph projects from alembic_compat/graphs into a temporary directory with
   every migration body replaced by `pass` (so no SQL but Alembic's own), an offline-only
   env.py that takes its MigrationContext options from `-x`, `sqlalchemy.url = postgresql://`
   and the alembic logger at DEBUG.
2. For each project and a matrix of commands and options, runs `alembic ... --sql` and
   records stdout, the log records (logger, level, text) and the FAILED message, if any, into
   tests/fixtures/runtime_cases.json.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRATE = HERE.parent.parent
REPO = CRATE.parent.parent
GRAPHS = REPO / "alembic_compat" / "graphs"
# scratch copies, not committed: the Rust test reads the corpus's own version files
OUT_DIR = Path(tempfile.mkdtemp(prefix="alembic-rs-runtime-cases-"))
OUT_JSON = CRATE / "tests" / "fixtures" / "runtime_cases.json"
ALEMBIC = Path(sys.executable).parent / "alembic"

PROJECTS = [
    "branches_merges",
    "multiple_bases",
    "mesh",
    "mesh_open",
    "open_branches",
    "two_locations",
    "prefixes",
    "header_styles",
    "recursive",
]

ENV_PY = '''\
from logging.config import fileConfig

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

x = context.get_x_argument(as_dictionary=True)
opts = {}
if "version_table" in x:
    opts["version_table"] = x["version_table"]
if "version_table_schema" in x:
    opts["version_table_schema"] = x["version_table_schema"]
if "version_table_pk" in x:
    opts["version_table_pk"] = x["version_table_pk"] == "true"
if "transaction_per_migration" in x:
    opts["transaction_per_migration"] = x["transaction_per_migration"] == "true"
if "transactional_ddl" in x:
    opts["transactional_ddl"] = x["transactional_ddl"] == "true"

if not context.is_offline_mode():
    raise SystemExit("offline only")

context.configure(
    url=config.get_main_option("sqlalchemy.url"),
    target_metadata=None,
    literal_binds=True,
    dialect_opts={"paramstyle": "named"},
    **opts,
)
with context.begin_transaction():
    context.run_migrations()
'''

BODY = "def upgrade() -> None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n"


def empty_bodies(path: Path) -> None:
    data = path.read_bytes()
    nl = b"\r\n" if b"\r\n" in data else b"\n"
    m = re.search(rb"(\r?\n)def upgrade\(", data)
    if m is None:
        return
    head = data[: m.start()] + nl
    path.write_bytes(head + BODY.replace("\n", nl.decode()).encode())


def make_project(name: str) -> dict:
    src = GRAPHS / name
    dst = OUT_DIR / name
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(
        src,
        dst,
        ignore=shutil.ignore_patterns("__pycache__", "compat.json", "*.mako", "README"),
    )
    ini = dst / "alembic.ini"
    text = ini.read_text()
    text = re.sub(r"(?m)^sqlalchemy\.url = .*$", "sqlalchemy.url = postgresql://", text)
    text = re.sub(
        r"(?ms)(^\[logger_alembic\]\nlevel = )\w+", r"\1DEBUG", text
    )
    ini.write_text(text)

    sys.path.insert(0, str(dst))
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config(str(ini))
    script = ScriptDirectory.from_config(cfg)
    sys.path.pop(0)
    (Path(script.dir) / "env.py").write_text(ENV_PY)
    for loc in script._version_locations:
        for root, _dirs, files in os.walk(loc):
            for f in files:
                if f.endswith(".py") and f != "__init__.py":
                    empty_bodies(Path(root) / f)
    return {
        "version_locations": [
            os.path.relpath(loc, dst) for loc in script._version_locations
        ],
        "recursive": bool(script.recursive_version_locations),
        "script": script,
    }


def pick_revisions(script):
    """A few interesting revisions, chosen deterministically from the graph."""
    revs = list(script.walk_revisions())  # heads first
    ids = [r.revision for r in reversed(revs)]  # base first
    picks = {}
    picks["mid"] = ids[len(ids) // 2]
    picks["early"] = ids[min(1, len(ids) - 1)]
    picks["late"] = ids[max(len(ids) - 2, 0)]
    merges = [r.revision for r in reversed(revs) if r.is_merge_point]
    if merges:
        picks["merge"] = merges[0]
    bps = [r.revision for r in reversed(revs) if r.is_branch_point]
    if bps:
        picks["branchpoint"] = bps[0]
    labelled = [r for r in reversed(revs) if r.branch_labels]
    if labelled:
        picks["label"] = sorted(labelled[0].branch_labels)[0]
    return picks


def commands(picks):
    p = picks
    cmds = [
        ["upgrade", "head", "--sql"],
        ["upgrade", "heads", "--sql"],
        ["upgrade", f"{p['mid']}:heads", "--sql"],
        ["upgrade", f"base:{p['mid']}", "--sql"],
        ["upgrade", f"{p['early']}:{p['late']}", "--sql"],
        ["upgrade", f"{p['mid']}:+1", "--sql"],
        ["downgrade", "heads:base", "--sql"],
        ["downgrade", "head:base", "--sql"],
        ["downgrade", f"heads:{p['mid']}", "--sql"],
        ["downgrade", f"{p['late']}:{p['early']}", "--sql"],
        ["downgrade", f"{p['mid']}:-1", "--sql"],
        ["downgrade", p["mid"], "--sql"],
        ["upgrade", f"base:{p['mid']}:heads", "--sql"],
        ["upgrade", ":heads", "--sql"],
        ["stamp", "heads", "--sql"],
        ["stamp", "head", "--sql"],
        ["stamp", p["mid"], "--sql"],
        ["stamp", f"heads:{p['mid']}", "--sql"],
        ["stamp", f"{p['mid']}:heads", "--sql"],
        ["stamp", "heads:base", "--sql"],
        ["stamp", "--purge", "heads", "--sql"],
        ["stamp", f"{p['early']}:{p['late']}", f"{p['early']}:{p['mid']}", "--sql"],
        ["stamp", f"{p['early']}:{p['late']}", f"{p['mid']}:{p['late']}", "--sql"],
    ]
    for key in ("merge", "branchpoint"):
        if key in p:
            cmds += [
                ["upgrade", f"{p[key]}:heads", "--sql"],
                ["downgrade", f"heads:{p[key]}", "--sql"],
                ["downgrade", f"{p[key]}:base", "--sql"],
                ["stamp", f"heads:{p[key]}", "--sql"],
                ["stamp", f"{p[key]}:heads", "--sql"],
            ]
    if "label" in p:
        cmds += [
            ["upgrade", f"{p['label']}@head", "--sql"],
            ["downgrade", f"{p['label']}@head:base", "--sql"],
            ["stamp", f"{p['label']}@head", "--sql"],
        ]
    return cmds


OPTION_SETS = [
    {},
    {"transaction_per_migration": "true"},
    {"version_table": "My_Versions", "version_table_schema": "ops", "version_table_pk": "false"},
    {"transactional_ddl": "false", "version_table": "user"},
    {"transactional_ddl": "false", "transaction_per_migration": "true"},
]

LOG_RE = re.compile(r"^(DEBUG|INFO|WARNI|ERROR|CRITI)\s* \[([^\]]+)\] (.*)$")
LEVELS = {"DEBUG": "DEBUG", "INFO": "INFO", "WARNI": "WARNING", "ERROR": "ERROR", "CRITI": "CRITICAL"}


def run_case(project: str, argv: list, options: dict) -> dict:
    dst = OUT_DIR / project
    xs = []
    for k, v in options.items():
        xs += ["-x", f"{k}={v}"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(
        [str(ALEMBIC), "-c", "alembic.ini", *xs, *argv],
        cwd=dst,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    logs = []
    error = None
    error_class = None
    stdout = proc.stdout
    # `alembic.util.err`: "FAILED: <message>" on stdout (plus an ERROR record once env.py has
    # configured logging); that is the CLI's failure report, recorded as `error`.
    cut = stdout.rfind("FAILED: ")
    if proc.returncode != 0 and cut != -1 and (cut == 0 or stdout[cut - 1] == "\n"):
        error = stdout[cut + len("FAILED: "):].removesuffix("\n")
        stdout = stdout[:cut]
    lines = proc.stderr.splitlines()
    for i, line in enumerate(lines):
        m = LOG_RE.match(line)
        if m:
            logs.append([m.group(2), LEVELS[m.group(1)], m.group(3)])
        elif line.startswith("Traceback"):
            # an exception Alembic lets escape: "ValueError: message"
            error_class, _, error = lines[-1].partition(": ")
            break
        elif logs and not error:
            # continuation of a multi-line log message
            logs[-1][2] += "\n" + line
    if logs and logs[-1][:2] == ["alembic.util.messaging", "ERROR"]:
        logs.pop()
    if proc.returncode != 0 and error is None:
        raise SystemExit(f"{project} {argv}: no error found in {proc.stderr!r}")
    return {
        "project": project,
        "argv": argv,
        "options": options,
        "stdout": stdout,
        "logs": logs,
        "error": error,
        "error_class": error_class,
    }


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    projects = {}
    jobs = []
    for name in PROJECTS:
        info = make_project(name)
        picks = pick_revisions(info.pop("script"))
        info["picks"] = picks
        projects[name] = info
        for argv in commands(picks):
            # the whole option matrix on the commands that write most to the version table
            full = argv[0] != "downgrade" or ":" in argv[1]
            full = full and (
                argv[1] in ("heads", "heads:base", f"heads:{picks['mid']}")
                or any(picks.get(k, "\0") in argv[1] for k in ("merge", "branchpoint", "label"))
            )
            for opts in OPTION_SETS if full else OPTION_SETS[:1]:
                jobs.append((name, argv, opts))
    with ThreadPoolExecutor(max_workers=4) as pool:
        cases = list(pool.map(lambda j: run_case(*j), jobs))
    OUT_JSON.write_text(
        json.dumps({"projects": projects, "cases": cases}, indent=1, ensure_ascii=False) + "\n"
    )
    print(f"{len(cases)} cases from {len(projects)} projects")


if __name__ == "__main__":
    main()
