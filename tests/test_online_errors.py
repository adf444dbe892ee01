"""An online failure's traceback shows the op's line in the version file, as Alembic's does.

Statements are sent in batches, so the database's error surfaces when the batch is sent,
after the migration's Python code returned; the error is still the database's own (as
SQLAlchemy raises it, compared with real Alembic in test_online.py), re-raised through a
frame at the version file's op line, function ``upgrade``: for a migration read statically
(the evaluator keeps each op's position) as for one run through Python. No note is added.
"""

from __future__ import annotations

import oracle
import pytest

# online/failures: `check_violation` adds a column, then a CHECK that bob's balance of 0
# violates (the second op of c0ffee000010, on line 25)
MIGRATION = "c0ffee000010_balance_must_be_positive.py"


@pytest.mark.parametrize(
    "env", [{}, {"ALEMBIC_RS_NO_STATIC": "1"}], ids=["static", "through-python"]
)
def test_the_traceback_shows_the_op_line(
    copy_project, pg_database: str, env: dict[str, str]
) -> None:
    project = copy_project("online/failures")
    path = project / "migrations" / "versions" / MIGRATION
    source = path.read_text().splitlines()[24]
    assert "balance > 0" in source
    run_env = {"DATABASE_URL": pg_database, **env}
    setup = oracle.run_ours(["upgrade", "c0ffee000002"], project, run_env)
    assert setup.returncode == 0, setup.stderr
    failed = oracle.run_ours(["upgrade", "check_violation@head"], project, run_env)
    assert failed.returncode == 1
    assert "psycopg.errors.CheckViolation" in failed.stderr
    lines = failed.stderr.splitlines()
    frame = f'  File "{path}", line 25, in upgrade'
    assert frame in lines, failed.stderr
    assert lines[lines.index(frame) + 1] == source, failed.stderr
    # the frame is in the traceback of the error that ends the run (not its cause's)
    assert lines.index(frame) > lines.index(
        "The above exception was the direct cause of the following exception:"
    )
    assert not any(line.startswith("alembic-rs: ") for line in lines), failed.stderr
