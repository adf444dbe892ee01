"""Differential tests of online migrations: ours vs real Alembic, against real PostgreSQL.

Every sequence below runs in a copy of a corpus project, on a database created for the run:
with real Alembic 1.20.1 (the oracle; under two hash seeds where the graph has branches) and
with ours. After every command the runs must agree on (tests/online_support.py has the
details and the views):

- exit code, stdout, stderr (paths, the database name and venv locations normalized;
  tracebacks reduced to their exception lines, so the exception class, message and [SQL: ...]
  of a failing migration are compared exactly, and its log lines up to the failure);
- the rows of the alembic_version table(s), as a set;
- `pg_dump --schema-only --no-owner --no-privileges` of the database;
- the rows of every table (timestamps and volatile defaults masked): data migrations,
  bulk_insert, `op.get_bind()` backfills, and the rows seeded between steps.

The sequences cover every project of alembic_compat/ whose env.py can run online against a
URL (how each one is pointed at its database: DATABASE_URL, sqlalchemy.url in a copied ini,
POSTGRES_* variables), branch and merge flows (`upgrade <label>@head`, merging and unmerging
heads, stamping several revisions), both drivers (psycopg2 and psycopg 3, which is what a bare
`postgresql://` means under SQLAlchemy 2.1), and failures: a migration PostgreSQL rejects, a
Python error inside a migration, a lost connection, a failing downgrade, a failure after an
`autocommit_block`, each under one transaction and under `transaction_per_migration`
(alembic_compat/online/failures). A failed step must leave the same database behind.

`test_api_shared_connection` runs Alembic's cookbook pattern for test suites,
`cfg.attributes["connection"] = connection; command.upgrade(cfg, "head")`, in this process for
ours and in a subprocess for the oracle (alembic_compat/online/api_scenarios.py).

Not covered: graphs/pyproject_only (its URL is nowhere: pyproject.toml has no sqlalchemy.url).

Cost: about 360 alembic commands per side, each followed by pg_dump. The oracle's results are
cached on disk (.oracle/online/), so a warm run costs ours' commands; the first run records
the oracle (~10 minutes on two cores). The sequences outside CORE are marked `slow`:
`pytest -m "not slow"` runs the core (every kind of flow) in under two minutes warm. The
selected sequences run concurrently up front (fixture _prewarm).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import online_support as ol
import oracle
import pytest
from online_support import Sequence, cmd, sql

# ---------------------------------------------------------------------------------------------
# sequences


def cycle(target: str = "head") -> tuple:
    """The round trip every single-head project goes through."""
    return (
        cmd("upgrade", target),
        cmd("current"),
        cmd("downgrade", "-1"),
        cmd("current"),
        cmd("upgrade", "+1"),
        cmd("downgrade", "base"),
        cmd("current"),
        cmd("upgrade", target),
        cmd("stamp", target),
        cmd("current", "-v"),
    )


SHORT = (cmd("upgrade", "head"), cmd("current", "-v"), cmd("downgrade", "base"))

# projects whose graph has branch points or several bases: Alembic's output and order of
# execution may follow set order there, so the oracle is recorded under two hash seeds
# (see online_support.expectations)
BRANCHY = ("0", "1")
BRANCHY_PROJECTS = {
    "trip_planner",
    "finance_backend",
    "job_runner",
    "graphs/branches_merges",
    "graphs/mesh",
    "graphs/mesh_open",
    "graphs/multiple_bases",
    "graphs/named_sections",
    "graphs/open_branches",
    "graphs/two_locations",
    "offline_failures/data_reads",
    "online/failures",
}

TRIP_SEED = sql(
    "INSERT INTO users (id, email, name, hashed_password, created_at) VALUES "
    "(1, 'kim@example.com', 'Kim', 'x', '2024-01-01 09:00'), "
    "(2, 'lee@example.com', 'Lee', 'y', '2024-02-01 09:00');"
    "INSERT INTO trips (id, user_id, title, destination, start_date, end_date, budget, "
    "created_at) VALUES "
    "(1, 1, 'Spring', 'Jeju', '2020-04-01', '2020-04-05', 1200.50, '2024-01-02 10:00'), "
    "(2, 1, 'Someday', 'Busan', '2999-01-01', NULL, NULL, '2024-01-03 10:00'), "
    "(3, 2, 'Open', 'Seoul', NULL, NULL, 99.99, '2024-01-04 10:00');"
    "INSERT INTO itinerary_items (id, trip_id, day, title) VALUES (1, 1, 1, 'Hallasan')"
)

FINANCE_SEED = sql(
    "INSERT INTO finance.us_stock (id, ticker, name, exchange, currency, sector) VALUES "
    "(1, 'AAPL', 'Apple', 'NASDAQ', NULL, 'tech'), "
    "(2, 'SAP', 'SAP', 'NYSE', 'EUR', NULL), "
    "(3, 'KO', 'Coca-Cola', 'NYSE', NULL, 'staples')"
)

JOBS_SEED = sql(
    "INSERT INTO functions (id, name, runtime, handler) VALUES "
    "(1, 'resize', 'python3.12', 'app.resize'), (2, 'mail', 'node20', 'index.mail');"
    "INSERT INTO jobs (id, function_id, schedule, payload) VALUES "
    "(1, 1, '*/5 * * * *', '{\"w\": 100}'), (2, 2, NULL, NULL), (3, 1, '@daily', NULL);"
    "INSERT INTO executions (id, job_id, started_at, finished_at, exit_code, state) VALUES "
    "(1, 1, '2024-05-01 10:00:00+00', '2024-05-01 10:00:02.5+00', 0, 'done'), "
    "(2, 2, '2024-05-01 11:00:00+00', NULL, NULL, 'running'), "
    "(3, 3, '2024-05-02 00:00:00+00', '2024-05-02 00:01:00+00', 1, 'failed')"
)

ORDERS_SEED = sql(
    "INSERT INTO orders (id, status, payload, total_cents) VALUES "
    "(10, 'new', NULL, 1500), (11, 'shipped', '{\"a\": 1}', 0)"
)

DATA_READS_LABELS = (
    "fetch_rows",
    "scalar_count",
    "inspect_bind",
    "json_literal",
    # "batch_reflect" (batch recreate="always" with reflection) is refused by alembic-rs:
    # tests/test_refused.py
    "long_name",
    "exclude_expression",
    "null_type",
    "downgrade_reads",
)

SEQUENCES: tuple[Sequence, ...] = (
    Sequence(
        "trip_planner-psycopg2",
        "trip_planner",
        "DATABASE_URL",
        driver="postgresql+psycopg2",
        steps=(
            cmd("upgrade", "0574c7047f44"),
            TRIP_SEED,
            *cycle(),
            # the branch and its merge, one side at a time
            cmd("downgrade", "0574c7047f44"),
            cmd("current"),
            cmd("upgrade", "4ffa5bbe7e5a"),
            cmd("upgrade", "ea8b78e4da54"),
            cmd("current"),
            cmd("downgrade", "-1"),
            cmd("upgrade", "51a5ef3f4682"),
            cmd("current"),
            cmd("downgrade", "4ffa5bbe7e5a"),
            cmd("current"),
            cmd("stamp", "4ffa5bbe7e5a", "ea8b78e4da54"),
            cmd("current", "-v"),
            cmd("upgrade", "heads"),
            cmd("upgrade", "nosuchrevision"),
            cmd("downgrade", "ea8b78e4da54@-1"),
            cmd("current"),
            cmd("stamp", "base"),
            cmd("current"),
        ),
    ),
    Sequence("trip_planner-psycopg3", "trip_planner", "DATABASE_URL", cycle()),
    Sequence(
        "finance_backend",
        "finance_backend",
        "DATABASE_URL",
        driver="postgresql+psycopg",
        steps=(
            cmd("upgrade", "2fcfa10330f0"),
            FINANCE_SEED,
            cmd("upgrade", "00d4fbc3acc8"),
            cmd("upgrade", "482a099466d7"),
            cmd("current"),
            cmd("upgrade", "head"),
            cmd("downgrade", "c6674617ade9"),
            cmd("downgrade", "-1"),
            cmd("current"),
            *cycle(),
        ),
    ),
    Sequence(
        "job_runner",
        "job_runner",
        "DATABASE_URL",
        driver="postgresql+psycopg2",
        steps=(
            cmd("upgrade", "22b29736560f"),
            JOBS_SEED,
            cmd("upgrade", "e11effefe76c"),
            cmd("current"),
            cmd("upgrade", "8f75e95497fa"),
            cmd("current"),
            cmd("upgrade", "heads"),
            cmd("downgrade", "ae27af39a19b"),
            cmd("current"),
            *cycle(),
        ),
    ),
    Sequence("fastapi_template", "fastapi_template", "DATABASE_URL", cycle()),
    Sequence("op_matrix", "op_matrix", "ini", cycle(), global_args=("-x", "seed_demo=yes")),
    # target_metadata's naming convention names the constraints (pg_dump shows them); nc05
    # fails under "strings" (an unnamed CHECK with %(constraint_name)s), as with Alembic
    Sequence(
        "naming_convention",
        "naming_convention",
        "ini",
        (
            cmd("upgrade", "nc04"),
            cmd("current"),
            cmd("downgrade", "base"),
            cmd("upgrade", "nc04"),
            cmd("upgrade", "head"),
            cmd("current"),
        ),
        global_args=("-x", "convention=strings"),
    ),
    Sequence(
        "naming_convention-classes",
        "naming_convention",
        "ini",
        (cmd("upgrade", "head"), cmd("current")),
        global_args=("-x", "convention=classes"),
    ),
    Sequence(
        "shared_connection-cli",
        "online/shared_connection",
        "DATABASE_URL",
        driver="postgresql+psycopg2",
        steps=cycle(),
    ),
    # graphs: the URL is sqlalchemy.url in alembic.ini
    Sequence(
        "graphs/branches_merges",
        "graphs/branches_merges",
        "ini",
        (
            *cycle(),
            cmd("downgrade", "5c4ca8bbcb9b"),
            cmd("upgrade", "62f8e6fc5367"),
            cmd("upgrade", "0b1aa97771a7"),
            cmd("current"),
            cmd("upgrade", "head"),
            cmd("downgrade", "a709fb2ae292"),
            cmd("current"),
            cmd("downgrade", "a2e46f28dd00"),
            cmd("upgrade", "e21290eb40cb"),
            cmd("upgrade", "b2f264e45152"),
            cmd("current"),
            cmd("stamp", "heads"),
            cmd("current"),
            cmd("downgrade", "base"),
        ),
    ),
    Sequence(
        "graphs/mesh",
        "graphs/mesh",
        "ini",
        (
            cmd("upgrade", "line0@head"),
            cmd("current"),
            cmd("upgrade", "line1@head"),
            cmd("upgrade", "heads"),
            cmd("current", "-v"),
            cmd("downgrade", "-3"),
            cmd("current"),
            cmd("downgrade", "line2@base"),
            cmd("downgrade", "base"),
            cmd("stamp", "head"),
            cmd("current"),
        ),
    ),
    Sequence(
        "graphs/mesh_open",
        "graphs/mesh_open",
        "ini",
        (
            cmd("upgrade", "head"),
            cmd("upgrade", "heads"),
            cmd("current"),
            cmd("downgrade", "-1"),
            cmd("downgrade", "base"),
        ),
    ),
    Sequence(
        "graphs/multiple_bases",
        "graphs/multiple_bases",
        "ini",
        (
            cmd("upgrade", "head"),
            cmd("upgrade", "networking@head"),
            cmd("current"),
            cmd("upgrade", "heads"),
            cmd("current"),
            cmd("downgrade", "networking@base"),
            cmd("current"),
            cmd("downgrade", "-1"),
            cmd("upgrade", "auth@head"),
            cmd("current", "-v"),
            cmd("downgrade", "base"),
            cmd("stamp", "heads"),
            cmd("current"),
            cmd("stamp", "base"),
        ),
    ),
    Sequence(
        "graphs/open_branches",
        "graphs/open_branches",
        "ini",
        (
            cmd("upgrade", "head"),
            cmd("upgrade", "heads"),
            cmd("current"),
            cmd("downgrade", "-1"),
            cmd("downgrade", "c8a83fe83749-1"),
            cmd("current"),
            cmd("upgrade", "c8a83fe83749@head"),
            cmd("current"),
            cmd("downgrade", "base"),
            cmd("stamp", "heads"),
            cmd("current", "-v"),
        ),
    ),
    Sequence(
        "graphs/two_locations",
        "graphs/two_locations",
        "ini",
        (
            cmd("upgrade", "heads"),
            cmd("current"),
            cmd("downgrade", "audit@base"),
            cmd("current"),
            cmd("upgrade", "audit@head"),
            cmd("current"),
            cmd("downgrade", "base"),
        ),
    ),
    Sequence(
        "graphs/prefixes",
        "graphs/prefixes",
        "ini",
        (
            cmd("upgrade", "abcd5678"),
            cmd("current"),
            cmd("upgrade", "abcd"),
            cmd("upgrade", "abc0ffee"),
            cmd("upgrade", "abcd_feature@head"),
            cmd("downgrade", "abcd1"),
            cmd("current"),
            cmd("downgrade", "base"),
        ),
    ),
    Sequence("graphs/named_sections", "graphs/named_sections", "ini", SHORT),
    Sequence(
        "graphs/named_sections-reporting",
        "graphs/named_sections",
        "ini",
        (
            cmd("upgrade", "head"),
            cmd("upgrade", "heads"),
            cmd("current", "-v"),
            cmd("downgrade", "-1"),
            cmd("downgrade", "base"),
        ),
        global_args=("-n", "reporting"),
        ini_section="reporting",
    ),
    *(
        Sequence(f"graphs/{name}", f"graphs/{name}", "ini", SHORT)
        for name in (
            "computed_ids",
            "header_styles",
            "package_location",
            "pyproject",
            "recursive",
            "two_locations_legacy",
        )
    ),
    # env.py shapes
    Sequence(
        "env_shapes/dotenv_database_url",
        "env_shapes/dotenv_database_url",
        "DATABASE_URL",
        driver="postgresql+psycopg2",
        steps=cycle(),
    ),
    Sequence(
        "env_shapes/async_template",
        "env_shapes/async_template",
        "ini",
        cycle(),
        driver="postgresql+asyncpg",
    ),
    Sequence(
        "env_shapes/settings_url_from_parts",
        "env_shapes/settings_url_from_parts",
        "POSTGRES_*",
        cycle(),
    ),
    Sequence(
        "env_shapes/src_models_package",
        "env_shapes/src_models_package",
        "ini",
        SHORT,
        driver="postgresql+psycopg2",
    ),
    Sequence(
        "env_shapes/tenant_x_argument",
        "env_shapes/tenant_x_argument",
        "ini",
        (
            cmd("-x", "tenant=acme", "upgrade", "head", "--tag", "v2025.06"),
            cmd("-x", "tenant=acme", "current"),
            cmd("-x", "tenant=Globex Corp", "upgrade", "9d2f41b7c6e0"),
            cmd("-x", "tenant=Globex Corp", "current", "-v"),
            cmd("-x", "tenant=acme", "downgrade", "-1"),
            cmd("current"),
            cmd("-x", "tenant=Globex Corp", "upgrade", "head"),
            cmd("-x", "tenant=acme", "downgrade", "base"),
            cmd("-x", "tenant=acme", "stamp", "head"),
        ),
    ),
    # migrations real Alembic cannot run offline work online, or fail in their own way
    Sequence(
        "offline_failures/data_reads",
        "offline_failures/data_reads",
        "ini",
        (
            cmd("upgrade", "2b3c4d5e6f70"),
            ORDERS_SEED,
            *(cmd("upgrade", f"{label}@head") for label in DATA_READS_LABELS),
            cmd("current"),
            sql("UPDATE orders SET archived = true WHERE id = 11"),
            cmd("downgrade", "downgrade_reads@-1"),
            cmd("current"),
            sql("UPDATE orders SET archived = false"),
            cmd("downgrade", "downgrade_reads@-1"),
            cmd("downgrade", "base"),
            cmd("current"),
        ),
    ),
    Sequence(
        "offline_failures/unescaped_percent_url",
        "offline_failures/unescaped_percent_url",
        "DATABASE_URL",
        (
            cmd("upgrade", "head", env={"DATABASE_URL": "postgresql://{user}:p%40ss@{host}/{db}"}),
            cmd("current"),
            cmd("upgrade", "head"),
            cmd("current", "-v"),
            cmd("downgrade", "base"),
        ),
    ),
    # failure parity: alembic_compat/online/failures, one labelled branch per failure
    Sequence(
        "failures",
        "online/failures",
        "DATABASE_URL",
        driver="postgresql+psycopg2",
        steps=(
            # from an empty database: everything runs in one transaction
            cmd("upgrade", "check_violation@head"),
            cmd("current"),
            cmd("upgrade", "c0ffee000002"),
            cmd("upgrade", "check_violation@head"),
            cmd("upgrade", "bad_sql@head"),
            cmd("upgrade", "python_error@head"),
            cmd("upgrade", "missing_table@head"),
            cmd("upgrade", "lost_connection@head"),
            cmd("current"),
            cmd("upgrade", "second_fails@head"),
            cmd("current"),
            cmd("upgrade", "read_then_fail@head"),
            cmd("upgrade", "write_then_fail@head"),
            cmd("current"),
            cmd("upgrade", "autocommit_then_fail@head"),
            cmd("current"),
            cmd("upgrade", "downgrade_fails@head"),
            cmd("downgrade", "c0ffee000002"),
            cmd("downgrade", "base"),
            cmd("current"),
            cmd("upgrade", "heads"),
            cmd("current"),
        ),
    ),
    Sequence(
        "failures-per-migration",
        "online/failures",
        "DATABASE_URL",
        driver="postgresql+psycopg",
        global_args=("-x", "transaction_per_migration=true"),
        steps=(
            cmd("upgrade", "check_violation@head"),
            cmd("current"),
            cmd("upgrade", "second_fails@head"),
            cmd("current"),
            cmd("upgrade", "read_then_fail@head"),
            cmd("upgrade", "write_then_fail@head"),
            cmd("current"),
            cmd("upgrade", "autocommit_then_fail@head"),
            cmd("current"),
            cmd("upgrade", "lost_connection@head"),
            cmd("current"),
            cmd("upgrade", "python_error@head"),
            cmd("upgrade", "downgrade_fails@head"),
            cmd("downgrade", "base"),
            cmd("current"),
        ),
    ),
)

SEQUENCES = tuple(
    dataclasses.replace(s, seeds=BRANCHY) if s.project in BRANCHY_PROJECTS else s for s in SEQUENCES
)

# ours also runs these with every migration through the Python `op` proxy (no static
# evaluation): a failure must surface the same way on both paths
NO_STATIC = {"ALEMBIC_RS_NO_STATIC": "1"}
ALSO_DYNAMIC = {
    "failures",
    "failures-per-migration",
    "trip_planner-psycopg2",
    "op_matrix",
    "naming_convention",
}

# set order probes: the oracle under another hash seed must pass the comparison ours gets
SEED_PROBES = (
    "trip_planner-psycopg2",
    "graphs/branches_merges",
    "graphs/multiple_bases",
    "graphs/open_branches",
    "failures",
)
PROBE_SEED = "2"

BY_ID = {s.id: s for s in SEQUENCES}


# The whole file runs about 360 alembic commands per side (several minutes). CORE covers every
# kind of flow; the rest is marked `slow` (`-m "not slow"` deselects it): the remaining corpus
# projects, op_matrix (166 revisions per cycle) and the no_static reruns.
CORE = {
    "trip_planner-psycopg2",
    "trip_planner-psycopg3",
    "finance_backend",
    "job_runner",
    "graphs/multiple_bases",
    "graphs/open_branches",
    "env_shapes/tenant_x_argument",
    "env_shapes/async_template",
    "offline_failures/data_reads",
    "offline_failures/unescaped_percent_url",
    "failures",
    "failures-per-migration",
}


def sequence_cases() -> list:
    out = []
    for seq in SEQUENCES:
        marks = () if seq.id in CORE else (pytest.mark.slow,)
        out.append(pytest.param(seq, False, id=seq.id, marks=marks))
        if seq.id in ALSO_DYNAMIC:
            out.append(pytest.param(seq, True, id=f"{seq.id}-no_static", marks=pytest.mark.slow))
    return out


# ---------------------------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="session")
def server(pg_server: str) -> ol.Server:
    return ol.Server.from_url(pg_server)


# ours' runs of the selected sequences, computed concurrently by _prewarm
_OURS: dict[tuple[str, bool], list[ol.Snapshot] | Exception] = {}


def _run_ours(seq: Sequence, no_static: bool, server: ol.Server, workdir: Path):
    env = NO_STATIC if no_static else None
    return list(ol.run_sequence("ours", seq, server, workdir, env))


@pytest.fixture(scope="module", autouse=True)
def _prewarm(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    # One alembic process costs most of a second: run the selected sequences concurrently up
    # front, each on its own databases: the oracle's (recorded on disk too, so later sessions
    # skip them) and ours. The tests then compare.
    oracle_jobs = []
    ours_jobs = []
    for item in request.session.items:
        if item.module is not request.module:
            continue
        callspec = getattr(item, "callspec", None)
        if item.originalname == "test_online_matches_alembic":
            seq = callspec.params["seq"]
            oracle_jobs.extend((seq, seed) for seed in seq.seeds)
            ours_jobs.append((seq, callspec.params["no_static"]))
        elif item.originalname == "test_oracle_online_is_seed_stable":
            seq = BY_ID[callspec.params["seq_id"]]
            oracle_jobs.extend((seq, seed) for seed in (*seq.seeds, PROBE_SEED))
    if not oracle_jobs and not ours_jobs:
        yield
        return
    server = request.getfixturevalue("server")
    oracle.oracle_venv()

    def oracle_job(job):
        # errors are left for the test owning the job to raise and report
        with contextlib.suppress(Exception):
            ol.oracle_snapshots(job[0], server, job[1])

    def ours_job(job):
        seq, no_static = job
        # a prefix of its own per job: numbered directories of one prefix are picked by
        # racing threads
        name = "online-ours-" + re.sub(r"\W", "_", f"{seq.id}-{int(no_static)}")
        workdir = tmp_path_factory.mktemp(name)
        try:
            _OURS[(seq.id, no_static)] = _run_ours(seq, no_static, server, workdir)
        except Exception as exc:  # reported by the test
            _OURS[(seq.id, no_static)] = exc

    with ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as pool:
        futures = [pool.submit(oracle_job, j) for j in dict.fromkeys(oracle_jobs)]
        futures += [pool.submit(ours_job, j) for j in ours_jobs]
        for f in futures:
            f.result()
    yield
    _OURS.clear()


# ---------------------------------------------------------------------------------------------
# the command sequences


def _compare_runs(
    seq: Sequence, expected: list[ol.StepExpectation], runs: list[ol.Snapshot], what: str
) -> None:
    # Every difference in output is reported, up to the first step after which the database
    # (or the exit code) differs: later steps would start from another state.
    reports = []
    for i, snap in enumerate(runs):
        if i >= len(expected):
            reports.append(f"{seq.id}: {what} ran more steps than the oracle")
            break
        report = ol.compare_step(expected[i], snap)
        if report:
            reports.append(ol.sequence_report(seq, i, expected, report))
            if not ol.same_effect(expected[i], snap):
                break
    else:
        if len(runs) != len(expected):
            reports.append(f"{seq.id}: {what} ran {len(runs)} of {len(expected)} steps")
    if reports:
        pytest.fail("\n\n".join(reports), pytrace=False)


@pytest.mark.parametrize(("seq", "no_static"), sequence_cases())
def test_online_matches_alembic(
    seq: Sequence, no_static: bool, server: ol.Server, tmp_path: Path, ours_alembic: Path
) -> None:
    expected = ol.expectations(seq, server)
    ours = _OURS.pop((seq.id, no_static), None)
    if ours is None:
        ours = _run_ours(seq, no_static, server, tmp_path)
    elif isinstance(ours, Exception):
        raise ours
    _compare_runs(seq, expected, ours, "ours")


@pytest.mark.parametrize("seq_id", SEED_PROBES)
def test_oracle_online_is_seed_stable(seq_id: str, server: ol.Server) -> None:
    # The comparison applied to the oracle itself under a hash seed its expectation never
    # saw: what ours is held to must not depend on Python's set order. Fails if the
    # expectations are too strict (or a sequence has a step whose effect follows set order).
    seq = BY_ID[seq_id]
    expected = ol.expectations(seq, server)
    other = ol.oracle_snapshots(seq, server, PROBE_SEED)
    _compare_runs(seq, expected, other, f"the oracle under PYTHONHASHSEED={PROBE_SEED}")


def test_sequences_cover_the_corpus() -> None:
    # every project with an env.py is in SEQUENCES, except broken/ (Alembic rejects those
    # before env.py runs), refused/ (features ours refuses on purpose: tests/test_refused.py)
    # and the ones listed here with the reason
    not_online = {
        "graphs/pyproject_only": "no sqlalchemy.url anywhere: pyproject.toml only",
    }
    projects = set()
    for env_py in ol.COMPAT.rglob("env.py"):
        root = env_py.parent
        while not any((root / f).exists() for f in ("alembic.ini", "pyproject.toml")):
            root = root.parent
        rel = root.relative_to(ol.COMPAT).as_posix()
        if not rel.startswith(("broken/", "refused/")):
            projects.add(rel)
    covered = {s.project for s in SEQUENCES}
    missing = sorted(projects - covered - set(not_online))
    assert not missing, f"projects without an online sequence: {missing}"
    assert not sorted(set(not_online) - projects), "stale entries in not_online"


def test_views_drop_only_what_must_differ() -> None:
    oracle_err = "\n".join(
        [
            "INFO  [alembic.runtime.migration] Will assume transactional DDL.",
            "<venv>/lib/python3.11/site-packages/alembic/script/revision.py:1168: UserWarning: "
            "downgrade -1 from multiple heads is ambiguous",
            "  util.warn(",
            "INFO  [alembic.runtime.migration] Running upgrade a -> b, msg",
            "Traceback (most recent call last):",
            '  File "<venv>/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1, in x',
            "    self.dialect.do_execute(",
            "psycopg2.errors.DivisionByZero: division by zero",
            "",
            "",
            "The above exception was the direct cause of the following exception:",
            "",
            "Traceback (most recent call last):",
            '  File "<project>/migrations/versions/b_msg.py", line 24, in upgrade',
            '    op.execute("SELECT 1 / 0")',
            "sqlalchemy.exc.DataError: (psycopg2.errors.DivisionByZero) division by zero",
            "[SQL: SELECT 1 / 0]",
            "(Background on this error at: https://sqlalche.me/e/21/9h9h)",
            "",
        ]
    )
    # ours: its own internal frames and the line of its own file raising the warning
    ours_err = (
        oracle_err.replace(
            "<venv>/lib/python3.11/site-packages/alembic/script/revision.py:1168",
            "<venv>/alembic/script/revision.py:20",
        )
        .replace("  util.warn(\n", "  warnings.warn(\n")
        .replace(
            '  File "<project>/migrations/versions/b_msg.py"',
            '  File "<venv>/alembic/x.py", line 3\n  File "<project>/migrations/versions/b_msg.py"',
        )
    )
    assert ol.view_stderr(oracle_err) == ol.view_stderr(ours_err)
    view = ol.view_stderr(oracle_err)
    assert "alembic/script/revision.py: UserWarning: downgrade -1 from multiple heads" in view
    assert "sqlalchemy.exc.DataError: (psycopg2.errors.DivisionByZero) division by zero" in view
    assert "[SQL: SELECT 1 / 0]" in view and "base.py" not in view
    # the exception, the message, the log lines, the order of the warning, the file raising
    # it, the version file's frame and a note still count
    for changed in (
        oracle_err.replace("division by zero\n[SQL", "division by zero!\n[SQL"),
        oracle_err.replace("DataError", "ProgrammingError"),
        oracle_err.replace("Running upgrade a -> b, msg", "Running upgrade a -> b, other"),
        oracle_err.replace("[SQL: SELECT 1 / 0]", "[SQL: SELECT 1 / 0; SELECT 2]"),
        oracle_err.replace("script/revision.py:1168", "ddl/impl.py:1168"),
        oracle_err.replace('b_msg.py", line 24', 'b_msg.py", line 25'),
        oracle_err.replace('    op.execute("SELECT 1 / 0")\n', ""),
        oracle_err + "alembic-rs: while running upgrade a -> b: op.execute (op #1 of b_msg.py)\n",
    ):
        assert ol.view_stderr(changed) != ol.view_stderr(oracle_err)
    # `current` lists heads and branch labels in set order
    assert ol.view_unordered_entries("b (x, y) (head)\na (head)\n") == (
        ol.view_unordered_entries("a (head)\nb (y, x) (head)\n")
    )
    # Running lines of independent branches in any order, but parents first
    run = "INFO  [alembic.runtime.migration] Running {} -> {}, m"
    up = [run.format("upgrade ", "a"), run.format("upgrade a", "b"), run.format("upgrade ", "c")]
    assert not ol.running_order_violations("\n".join(up))
    assert not ol.running_order_violations("\n".join([up[2], up[0], up[1]]))
    assert ol.running_order_violations("\n".join([up[1], up[0], up[2]]))


# ---------------------------------------------------------------------------------------------
# failure parity at a glance (the sequences above hold the detail)


def test_failures_project_fails_where_intended(server: ol.Server) -> None:
    # Guards the corpus: each failing branch of online/failures does fail under real Alembic
    # with the intended exception, so the parity above compares failures, not successes.
    snaps = {s.step: s for s in ol.oracle_snapshots(BY_ID["failures"], server, "0")}
    expect = {
        "check_violation": "sqlalchemy.exc.IntegrityError: (psycopg2.errors.CheckViolation)",
        "bad_sql": "sqlalchemy.exc.ProgrammingError: (psycopg2.errors.SyntaxError)",
        "python_error": "RuntimeError: refusing to continue",
        "missing_table": "sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable)",
        "lost_connection": "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError)",
        "second_fails": "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation)",
        "autocommit_then_fail": "sqlalchemy.exc.DataError: (psycopg2.errors.DivisionByZero)",
    }
    for label, exception in expect.items():
        snap = snaps[f"alembic upgrade {label}@head"]
        assert snap.returncode == 1, (label, snap)
        assert exception in snap.stderr, (label, snap.stderr)
    down = snaps["alembic downgrade c0ffee000002"]
    assert down.returncode == 1 and "ledger_archive" in down.stderr, down


# ---------------------------------------------------------------------------------------------
# the API: command.upgrade(cfg, "head") with cfg.attributes["connection"]

SCENARIOS_FILE = ol.ONLINE / "api_scenarios.py"
API_DRIVER = "postgresql+psycopg2"
API_SCENARIOS = (
    "begin_upgrade_head",
    "connect_upgrade_current",
    "caller_rolls_back",
    "connect_without_commit",
    "failure_in_begin",
    "failure_per_migration",
)


def _copy_online(tmp: Path) -> Path:
    # the scenarios run in a copy: running env.py in place would write bytecode and caches
    dst = tmp / "online"
    shutil.copytree(ol.ONLINE, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def _outcome(raw: dict, root: Path, server: ol.Server, db: str, venv: Path) -> dict:
    result = {
        k: ol.normalize(v, root, db, venv) if isinstance(v, str) else v for k, v in raw.items()
    }
    versions, data = ol.db_state(server, db)
    result.update(versions=versions, schema=ol.schema_dump(server, db), data=data)
    return result


def _oracle_api(scenario: str, server: ol.Server, tmp: Path) -> dict:
    """The scenario run by real Alembic in a subprocess, and the database it left behind."""
    root = _copy_online(tmp)
    out = tmp / "result.json"
    with ol.fresh_database(server) as db:
        proc = subprocess.run(
            [
                str(oracle.oracle_bin() / "python"),
                str(root / SCENARIOS_FILE.name),
                scenario,
                str(root),
                server.url(db, API_DRIVER),
                str(out),
            ],
            cwd=str(tmp),
            env=oracle.process_env(oracle.oracle_bin()),
            capture_output=True,
            text=True,
            timeout=oracle.TIMEOUT,
        )
        if proc.returncode != 0 or not out.exists():
            raise AssertionError(f"oracle scenario {scenario} crashed:\n{proc.stderr}")
        raw = json.loads(out.read_text(encoding="utf-8"))
        return _outcome(raw, root, server, db, oracle.oracle_bin().parent)


@contextlib.contextmanager
def _isolated_process_state(root: Path):
    """Undo what running env.py in this process does to global state: sys.path
    (prepend_sys_path), the modules imported from the project, and logging (fileConfig)."""
    path = list(sys.path)
    modules = set(sys.modules)
    manager = logging.Logger.manager
    saved = {
        name: (lg.level, list(lg.handlers), lg.propagate, lg.disabled)
        for name, lg in list(manager.loggerDict.items())
        if isinstance(lg, logging.Logger)
    }
    root_logger = logging.getLogger()
    root_state = (root_logger.level, list(root_logger.handlers))
    try:
        yield
    finally:
        sys.path[:] = path
        for name in set(sys.modules) - modules:
            origin = getattr(sys.modules.get(name), "__file__", None) or ""
            if origin.startswith(str(root)):
                del sys.modules[name]
        for name, lg in list(manager.loggerDict.items()):
            if isinstance(lg, logging.Logger):
                level, handlers, propagate, disabled = saved.get(name, (0, [], True, False))
                lg.setLevel(level)
                lg.handlers[:] = handlers
                lg.propagate = propagate
                lg.disabled = disabled
        root_logger.setLevel(root_state[0])
        root_logger.handlers[:] = root_state[1]


def _ours_api(scenario: str, server: ol.Server, tmp: Path) -> dict:
    """The scenario run by ours in this process, as a test suite would run it."""
    root = _copy_online(tmp)
    spec = importlib.util.spec_from_file_location(
        "online_api_scenarios", root / SCENARIOS_FILE.name
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with ol.fresh_database(server) as db:
        with _isolated_process_state(root):
            raw = module.run(scenario, str(root), server.url(db, API_DRIVER))
        return _outcome(raw, root, server, db, Path(sys.executable).parent.parent)


def oracle_api(scenario: str, server: ol.Server) -> dict:
    key = ol.cache_key("api", {"scenario": scenario, "driver": API_DRIVER}, ol.ONLINE, server)

    def compute() -> dict:
        with tempfile.TemporaryDirectory(prefix="online-api-") as tmp:
            return _oracle_api(scenario, server, Path(tmp))

    return ol.cached(key, compute)


@pytest.mark.parametrize("scenario", API_SCENARIOS)
def test_api_shared_connection(
    scenario: str, server: ol.Server, tmp_path: Path, ours_alembic: Path
) -> None:
    expected = oracle_api(scenario, server)
    ours = _ours_api(scenario, server, tmp_path)
    problems = []
    for key in ("error", "stdout", "log", "steps", "versions", "schema", "data"):
        if expected.get(key) != ours.get(key):
            want, got = expected.get(key), ours.get(key)
            if isinstance(want, str) and isinstance(got, str):
                problems.append(ol.diff(want, got, key))
            else:
                problems.append(
                    f"{key}:\n  oracle: {json.dumps(want, indent=1)}\n"
                    f"  ours:   {json.dumps(got, indent=1)}"
                )
    if problems:
        pytest.fail(f"API scenario {scenario}\n" + "\n".join(problems), pytrace=False)
