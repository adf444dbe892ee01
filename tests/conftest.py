"""Shared fixtures: the oracle (real Alembic), ours, corpus copies, and real PostgreSQL.

Differential tests compare `run_ours(...)` with `run_oracle(...)` (see tests/oracle.py).
Nothing here mocks a database: `pg_database` is a fresh database on a real server.
"""

from __future__ import annotations

import getpass
import glob
import os
import shutil
import socket
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import oracle

REPO = oracle.REPO
COMPAT = REPO / "alembic_compat"


# ---------------------------------------------------------------------------------------------
# oracle and ours


@pytest.fixture(scope="session")
def oracle_venv() -> Path:
    """Real Alembic's virtualenv (built on first use, cached in .oracle/)."""
    return oracle.oracle_venv()


@pytest.fixture(scope="session")
def ours_alembic() -> Path:
    """alembic-rs's console script; a failure (not a skip) when it is not installed."""
    script = oracle.ours_bin() / "alembic"
    if not script.exists():
        pytest.fail(f"{script} does not exist: build ours with `uv sync`", pytrace=False)
    return script


# ---------------------------------------------------------------------------------------------
# corpus


def compat_project(name: str) -> Path:
    """Path of a corpus project: 'trip_planner', 'graphs/mesh', 'broken/cycle', ..."""
    path = COMPAT / name
    if not path.is_dir():
        raise LookupError(f"no compat project {name!r} under {COMPAT}")
    return path


@pytest.fixture
def copy_project(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a corpus project into tmp_path so the test may write (revision, merge, ...).

    Returns tmp_path/<basename>; the original stays untouched.
    """

    def copy(name: str) -> Path:
        src = compat_project(name)
        dst = tmp_path / src.name
        shutil.copytree(
            src, dst, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", ".env")
        )
        return dst

    return copy


# ---------------------------------------------------------------------------------------------
# PostgreSQL


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _server_url_from_env() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a PostgreSQL server's maintenance database, used to create test databases.

    In order: TEST_DATABASE_URL; the local server at 127.0.0.1:5432 (user postgres, trust
    auth) when it answers; else a throwaway cluster started by pytest-postgresql's executor
    from the local binaries (/usr/lib/postgresql/*/bin), stopped at the end of the session.
    """
    url = _server_url_from_env()
    if url:
        yield url
        return
    if _answers("127.0.0.1", 5432):
        yield "postgresql://postgres@127.0.0.1:5432/postgres"
        return

    from pytest_postgresql.executors import PostgreSQLExecutor

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not candidates:
        pytest.fail("no PostgreSQL: set TEST_DATABASE_URL or install postgresql", pytrace=False)
    if os.geteuid() == 0:
        # initdb refuses to run as root; a CI container running as root must provide a
        # server instead (TEST_DATABASE_URL or one on 127.0.0.1:5432).
        pytest.fail(
            "cannot start a throwaway cluster as root; set TEST_DATABASE_URL", pytrace=False
        )
    base = tmp_path_factory.mktemp("pg")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    user = getpass.getuser()
    executor = PostgreSQLExecutor(
        executable=candidates[-1],
        host="127.0.0.1",
        port=port,
        datadir=str(base / "data"),
        unixsocketdir=str(base),
        logfile=str(base / "postgresql.log"),
        startparams="-w",
        dbname="postgres",
        user=user,
    )
    executor.start()
    try:
        yield f"postgresql://{user}@127.0.0.1:{port}/postgres"
    finally:
        executor.stop()


@pytest.fixture
def pg_database(pg_server: str) -> Iterator[str]:
    """A freshly created, empty database for this test (dropped afterwards); its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"alembic_rs_test_{uuid.uuid4().hex[:12]}"
    server = make_url(pg_server)
    conninfo = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            # FORCE: a failed test may leave a connection behind
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
