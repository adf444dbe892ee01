"""A read-only command must not import SQLAlchemy or Mako: importing SQLAlchemy alone costs
more than the whole command. Checked in a fresh interpreter on a corpus project, through the
Python API (the console script's fast path does not even import alembic)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import oracle

COMPAT = oracle.REPO / "alembic_compat"

PROBE = """
import io, sys
from alembic.config import Config
from alembic import command
cfg = Config("alembic.ini", stdout=io.StringIO())
for fn, args in [(command.heads, ()), (command.history, ()), (command.branches, ()),
                 (command.show, ("head",))]:
    fn(cfg, *args)
assert cfg.stdout.getvalue(), "the commands printed nothing"
heavy = sorted(m for m in ("sqlalchemy", "mako", "typing", "inspect", "logging")
               if m in sys.modules)
print(",".join(heavy))
"""


def test_read_only_commands_import_neither_sqlalchemy_nor_mako() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=COMPAT / "trip_planner",
        capture_output=True,
        text=True,
        check=False,
        env=oracle.process_env(oracle.ours_bin()),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"imported: {proc.stdout.strip()}"


def test_import_fallback_is_logged_at_debug(caplog) -> None:
    # graphs/computed_ids has version files whose identifiers are not literals
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    project = COMPAT / "graphs" / "computed_ids"
    cfg = Config(str(project / "alembic.ini"))
    with caplog.at_level(logging.DEBUG, logger="alembic.script.base"):
        script = ScriptDirectory.from_config(cfg)
        assert script.get_heads()
    messages = [r.getMessage() for r in caplog.records if r.name == "alembic.script.base"]
    assert any("is not plain literals" in m for m in messages), messages
    assert all(Path(m.split(":")[0].removeprefix("Importing ")).is_file() for m in messages)
