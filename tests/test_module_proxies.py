"""``alembic.context`` / ``alembic.op`` behave as Alembic's module proxies: functions for the
class's public methods at any time (``NameError`` when called before an instance exists,
``AttributeError`` on ``None`` after), other attributes only while an instance is installed
(``AttributeError`` otherwise, never ``NameError``). The same snippet runs under both."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import oracle

SNIPPET = Path(__file__).parent / "snippets" / "module_proxies.py"


def _run(bin_dir: Path, tmp_path: Path) -> dict:
    proc = subprocess.run(
        [str(bin_dir / "python"), str(SNIPPET)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=oracle.process_env(bin_dir),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_module_proxies_match_alembic(tmp_path: Path) -> None:
    theirs = _run(oracle.oracle_bin(), tmp_path)
    ours = _run(oracle.ours_bin(), tmp_path)
    assert ours.keys() == theirs.keys()
    mismatched = {k: (ours[k], theirs[k]) for k in theirs if ours[k] != theirs[k]}
    assert not mismatched
