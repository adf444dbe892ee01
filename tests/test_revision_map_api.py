"""RevisionMap built from Revision objects, the way test suites use Alembic's API: the same
snippet runs under real Alembic and under alembic-rs and must print the same JSON."""

from __future__ import annotations

from pathlib import Path

import oracle

SNIPPET = Path(__file__).parent / "snippets" / "revision_map_api.py"


def _run(bin_dir: Path) -> dict:
    return oracle.run_snippet(bin_dir, SNIPPET)


def test_revision_map_from_revision_objects_matches_alembic() -> None:
    theirs = _run(oracle.oracle_bin())
    ours = _run(oracle.ours_bin())
    assert ours.keys() == theirs.keys()
    mismatched = {k: (ours[k], theirs[k]) for k in theirs if ours[k] != theirs[k]}
    assert not mismatched
