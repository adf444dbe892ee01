"""The runtime's DEBUG records reach ``logging`` as Alembic's do, when that level is on (the
Python adapter leaves them in Rust otherwise: see alembic_rs_py's executor.rs)."""

from __future__ import annotations

from pathlib import Path

import oracle

SNIPPET = Path(__file__).parent / "snippets" / "debug_log.py"
PROJECT = oracle.REPO / "alembic_compat" / "graphs" / "open_branches"


def test_debug_records_match_alembic() -> None:
    expected = oracle.run_snippet(oracle.oracle_bin(), SNIPPET, cwd=PROJECT)
    ours = oracle.run_snippet(oracle.ours_bin(), SNIPPET, cwd=PROJECT)
    assert any(line.startswith("DEBUG ") for line in expected["upgrade"])
    assert ours == expected
