"""``alembic.context`` / ``alembic.op`` behave as Alembic's module proxies: functions for the
class's public methods at any time (``NameError`` when called before an instance exists,
``AttributeError`` on ``None`` after), other attributes only while an instance is installed
(``AttributeError`` otherwise, never ``NameError``). The same snippet runs under both."""

from __future__ import annotations

from pathlib import Path

import oracle

SNIPPET = Path(__file__).parent / "snippets" / "module_proxies.py"


def _run(bin_dir: Path, tmp_path: Path) -> dict:
    return oracle.run_snippet(bin_dir, SNIPPET, cwd=tmp_path)


def test_module_proxies_match_alembic(tmp_path: Path) -> None:
    theirs = _run(oracle.oracle_bin(), tmp_path)
    ours = _run(oracle.ours_bin(), tmp_path)
    assert ours.keys() == theirs.keys()
    mismatched = {k: (ours[k], theirs[k]) for k in theirs if ours[k] != theirs[k]}
    assert not mismatched
