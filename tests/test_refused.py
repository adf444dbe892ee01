"""Alembic features alembic-rs does not implement stop with an error naming the feature.

Each project under alembic_compat/refused/ runs under real Alembic (checked here too, so the
case stays a real feature and not a broken project); alembic-rs must fail before writing any
of that migration's SQL, with a message that names what is missing.
"""

from __future__ import annotations

import oracle
import pytest

REFUSED = oracle.REPO / "alembic_compat" / "refused"

CASES = [
    pytest.param(
        "batch_recreate_always",
        ["upgrade", "head", "--sql"],
        "recreate='always'",
        id="batch_recreate_always-upgrade",
    ),
    pytest.param(
        "batch_recreate_always",
        ["downgrade", "head:base", "--sql"],
        "recreate='always'",
        id="batch_recreate_always-downgrade",
    ),
]


@pytest.mark.parametrize(("project", "args", "names"), CASES)
def test_refused_with_a_clear_error(project: str, args: list[str], names: str) -> None:
    cwd = REFUSED / project
    theirs = oracle.run_oracle(args, cwd)
    assert theirs.returncode == 0, theirs.stderr
    ours = oracle.run_ours(args, cwd)
    assert ours.returncode == 1
    last = ours.stderr.strip().splitlines()[-1]
    assert last.startswith("NotImplementedError: alembic-rs: ") and names in last, last
    # nothing of the refused migration was written: ours is Alembic's output up to the
    # migration's "-- Running" marker, and stops there
    assert theirs.stdout.startswith(ours.stdout)
    assert ours.stdout.rstrip().splitlines()[-1].startswith("-- Running ")
