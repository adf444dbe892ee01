"""Concurrent deploys: several `alembic upgrade head` processes on one database.

Real Alembic lets them race (sqlalchemy/alembic#633); alembic-rs takes a PostgreSQL advisory
lock, so one process applies the migrations and the others wait, then find nothing to do:
every process exits 0 and the migrations run once. Checked for the Python runtime (the trip
planner's env.py, python-dotenv), for a run that commits per migration (the session-level
lock), and for the native runtime (a template env.py), on a real server.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import oracle
import pytest

PROCESSES = 8


def _versions(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg2://", "postgresql://")) as conn:
        return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))


def _start(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(oracle.ours_bin() / "alembic"), *args],
        cwd=cwd,
        env=oracle.process_env(oracle.ours_bin(), env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _race(args: list[str], cwd: Path, env: dict[str, str]) -> list[tuple[int, str, str]]:
    procs = [_start(args, cwd, env) for _ in range(PROCESSES)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=oracle.TIMEOUT)
        out.append((p.returncode, stdout, stderr))
    return out


def _assert_applied_once(results: list[tuple[int, str, str]], migrations: int) -> None:
    for code, _, stderr in results:
        assert code == 0, stderr
    running = [r for _, _, stderr in results for r in stderr.splitlines() if "Running " in r]
    # every migration ran exactly once, in one of the processes
    assert len(running) == migrations, "\n".join(running)
    assert len(set(running)) == migrations


def _migrations(cwd: Path, env: dict[str, str]) -> int:
    history = oracle.run_ours(["history"], cwd, env)
    assert history.returncode == 0, history.stderr
    return len(history.stdout.splitlines())


def test_concurrent_upgrades_apply_once(copy_project, pg_database: str) -> None:
    project = copy_project("trip_planner")
    env = {"DATABASE_URL": pg_database}
    results = _race(["upgrade", "head"], project, env)
    _assert_applied_once(results, _migrations(project, env))
    assert _versions(pg_database) == _heads(project, env)


def test_concurrent_upgrades_with_a_transaction_per_migration(
    copy_project, pg_database: str
) -> None:
    # the run commits after each migration: the lock is the session-level one
    project = copy_project("trip_planner")
    env_py = project / "alembic" / "env.py"
    source = env_py.read_text()
    assert "target_metadata=target_metadata" in source
    env_py.write_text(
        source.replace(
            "target_metadata=target_metadata",
            "target_metadata=target_metadata, transaction_per_migration=True",
        )
    )
    env = {"DATABASE_URL": pg_database}
    results = _race(["upgrade", "head"], project, env)
    _assert_applied_once(results, _migrations(project, env))


def test_concurrent_native_upgrades_apply_once(copy_project, pg_database: str) -> None:
    # graphs/* projects use Alembic's template env.py: the native runtime runs them
    project = copy_project("graphs/branches_merges")
    ini = project / "alembic.ini"
    text = ini.read_text()
    lines = [
        f"sqlalchemy.url = {pg_database}" if line.startswith("sqlalchemy.url") else line
        for line in text.splitlines()
    ]
    ini.write_text("\n".join(lines) + "\n")
    results = _race(["upgrade", "heads"], project, {})
    _assert_applied_once(results, _migrations(project, {}))
    assert _versions(pg_database) == _heads(project, {})


def test_the_lock_can_be_turned_off(copy_project, pg_database: str) -> None:
    # with `alembic_rs_lock = false`, a run waits for no lock: it proceeds while another
    # session holds the lock alembic-rs would take
    import psycopg

    project = copy_project("trip_planner")
    ini = project / "alembic.ini"
    ini.write_text(
        ini.read_text().replace("[alembic]\n", "[alembic]\nalembic_rs_lock = false\n", 1)
    )
    key = _lock_key()
    with psycopg.connect(pg_database, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (key,))
        result = oracle.run_ours(["upgrade", "head"], project, {"DATABASE_URL": pg_database})
        holder.execute("SELECT pg_advisory_unlock(%s)", (key,))
    assert result.returncode == 0, result.stderr


def test_a_held_lock_makes_a_run_wait(copy_project, pg_database: str) -> None:
    import time

    import psycopg

    project = copy_project("trip_planner")
    key = _lock_key()
    with psycopg.connect(pg_database, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (key,))
        proc = _start(["upgrade", "head"], project, {"DATABASE_URL": pg_database})
        time.sleep(3)
        assert proc.poll() is None, "the run did not wait for the lock"
        holder.execute("SELECT pg_advisory_unlock(%s)", (key,))
        _, stderr = proc.communicate(timeout=oracle.TIMEOUT)
    assert proc.returncode == 0, stderr


def _heads(project: Path, env: dict[str, str]) -> list[str]:
    out = oracle.run_ours(["heads"], project, env).stdout
    return sorted(line.split()[0] for line in out.splitlines() if line.strip())


def _lock_key() -> int:
    # the key of alembic/ddl/postgresql.py's _AdvisoryLock for the default version table
    import hashlib

    digest = hashlib.md5(b"alembic_rs:.alembic_version").digest()[:8]
    return int.from_bytes(digest, "big", signed=True)


@pytest.fixture(autouse=True)
def _no_pg_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # PG* variables would make the native runtime step aside (libpq reads them)
    for name in list(os.environ):
        if name.startswith("PG"):
            monkeypatch.delenv(name)
