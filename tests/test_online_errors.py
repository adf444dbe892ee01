"""An online failure names the migration and the op it comes from.

Statements are sent in batches, so the database's error surfaces when the batch is sent,
after the migration's Python code returned; the error is still the database's own (as
SQLAlchemy raises it, compared with real Alembic in test_online.py) and carries a note naming
the step and the op: by index for a migration read statically, by file and line for one run
through Python.
"""

from __future__ import annotations

import oracle
import pytest

# online/failures: `check_violation` adds a column, then a CHECK that bob's balance of 0
# violates (the second op of c0ffee000010, on line 25)
MIGRATION = "c0ffee000010_balance_must_be_positive.py"


@pytest.mark.parametrize(
    ("env", "op"),
    [
        ({}, "op.create_check_constraint (op #2 of {path})"),
        ({"ALEMBIC_RS_NO_STATIC": "1"}, "op.create_check_constraint at {path}:25"),
    ],
    ids=["static", "through-python"],
)
def test_the_error_names_the_step_and_the_op(
    copy_project, pg_database: str, env: dict[str, str], op: str
) -> None:
    project = copy_project("online/failures")
    path = project / "migrations" / "versions" / MIGRATION
    assert "balance > 0" in path.read_text().splitlines()[24]
    run_env = {"DATABASE_URL": pg_database, **env}
    setup = oracle.run_ours(["upgrade", "c0ffee000002"], project, run_env)
    assert setup.returncode == 0, setup.stderr
    failed = oracle.run_ours(["upgrade", "check_violation@head"], project, run_env)
    assert failed.returncode == 1
    assert "psycopg.errors.CheckViolation" in failed.stderr
    step = "upgrade c0ffee000002 -> c0ffee000010"
    note = f"alembic-rs: while running {step}: " + op.format(path=path)
    assert note in failed.stderr.splitlines(), failed.stderr
